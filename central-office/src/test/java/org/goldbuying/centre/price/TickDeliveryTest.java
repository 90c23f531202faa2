package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.goldbuying.centre.support.Pricing.auditor;
import static org.goldbuying.centre.support.Pricing.publishNow;
import static org.goldbuying.centre.support.Pricing.published;
import static org.goldbuying.centre.support.Pricing.treasury;
import static org.goldbuying.centre.support.Pricing.treasury2;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ticks leave the centre through their table: decided while the centre's Kafka is down (a suspension, then a manual
 * price two treasury users approve), both are kept, sent once the broker is back, and reach a station's consumer of
 * the topic in the order they were decided.
 */
@QuarkusTest
class TickDeliveryTest {
    @Inject
    SimulatedGoldFeed feed;

    @AfterEach
    void brokerUpAndFeedReleased() {
        InfraTestResource.kafka().restart(); // nothing when it runs
        feed.release();
    }

    static JsonPath delivery() {
        return auditor()
                .get("/api/price/delivery")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aSuspensionAndAManualPriceDecidedWhileKafkaIsDownReachTheStationsInOrder() {
        feed.force(new BigDecimal("2650.00"));
        assertThat(published(publishNow()).active()).isTrue();

        InfraTestResource.kafka().stop();
        // the feed jumps 20 %: the round suspends the price (the jump is held for two treasury users)
        feed.force(new BigDecimal("3180.00"));
        long suspension = publishNow();
        long manualId = treasury()
                .body("{\"spotUsdPerTroyOunce\":\"2661.40\",\"note\":\"LBMA PM by phone: feed vendor down\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long manual = treasury2()
                .post("/api/pricing/prices/" + manualId + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .extract()
                .jsonPath()
                .getLong("tickSequence");
        assertThat(manual).isEqualTo(suspension + 1);
        // both are stored and wait for Kafka; the relay keeps trying and says why it cannot send
        assertThat(delivery().getLong("unsentTicks")).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> delivery().getInt("relay.consecutiveFailures") > 0);

        InfraTestResource.kafka().restart();
        PriceTick suspended = published(suspension);
        assertThat(suspended.active()).isFalse();
        assertThat(suspended.suspendedReason()).contains("moved 20.00%");
        PriceTick manualTick = published(manual);
        assertThat(manualTick.active()).isTrue();
        assertThat(manualTick.source()).isEqualTo(new PriceTick.Source("manual", false));
        assertThat(manualTick.spotUsdPerTroyOunce()).isEqualByComparingTo("2661.40");

        // on the topic, as a station reads it: the suspension before the manual price, each once
        List<Long> sequences = new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                        .readUntil(
                                Topics.PRICE_TICKS,
                                r -> r.value().contains("\"sequence\":" + manual + ","),
                                Duration.ofSeconds(30))
                        .stream()
                        .map(ConsumerRecord::value)
                        .map(Contract.PRICE_TICK::read)
                        .map(PriceTick::sequence)
                        .filter(s -> s >= suspension)
                        .toList();
        assertThat(sequences).containsExactly(suspension, manual);
        await().atMost(Duration.ofSeconds(10)).until(() -> delivery().getLong("unsentTicks") == 0);
        assertThat(delivery().getInt("relay.consecutiveFailures")).isZero();

        // the feed near the manual price supersedes it and the held jump: the next test starts from the feed
        feed.force(new BigDecimal("2655.00"));
        assertThat(published(publishNow()).source().name()).isEqualTo("simulated-spot");
    }
}
