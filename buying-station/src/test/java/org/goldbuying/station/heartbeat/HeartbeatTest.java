package org.goldbuying.station.heartbeat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.StationHeartbeat;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.station.support.Counter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HeartbeatTest {

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @Test
    void theStationSendsHeartbeatsThatSatisfyTheirContract() {
        List<ConsumerRecord<String, String>> beats = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.STATION_HEARTBEATS, r -> "TEST-01".equals(r.key()), Duration.ofSeconds(30));
        String json = beats.get(beats.size() - 1).value();
        assertThat(Contract.STATION_HEARTBEAT.violations(json)).isEmpty();
        StationHeartbeat heartbeat = Contract.STATION_HEARTBEAT.read(json);
        assertThat(heartbeat.stationId()).isEqualTo("TEST-01");
        assertThat(heartbeat.balance().deviceId()).isEqualTo("counter-1");

        given().get("/api/status")
                .then()
                .statusCode(200)
                .body("stationId", equalTo("TEST-01"))
                .body("balance.verificationExpiry", notNullValue());
    }
}
