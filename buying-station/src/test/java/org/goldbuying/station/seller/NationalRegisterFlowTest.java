package org.goldbuying.station.seller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationPublicKey;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.NationalRegister;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The station's side of the national register (issue 12), on the real broker and database: every seller registered
 * here leaves for the centre signed, in the outbox; the centre's signed records block a seller at this counter, or
 * give the station a copy of a seller registered elsewhere; a record the centre did not sign, or an older revision,
 * changes nothing.
 */
@QuarkusTest
class NationalRegisterFlowTest {
    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    static JsonPath seller(String id) {
        return given().get("/api/sellers/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aSellerRegisteredHereLeavesForTheCentreSignedByTheStation() {
        Sellers.Registered seller = Sellers.individual();

        List<ConsumerRecord<String, String>> records = NationalRegister.kafka()
                .readUntil(Topics.PURCHASES, r -> r.value().contains(seller.sellerId()), Duration.ofSeconds(30));

        ConsumerRecord<String, String> sent = records.get(records.size() - 1);
        assertThat(sent.key()).isEqualTo("TEST-01");
        SignedPurchases.ReceivedRegistration received =
                (SignedPurchases.ReceivedRegistration) SignedPurchases.readMessage(sent.value());
        SellerRegistration registration = received.registration();
        assertThat(registration.stationSellerId().toString()).isEqualTo(seller.sellerId());
        assertThat(registration.version()).isZero();
        assertThat(registration.registeredBy()).isEqualTo("clerk");
        assertThat(registration.sites()).extracting(s -> s.siteId().toString()).containsExactly(seller.siteId());
        StationPublicKey stationKey = StationPublicKey.parse(
                given().get("/api/identity").then().statusCode(200).extract().path("publicKey"));
        assertThat(stationKey.verifies(received.signedBytes(), registration.signature()))
                .isTrue();
    }

    @Test
    void aBlockDecidedAtTheCentreIsRefusedAtThisCounterAndOnlyTheCentreLiftsIt() {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal("3.00"));
        Sellers.Registered seller = Sellers.individual();
        String nationalId = seller(seller.sellerId()).getString("nationalId");
        UUID national = UUID.randomUUID();
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national,
                        3,
                        nationalId,
                        SellerRecord.Status.BLOCKED,
                        "Sold above the site's output at two stations",
                        UUID.fromString(seller.sellerId())));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "BLOCKED".equals(seller(seller.sellerId()).getString("nationalStatus")));
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(seller, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("SELLER_BLOCKED"))
                .body("message", containsString("blocked by the national register: Sold above the site's output"));
        // the station's own standing is not the national one: a supervisor cannot lift the centre's block
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Seller says it is a mistake\"}")
                .post("/api/sellers/" + seller.sellerId() + "/unblock")
                .then()
                .statusCode(409);

        // an older revision (a replay) changes nothing; the sentinel after it, on the same partition, shows it was read
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national, 2, nationalId, SellerRecord.Status.ACTIVE, null, UUID.fromString(seller.sellerId())));
        UUID sentinel = UUID.randomUUID();
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        sentinel, 1, Sellers.uniqueNumber("CM"), SellerRecord.Status.ACTIVE, null, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        given().get("/api/sellers/" + sentinel).then().extract().statusCode() == 200);
        assertThat(seller(seller.sellerId()).getString("nationalStatus")).isEqualTo("BLOCKED");
        assertThat(seller(seller.sellerId()).getLong("nationalRevision")).isEqualTo(3);

        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national, 4, nationalId, SellerRecord.Status.ACTIVE, null, UUID.fromString(seller.sellerId())));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACTIVE".equals(seller(seller.sellerId()).getString("nationalStatus")));
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(seller, "900"))
                .post("/api/lots")
                .then()
                .statusCode(201);
    }

    /** A block that arrives between the quote and the payment stops the payment; the lot stays quoted. */
    @Test
    void aBlockArrivingAfterTheQuoteStopsThePayment() {
        PriceTicks.publishActive("2650.00");
        Shifts.openFor("clerk");
        JsonPath lot = Lots.quotedAndApproved("clerk", "4.00");
        String sellerId = lot.getString("sellerId");
        UUID national = UUID.randomUUID();
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national,
                        1,
                        seller(sellerId).getString("nationalId"),
                        SellerRecord.Status.BLOCKED,
                        "Licence withdrawn by the mining authority",
                        UUID.fromString(sellerId)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "BLOCKED".equals(seller(sellerId).getString("nationalStatus")));

        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + lot.getString("id") + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("SELLER_BLOCKED"))
                .body("message", containsString("Licence withdrawn by the mining authority"));
        given().get("/api/lots/" + lot.getString("id")).then().statusCode(200).body("status", equalTo("QUOTED"));
    }

    @Test
    void aSellerRegisteredElsewhereIsKeptAsACopyAndCannotBeRegisteredAgain() {
        UUID national = UUID.randomUUID();
        String nationalId = Sellers.uniqueNumber("CM");
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(national, 1, nationalId, SellerRecord.Status.ACTIVE, null, null));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        given().get("/api/sellers/" + national).then().extract().statusCode() == 200);
        JsonPath copy = seller(national.toString());
        assertThat(copy.getString("origin")).isEqualTo("NATIONAL_REGISTER");
        assertThat(copy.getString("nationalId")).isEqualTo(nationalId);
        assertThat(copy.getList("sites")).hasSize(1);
        given().contentType(ContentType.JSON)
                .body("""
                        {"type":"INDIVIDUAL","name":"Amina Nakato","nationalId":"%s",
                         "site":{"name":"Kasanda pit 4","latitude":"0.4447","longitude":"31.8167"}}
                        """.formatted(nationalId.toLowerCase().replaceFirst("cm", "cm-")))
                .post("/api/sellers")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        // typed as a clerk might, the number still finds the seller
        given().queryParam("nationalId", " " + nationalId.toLowerCase() + " ")
                .get("/api/sellers")
                .then()
                .statusCode(200)
                .body("id", equalTo(national.toString()));
    }

    /**
     * A record never touches a local seller linked to another national seller, even one naming it as this station's
     * id: whoever made such a record (a station insider's registration colliding with ours) gets a copy of their own.
     */
    @Test
    void aRecordOfAnotherNationalSellerNeverChangesOneAlreadyLinked() {
        Sellers.Registered seller = Sellers.individual();
        UUID mine = UUID.fromString(seller.sellerId());
        UUID national = UUID.randomUUID();
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national,
                        1,
                        seller(seller.sellerId()).getString("nationalId"),
                        SellerRecord.Status.ACTIVE,
                        null,
                        mine));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> seller(seller.sellerId()).getString("nationalRevision") != null);

        UUID other = UUID.randomUUID();
        NationalRegister.publish(
                other.toString(),
                NationalRegister.record(
                        other,
                        7,
                        Sellers.uniqueNumber("CM"),
                        SellerRecord.Status.BLOCKED,
                        "A record naming our seller under another national seller",
                        mine));

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        given().get("/api/sellers/" + other).then().extract().statusCode() == 200);
        assertThat(seller(seller.sellerId()).getString("nationalStatus")).isEqualTo("ACTIVE");
        assertThat(seller(seller.sellerId()).getString("nationalSellerId")).isEqualTo(national.toString());
        assertThat(seller(other.toString()).getString("origin")).isEqualTo("NATIONAL_REGISTER");
    }

    @Test
    void aRecordTheCentreDidNotSignChangesNothing() {
        Sellers.Registered seller = Sellers.individual();
        String nationalId = seller(seller.sellerId()).getString("nationalId");
        UUID national = UUID.randomUUID();
        String forged = Contract.SELLER_RECORD.write(NationalRegister.record(
                national,
                9,
                nationalId,
                SellerRecord.Status.BLOCKED,
                "Forged by someone who can write to Kafka",
                UUID.fromString(seller.sellerId())));
        NationalRegister.kafka()
                .send(
                        Topics.SELLERS,
                        national.toString(),
                        forged,
                        Map.of(
                                TickSignature.HEADER,
                                TickSignature.sign(Ed25519.generate().getPrivate(), forged)));
        NationalRegister.kafka().send(Topics.SELLERS, national.toString(), forged);
        // the genuine record after them, on the same partition
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national, 1, nationalId, SellerRecord.Status.ACTIVE, null, UUID.fromString(seller.sellerId())));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> seller(seller.sellerId()).getString("nationalStatus") != null);
        assertThat(seller(seller.sellerId()).getString("nationalStatus")).isEqualTo("ACTIVE");
        assertThat(seller(seller.sellerId()).getLong("nationalRevision")).isEqualTo(1);
        // the dead-letter writes may still be in flight: read the topic until both are there
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(
                                NationalRegister.kafka().readAll(Topics.SELLERS_DEAD_LETTER, Duration.ofSeconds(30)))
                        .extracting(ConsumerRecord::value)
                        .filteredOn(v -> v.contains("Forged by someone"))
                        .hasSize(2));
    }
}
