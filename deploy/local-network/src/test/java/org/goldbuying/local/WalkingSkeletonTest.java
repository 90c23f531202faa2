package org.goldbuying.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One lot the whole way, on real parts only: the simulated balance on a pseudo-terminal, the packaged buying-station
 * and central-office as separate processes, two PostgreSQL servers and a Kafka broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonTest {
    static LocalNetwork network;
    static NetworkClient client;

    @BeforeAll
    static void startTheNetwork() {
        Path root = Path.of(System.getProperty("gold.root", "../.."))
                .toAbsolutePath()
                .normalize();
        network = LocalNetwork.start(LocalNetwork.Settings.forTests(root, Path.of("target", "network")));
        client = new NetworkClient(network);
    }

    @AfterAll
    static void stopTheNetwork() {
        if (network != null) {
            network.close();
        }
    }

    static io.restassured.specification.RequestSpecification station() {
        return client.station("clerk");
    }

    static JsonPath reserve() {
        return client.reserve();
    }

    static String weighQuoteAndPay(String grams) {
        return client.weighQuoteAndPay(grams);
    }

    @Test
    @Order(1)
    void oneLotFromTheBalanceToTheReserveCountedOnceEvenWhenRedelivered() throws IOException {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(station().get("/api/price").path("quotable")));
        assertThat(given().baseUri(network.centreUrl()).get("/api/price").<String>path("spotUsdPerTroyOunce"))
                .isEqualTo("2650.00");

        String id = weighQuoteAndPay("12.34");
        JsonPath lot = station().get("/api/lots/" + id).then().extract().jsonPath();
        assertThat(lot.getString("quote.fineGrams")).isEqualTo("11.2911");
        assertThat(lot.getLong("quote.netPayableMinor")).isEqualTo(3_239_041L);

        await().atMost(Duration.ofSeconds(60)).until(() -> reserve().getLong("purchases") == 1);
        JsonPath reserve = reserve();
        assertThat(reserve.getString("byCurrency[0].currency")).isEqualTo("UGX");
        assertThat(new BigDecimal(reserve.getString("byCurrency[0].fineGrams"))).isEqualByComparingTo("11.2911");
        assertThat(new BigDecimal(reserve.getString("byCurrency[0].grossGrams")))
                .isEqualByComparingTo("12.34");
        assertThat(reserve.getLong("byCurrency[0].costMinor")).isEqualTo(3_239_041L);

        // The broker delivers the same event again, twice: the reserve must not move.
        KafkaProbe kafka = new KafkaProbe(network.kafkaBootstrapServers());
        List<ConsumerRecord<String, String>> sent =
                kafka.readUntil(Topics.PURCHASES, r -> r.value().contains(id), Duration.ofSeconds(30));
        String event = sent.get(sent.size() - 1).value();
        kafka.send(Topics.PURCHASES, LocalNetwork.STATION_ID, event);
        kafka.send(Topics.PURCHASES, LocalNetwork.STATION_ID, event);
        // A different purchase behind them on the same partition proves the duplicates were consumed: one more of the
        // station's own, signed with its key (the test has the run folder the launcher made it in).
        PurchaseEvent original = SignedPurchases.read(event).event();
        UUID markerId = UUID.randomUUID();
        StationSigningKey stationKey = StationSigningKey.readOrCreate(
                Path.of("target", "network", "keys", "station-" + LocalNetwork.STATION_ID + ".pem"));
        String marker = SignedPurchases.sign(
                        new PurchaseEvent(
                                original.contract(),
                                UUID.randomUUID(),
                                markerId,
                                original.stationId(),
                                original.region(),
                                1_000_000,
                                original.paidAt(),
                                original.seller(),
                                original.weighing(),
                                original.assay(),
                                original.fineGrams(),
                                original.price(),
                                original.currency(),
                                original.currencyExponent(),
                                original.grossValueMinor(),
                                original.deductionsMinor(),
                                original.netPayableMinor(),
                                original.verificationCode(),
                                original.stationKeyId(),
                                null,
                                null),
                        stationKey)
                .json();
        kafka.send(Topics.PURCHASES, LocalNetwork.STATION_ID, marker);
        // wait for the marker itself: a count of 2 is also what the first duplicate alone would make, were it counted
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().baseUri(network.centreUrl())
                                .get("/api/receipts/" + markerId + "?code=" + original.verificationCode())
                                .statusCode()
                        == 200);
        assertThat(reserve().getLong("purchases")).isEqualTo(2);
        assertThat(new BigDecimal(reserve().getString("byCurrency[0].fineGrams")))
                .isEqualByComparingTo("22.5822");
    }

    @Test
    @Order(2)
    void aStationKilledRightAfterAPaymentSendsThePurchaseAfterItsRestart() {
        long before = reserve().getLong("purchases");
        String id = weighQuoteAndPay("20.00");
        network.killAndRestartStation();
        station().get("/api/lots/" + id).then().statusCode(200).body("status", equalTo("PAID"));
        await().atMost(Duration.ofSeconds(60)).until(() -> reserve().getLong("purchases") == before + 1);
    }

    /**
     * The national register the whole way (issue 12): a seller registered at this station reaches the centre's
     * register; a seller another station registered reaches this station as a copy; blocked at the centre by two
     * compliance officers, they are refused at this counter with the centre's reason.
     */
    @Test
    @Order(3)
    void aSellerBlockedAtTheCentreIsRefusedAtAnotherStation() {
        String registeredHere =
                station().get("/api/sellers/" + firstSellerOfThisStation()).path("nationalId");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !centreSellers(registeredHere).getList("").isEmpty());
        assertThat(centreSellers(registeredHere).getString("[0].firstStationId"))
                .isEqualTo(LocalNetwork.STATION_ID);

        // another station, with its key registered by two treasury users, registers a miner
        StationSigningKey otherKey = StationSigningKey.of(Ed25519.generate().getPrivate());
        String otherStation = "OTHER-" + System.nanoTime() % 100000;
        client.centre("treasury")
                .body("{\"stationId\":\"" + otherStation + "\",\"region\":\"Local\",\"publicKey\":\""
                        + otherKey.publicKey().text() + "\",\"reason\":\"Installed at the other station\"}")
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        client.centre("treasury2")
                .post("/api/station-keys/" + otherKey.keyId() + "/approve")
                .then()
                .statusCode(200);
        String nationalId = "CM" + System.nanoTime();
        UUID sellerId = UUID.randomUUID();
        UUID siteId = UUID.randomUUID();
        SellerRegistration registration = new SellerRegistration(
                SellerRegistration.CONTRACT,
                UUID.randomUUID(),
                otherStation,
                sellerId,
                0,
                PurchaseEvent.SellerType.INDIVIDUAL,
                "Grace Namukasa",
                nationalId,
                null,
                null,
                null,
                List.of(new SellerRegistration.Site(
                        siteId, "Kitumbi pit 4", new BigDecimal("0.5712"), new BigDecimal("31.4021"), null)),
                Instant.now(),
                "clerk",
                Instant.now(),
                otherKey.keyId(),
                null);
        new KafkaProbe(network.kafkaBootstrapServers())
                .send(Topics.PURCHASES, otherStation, SignedPurchases.signRegistration(registration, otherKey));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !centreSellers(nationalId).getList("").isEmpty());
        String national = centreSellers(nationalId).getString("[0].sellerId");

        // this station keeps a copy, under the national id, and could buy from the miner offline
        await().atMost(Duration.ofSeconds(60))
                .until(() -> station().get("/api/sellers/" + national).statusCode() == 200);
        station().get("/api/sellers/" + national).then().body("origin", equalTo("NATIONAL_REGISTER"));

        // two compliance officers block the miner at the centre
        String standing = "/api/sellers/" + national + "/standing";
        String proposedAt = client.centre("compliance")
                .body("{\"status\":\"BLOCKED\",\"reason\":\"Sold the same week at two stations above the site's"
                        + " output\"}")
                .post(standing)
                .then()
                .statusCode(200)
                .extract()
                .path("seller.proposedAt");
        client.centre("compliance2")
                .body("{\"proposedBy\":\"compliance\",\"proposedAt\":\"" + proposedAt + "\"}")
                .post(standing + "/approve")
                .then()
                .statusCode(200)
                .body("seller.status", equalTo("BLOCKED"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "BLOCKED"
                        .equals(station().get("/api/sellers/" + national).path("nationalStatus")));
        station()
                .contentType(ContentType.JSON)
                .body("{\"sellerId\":\"%s\",\"mineSiteId\":\"%s\",\"finenessPerMille\":\"915.0\"}"
                        .formatted(national, siteId))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("SELLER_BLOCKED"))
                .body("message", containsString("blocked by the national register: Sold the same week"));
    }

    /** The seller of this station's first lot (every lot's seller is registered at this station). */
    static String firstSellerOfThisStation() {
        return station()
                .get("/api/lots/purchase/1")
                .then()
                .statusCode(200)
                .extract()
                .path("sellerId");
    }

    static JsonPath centreSellers(String nationalId) {
        return client.centre("auditor")
                .queryParam("q", nationalId)
                .get("/api/sellers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
