package org.goldbuying.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.PurchaseEvent;
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
}
