package org.goldbuying.station.pricing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceTickConsumerTest {

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @Test
    void aTickThatBreaksItsContractIsParkedWithItsReasonAndTheNextOneIsAccepted() {
        String poison =
                "{\"contract\":\"price-tick/1\",\"sequence\":1,\"status\":\"ACTIVE\",\"spotUsdPerTroyOunce\":-5}";
        PriceTicks.publishRaw(poison);

        List<ConsumerRecord<String, String>> parked = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.PRICE_TICKS_DEAD_LETTER, r -> r.value().equals(poison), Duration.ofSeconds(30));
        Header reason = parked.get(parked.size() - 1).headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("price-tick/1 violated");

        long next = PriceTicks.publishActive("2700.00");
        given().get("/api/price")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(next))
                .body("quotable", equalTo(true))
                .body("spotUsdPerTroyOunce", equalTo("2700.00"));
    }
}
