package org.goldbuying.centre.price;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.goldbuying.centre.support.Pricing.publishNow;
import static org.goldbuying.centre.support.Pricing.published;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.contracts.PriceTick;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PricePublisherTest {
    @Inject
    SimulatedGoldFeed feed;

    @AfterEach
    void release() {
        feed.release();
    }

    @Test
    void aFeedValueBecomesAnActiveTickOnTheCompactedTopic() {
        feed.force(new BigDecimal("2650.00"));
        PriceTick tick = published(publishNow());
        assertThat(tick.active()).isTrue();
        assertThat(tick.spotUsdPerTroyOunce()).isEqualByComparingTo("2650.00");
        assertThat(tick.source().simulated()).isTrue();
        assertThat(tick.currency()).isEqualTo("UGX");
        assertThat(tick.policy().quoteLockSeconds()).isEqualTo(120);
    }

    @Test
    void aJumpOrAZeroSuspendsThePriceInsteadOfPublishingIt() {
        feed.force(new BigDecimal("2650.00"));
        publishNow();
        feed.force(new BigDecimal("3180.00"));
        PriceTick suspended = published(publishNow());
        assertThat(suspended.active()).isFalse();
        assertThat(suspended.suspendedReason()).contains("moved 20.00%");
        assertThat(suspended.spotUsdPerTroyOunce()).isNull();
        // the same refusal again publishes nothing new
        given().auth()
                .preemptive()
                .basic("treasury", "treasury-demo")
                .post("/api/price/publish")
                .then()
                .statusCode(204);

        feed.force(BigDecimal.ZERO);
        assertThat(published(publishNow()).suspendedReason()).contains("not positive");
        feed.force(new BigDecimal("2655.00"));
        assertThat(published(publishNow()).active()).isTrue();
    }
}
