package org.goldbuying.centre.seller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.goldbuying.centre.support.CentreSigningKeyResource;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The national register (issue 12) on the real broker and database: stations' signed registrations become one seller
 * per national ID with the merge recorded, a forged or altered registration changes nothing and is an incident, and a
 * block decided by two compliance officers leaves for every station signed by the centre.
 */
@QuarkusTest
class NationalRegisterTest {
    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-demo").contentType("application/json");
    }

    static SellerRegistration registration(
            SigningStation station, StationSigningKey key, UUID stationSellerId, int version, String nationalId) {
        return new SellerRegistration(
                SellerRegistration.CONTRACT,
                UUID.randomUUID(),
                station.id(),
                stationSellerId,
                version,
                PurchaseEvent.SellerType.INDIVIDUAL,
                "Grace Namukasa",
                nationalId,
                null,
                null,
                "+256772000111",
                List.of(new SellerRegistration.Site(
                        UUID.randomUUID(),
                        "Kitumbi pit " + version,
                        new BigDecimal("0.571200"),
                        new BigDecimal("31.402100"),
                        null)),
                Instant.parse("2026-12-08T08:00:00Z"),
                "clerk",
                Instant.now(),
                key.keyId(),
                null);
    }

    static String signed(SigningStation station, UUID stationSellerId, int version, String nationalId) {
        return SignedPurchases.signRegistration(
                registration(station, station.key(), stationSellerId, version, nationalId), station.key());
    }

    static JsonPath seller(String nationalId) {
        return as("auditor")
                .queryParam("q", nationalId)
                .get("/api/sellers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.nationalId == '" + nationalId + "' }");
    }

    /** The latest record of the seller on the register's topic, checked against the centre's signature. */
    static SellerRecord published(String sellerId, long revision) {
        List<ConsumerRecord<String, String>> records = kafka().readUntil(
                        Topics.SELLERS,
                        r -> sellerId.equals(r.key()) && r.value().contains("\"revision\":" + revision + ","),
                        Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        Header signature = last.headers().lastHeader(TickSignature.HEADER);
        assertThat(signature).as("the record's signature header").isNotNull();
        assertThat(TickSignature.verify(
                        CentreSigningKeyResource.pair().getPublic(),
                        last.value(),
                        new String(signature.value(), StandardCharsets.US_ASCII)))
                .isTrue();
        return Contract.SELLER_RECORD.read(last.value());
    }

    @Test
    void oneNationalIdRegisteredAtTwoStationsIsOneSellerWithTheMergeRecorded() {
        SigningStation first = new SigningStation("REG-" + System.nanoTime() % 100000);
        SigningStation second = new SigningStation("REG-" + System.nanoTime() % 100000 + 1);
        first.register();
        second.register();
        String nationalId = "CM" + System.nanoTime();
        UUID atFirst = UUID.randomUUID();
        UUID atSecond = UUID.randomUUID();
        String registered = signed(first, atFirst, 0, nationalId);

        kafka().send(Topics.PURCHASES, first.id(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getString("sellerId") != null);
        assertThat(seller(nationalId).getString("sellerId")).isEqualTo(atFirst.toString());
        assertThat(seller(nationalId).getInt("stations")).isEqualTo(1);
        assertThat(published(atFirst.toString(), 1).aliases()).hasSize(1);

        kafka().send(Topics.PURCHASES, second.id(), signed(second, atSecond, 0, nationalId));
        // a redelivery of the first station's registration changes nothing
        kafka().send(Topics.PURCHASES, first.id(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getInt("stations") == 2);
        JsonPath detail = as("compliance")
                .get("/api/sellers/" + atFirst)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("aliases.stationId")).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(detail.getString("merges[0].stationId")).isEqualTo(second.id());
        assertThat(detail.getString("merges[0].matchedOn")).isEqualTo("national ID " + nationalId);
        assertThat(detail.getList("sites")).hasSize(2);
        SellerRecord record = published(atFirst.toString(), 2);
        assertThat(record.namesAtStation(second.id(), atSecond)).isTrue();
        assertThat(record.namesAtStation(first.id(), atFirst)).isTrue();
        assertThat(seller(nationalId).getLong("revision")).isEqualTo(2);
    }

    @Test
    void aForgedOrAlteredRegistrationChangesNothingAndIsAnIncident() {
        SigningStation station = new SigningStation("FRG-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        StationSigningKey stranger = StationSigningKey.of(Ed25519.generate().getPrivate());
        String forged = SignedPurchases.signRegistration(
                registration(station, stranger, UUID.randomUUID(), 0, nationalId), stranger);
        String altered = signed(station, UUID.randomUUID(), 0, nationalId).replace("Grace Namukasa", "Someone Else");

        kafka().send(Topics.PURCHASES, station.id(), forged);
        kafka().send(Topics.PURCHASES, station.id(), altered);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Incidents.kinds(station.id()).size() == 2);
        assertThat(Incidents.kinds(station.id())).containsExactlyInAnyOrder("UNREGISTERED_KEY", "BAD_SIGNATURE");
        assertThat(seller(nationalId).getString("sellerId")).isNull();
    }

    @Test
    void aBlockTakesTwoComplianceOfficersAndLeavesForEveryStationSigned() {
        SigningStation station = new SigningStation("BLK-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        UUID sellerId = UUID.randomUUID();
        kafka().send(Topics.PURCHASES, station.id(), signed(station, sellerId, 0, nationalId));
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getString("sellerId") != null);
        String standing = "/api/sellers/" + sellerId + "/standing";
        String block = "{\"status\":\"BLOCKED\",\"reason\":\"Sold above the site's output at two stations\"}";

        as("treasury").body(block).post(standing).then().statusCode(403);
        as("compliance")
                .body("{\"status\":\"BLOCKED\",\"reason\":\"    short    \"}")
                .post(standing)
                .then()
                .statusCode(400);
        as("compliance")
                .body("{\"status\":\"SUSPENDED\",\"reason\":\"Sold above the site's output\"}")
                .post(standing)
                .then()
                .statusCode(400);
        as("compliance")
                .body(block)
                .post("/api/sellers/" + UUID.randomUUID() + "/standing")
                .then()
                .statusCode(404);
        JsonPath proposed = as("compliance")
                .body(block)
                .post(standing)
                .then()
                .statusCode(200)
                .body("seller.status", equalTo("ACTIVE"))
                .body("seller.proposedStatus", equalTo("BLOCKED"))
                .extract()
                .jsonPath();
        as("compliance2").body(block).post(standing).then().statusCode(409);
        String seen =
                "{\"proposedBy\":\"compliance\",\"proposedAt\":\"" + proposed.getString("seller.proposedAt") + "\"}";
        as("compliance")
                .body(seen)
                .post(standing + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        as("compliance2")
                .body("{\"proposedBy\":\"compliance\",\"proposedAt\":\"2026-01-01T00:00:00Z\"}")
                .post(standing + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("PROPOSAL_CHANGED"))
                .body("message", containsString("Sold above the site's output at two stations"));
        assertThat(seller(nationalId).getString("status")).isEqualTo("ACTIVE");

        as("compliance2")
                .body(seen)
                .post(standing + "/approve")
                .then()
                .statusCode(200)
                .body("seller.status", equalTo("BLOCKED"))
                .body("seller.statusReason", equalTo("Sold above the site's output at two stations"))
                .body("standing[0].proposedBy", equalTo("compliance"))
                .body("standing[0].decidedBy", equalTo("compliance2"));
        SellerRecord record = published(sellerId.toString(), 2);
        assertThat(record.status()).isEqualTo(SellerRecord.Status.BLOCKED);
        assertThat(record.statusReason()).isEqualTo("Sold above the site's output at two stations");
        as("compliance2").body(seen).post(standing + "/approve").then().statusCode(409);
    }
}
