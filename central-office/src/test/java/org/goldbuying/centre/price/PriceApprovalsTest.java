package org.goldbuying.centre.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldbuying.centre.support.Pricing.auditor;
import static org.goldbuying.centre.support.Pricing.currentTick;
import static org.goldbuying.centre.support.Pricing.publishNow;
import static org.goldbuying.centre.support.Pricing.published;
import static org.goldbuying.centre.support.Pricing.treasury;
import static org.goldbuying.centre.support.Pricing.treasury2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.contracts.PriceTick;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Held feed values and manual prices: published only when two different treasury users approve. */
@QuarkusTest
class PriceApprovalsTest {
    @Inject
    SimulatedGoldFeed feed;

    @AfterEach
    void release() {
        feed.release();
    }

    long publish(String spot) {
        feed.force(new BigDecimal(spot));
        return publishNow();
    }

    static JsonPath prices() {
        return auditor()
                .get("/api/pricing/prices")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The pending held value (the list puts pending ones first). */
    static long pendingHeld(String spot) {
        JsonPath list = prices();
        assertThat(list.getString("[0].kind")).isEqualTo("HELD");
        assertThat(list.getString("[0].status")).isEqualTo("HELD");
        assertThat(list.getString("[0].spotUsdPerTroyOunce")).isEqualTo(spot);
        return list.getLong("[0].id");
    }

    /** Two treasury users publish a held value; returns the tick's sequence. */
    static long approveTwice(long id) {
        treasury().post("/api/pricing/prices/" + id + "/approve").then().statusCode(200);
        return treasury2()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("tickSequence");
    }

    @Test
    void aHeldJumpIsPublishedOnlyWhenASecondTreasuryUserConfirmsItAndBecomesTheReference() {
        publish("2650.00");
        PriceTick suspended = published(publish("3180.00"));
        assertThat(suspended.active()).isFalse();
        assertThat(suspended.suspendedReason()).contains("moved 20.00%").contains("held for two treasury users");
        long id = pendingHeld("3180.00");
        assertThat(prices().getString("[0].referenceSpot")).isEqualTo("2650.00");
        assertThat(prices().getString("[0].source")).isEqualTo("simulated-spot");

        auditor().post("/api/pricing/prices/" + id + "/approve").then().statusCode(403);
        treasury()
                .body("{\"comment\":\"Reuters confirms the move\"}")
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("treasury"))
                .body("tickSequence", equalTo(null));
        assertThat(currentTick().getString("status")).isEqualTo("SUSPENDED");
        treasury()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"))
                .body("message", containsString("a different treasury user"));

        long sequence = treasury2()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("decidedBy", equalTo("treasury2"))
                .extract()
                .jsonPath()
                .getLong("tickSequence");
        PriceTick tick = published(sequence);
        assertThat(tick.active()).isTrue();
        assertThat(tick.spotUsdPerTroyOunce()).isEqualByComparingTo("3180.00");
        assertThat(tick.source()).isEqualTo(new PriceTick.Source("simulated-spot", true));
        assertThat(tick.policy().discountPercent()).isEqualByComparingTo("5");
        assertThat(currentTick().getLong("sequence")).isEqualTo(sequence);
        treasury2()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("ALREADY_DECIDED"));

        // the approved value is the reference now: the feed near it is published, a return to 2650 is a jump
        assertThat(published(publish("3190.00")).active()).isTrue();
        assertThat(published(publish("2650.00")).active()).isFalse();
        PriceTick back = published(approveTwice(pendingHeld("2650.00")));
        assertThat(back.spotUsdPerTroyOunce()).isEqualByComparingTo("2650.00");

        java.util.List<String> actions = auditor()
                .get("/api/pricing/audit")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.subject == 'PRICE' && it.subjectId == " + id + " }.action");
        assertThat(actions).containsExactly("PRICE_APPROVED", "PRICE_VOUCHED", "PRICE_HELD");
    }

    @Test
    void aManualPriceStandsWhileTheFeedHasNothingAcceptableAndTheFeedSupersedesIt() {
        publish("2650.00");
        long id = treasury()
                .body("{\"spotUsdPerTroyOunce\":\"2661.40\",\"note\":\"LBMA PM by phone: feed vendor down\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(201)
                .body("kind", equalTo("MANUAL"))
                .body("status", equalTo("PROPOSED"))
                .body("spotUsdPerTroyOunce", equalTo("2661.40"))
                .extract()
                .jsonPath()
                .getLong("id");
        treasury()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        long sequence = treasury2()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("tickSequence");
        PriceTick manual = published(sequence);
        assertThat(manual.active()).isTrue();
        assertThat(manual.source()).isEqualTo(new PriceTick.Source("manual", false));
        assertThat(manual.spotUsdPerTroyOunce()).isEqualByComparingTo("2661.40");

        // the feed breaks or jumps: the manual price stays (no suspension), and the jump is held against it
        feed.force(BigDecimal.ZERO);
        treasury().post("/api/price/publish").then().statusCode(204);
        feed.force(new BigDecimal("3193.68"));
        treasury().post("/api/price/publish").then().statusCode(204);
        assertThat(currentTick().getLong("sequence")).isEqualTo(sequence);
        assertThat(prices().getString("[0].referenceSpot")).isEqualTo("2661.40");
        long held = pendingHeld("3193.68");

        // the feed's next acceptable value (within the limit of the manual price) supersedes it, and the held one
        PriceTick fromFeed = published(publish("2655.00"));
        assertThat(fromFeed.source().name()).isEqualTo("simulated-spot");
        assertThat(prices().getString("find { it.id == " + held + " }.status")).isEqualTo("SUPERSEDED");
        treasury().post("/api/pricing/prices/" + held + "/approve").then().statusCode(409);
        publish("2650.00");
    }

    @Test
    void badPriceRequestsAreRefusedWithTheReasonAndChangeNothing() {
        int before = prices().getList("id").size();
        treasury()
                .body("{\"spotUsdPerTroyOunce\":\"0\",\"note\":\"n\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(400)
                .body("message", containsString("spotUsdPerTroyOunce must be above 0"));
        treasury()
                .body("{\"spotUsdPerTroyOunce\":\"2650\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(400)
                .body("message", containsString("note is missing"));
        treasury()
                .body("{\"spotUsdPerTroyOunce\":\"abc\",\"note\":\"n\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(400);
        treasury()
                .body("{\"spotUsdPerTroyOunce\":")
                .post("/api/pricing/prices")
                .then()
                .statusCode(400)
                .body("message", containsString("not valid JSON"));
        treasury().post("/api/pricing/prices").then().statusCode(400);
        auditor()
                .body("{\"spotUsdPerTroyOunce\":\"2650\",\"note\":\"n\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(403);
        assertThat(prices().getList("id")).hasSize(before);

        treasury2()
                .post("/api/pricing/prices/987654/approve")
                .then()
                .statusCode(404)
                .body("message", containsString("no price proposal 987654"));
        treasury2().post("/api/pricing/prices/987654/reject").then().statusCode(404);

        long id = treasury()
                .body("{\"spotUsdPerTroyOunce\":\"2650.00\",\"note\":\"a slip\"}")
                .post("/api/pricing/prices")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        treasury()
                .post("/api/pricing/prices/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        treasury2()
                .post("/api/pricing/prices/" + id + "/approve")
                .then()
                .statusCode(409)
                .body("message", containsString("already rejected by treasury"));
    }
}
