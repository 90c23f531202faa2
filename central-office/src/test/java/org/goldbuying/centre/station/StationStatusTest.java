package org.goldbuying.centre.station;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/** Heartbeats through the real broker tell a quiet station from a cut-off one, and show lag and devices. */
@QuarkusTest
public class StationStatusTest {

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    public static String heartbeat(String station, Instant sentAt, long lastSequence, long backlog) throws IOException {
        return Files.readString(Path.of("..", "docs", "contracts", "examples", "station-heartbeat.v1.json"))
                .replace("\"MUB-01\"", "\"" + station + "\"")
                .replace("2026-11-22T09:16:00Z", sentAt.toString())
                .replace("\"lastStationSequence\": 42", "\"lastStationSequence\": " + lastSequence)
                .replace("\"outboxBacklog\": 3", "\"outboxBacklog\": " + backlog);
    }

    public static JsonPath station(String id) {
        return given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get("/api/stations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.stationId == '" + id + "' }");
    }

    public static boolean known(String id) {
        return given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get("/api/stations")
                .then()
                .extract()
                .jsonPath()
                .getList("stationId")
                .contains(id);
    }

    @Test
    void aStationThatBeatsIsOnlineAndItsMissingPurchasesShow() throws IOException {
        String id = "HB-" + System.nanoTime() % 100000;
        kafka().send(Topics.PURCHASES, id, Purchases.newPurchase(UUID.randomUUID(), id));
        kafka().send(Topics.STATION_HEARTBEATS, id, heartbeat(id, Instant.now(), 2, 1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> known(id) && station(id).getLong("purchasesIngested") == 1);
        JsonPath status = station(id);
        assertThat(status.getBoolean("online")).isTrue();
        assertThat(status.getLong("missingPurchases")).isEqualTo(1);
        assertThat(status.getLong("outboxBacklog")).isEqualTo(1);
        assertThat(status.getList("alerts", String.class)).anyMatch(a -> a.startsWith("LAG: 1"));

        // a late, older heartbeat never overwrites a newer one
        kafka().send(Topics.STATION_HEARTBEATS, id, heartbeat(id, Instant.now().minusSeconds(600), 0, 99));
        String marker = "HB-M" + System.nanoTime() % 100000;
        kafka().send(Topics.STATION_HEARTBEATS, marker, heartbeat(marker, Instant.now(), 0, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(marker));
        assertThat(station(id).getLong("outboxBacklog")).isEqualTo(1);
    }

    @Test
    void aSilentStationIsOfflineAndAPoisonHeartbeatIsParked() throws IOException {
        String id = "HB-OFF" + System.nanoTime() % 10000;
        kafka().send(
                        Topics.STATION_HEARTBEATS,
                        id,
                        "{\"contract\":\"station-heartbeat/1\",\"stationId\":\"" + id + "\"}");
        kafka().send(Topics.STATION_HEARTBEATS, id, heartbeat(id, Instant.now().minus(Duration.ofHours(2)), 0, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> known(id));
        assertThat(station(id).getBoolean("online")).isFalse();
        assertThat(station(id).getList("alerts", String.class)).anyMatch(a -> a.startsWith("OFFLINE"));
        kafka().readUntil(Topics.STATION_HEARTBEATS_DEAD_LETTER, r -> r.value().contains(id), Duration.ofSeconds(30));
    }
}
