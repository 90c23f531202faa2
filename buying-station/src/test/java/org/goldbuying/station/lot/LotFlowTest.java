package org.goldbuying.station.lot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationPublicKey;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lot from the pty balance to a purchase event on the real broker, and the refusals on the way. */
@QuarkusTest
class LotFlowTest {

    /** Cash is paid from the clerk's open shift's drawer. */
    @BeforeEach
    void clerksShiftIsOpen() {
        Shifts.openFor("clerk");
    }

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @BeforeEach
    void emptyPan() {
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
    }

    static String newLot(String fineness) {
        return Sellers.newLot(Sellers.individual(), fineness);
    }

    @Test
    void weighQuotePayAndSendThePurchaseToTheCentre() {
        long tick = PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().place(new BigDecimal("12.34"));

        String id = given().contentType(ContentType.JSON)
                .body(newLot("915.0"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUOTED"))
                .body("weighing.grossGrams", equalTo("12.34"))
                .body("weighing.deviceId", equalTo("counter-1"))
                .body("quote.tickSequence", equalTo(tick))
                .body("quote.fineGrams", equalTo("11.2911"))
                .body("quote.grossValueMinor", equalTo(3_559_385))
                .body("quote.netPayableMinor", equalTo(3_239_041))
                .body("assayMethod", equalTo("MANUAL"))
                .body("approval.reasons", contains("MANUAL_ASSAY"))
                .extract()
                .path("id");

        // A typed fineness is the clerk's word only: a supervisor approves it before the lot may be paid.
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("APPROVAL_REQUIRED"))
                .body("message", containsString("MANUAL_ASSAY"));
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("stationSequence", notNullValue())
                .body("verificationCode", notNullValue());

        List<ConsumerRecord<String, String>> records = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.PURCHASES, r -> r.value().contains(id), Duration.ofSeconds(30));
        ConsumerRecord<String, String> sent = records.get(records.size() - 1);
        assertThat(sent.key()).isEqualTo("TEST-01");
        assertThat(Contract.SIGNED_PURCHASE_EVENT.violations(sent.value())).isEmpty();
        SignedPurchases.Received received = SignedPurchases.read(sent.value());
        PurchaseEvent event = received.event();
        // signed with the key the station shows for registration at the centre
        StationPublicKey stationKey = StationPublicKey.parse(
                given().get("/api/identity").then().statusCode(200).extract().path("publicKey"));
        assertThat(event.stationKeyId()).isEqualTo(stationKey.keyId());
        assertThat(stationKey.verifies(received.signedBytes(), event.signature()))
                .isTrue();
        assertThat(event.purchaseId().toString()).isEqualTo(id);
        assertThat(event.netPayableMinor()).isEqualTo(3_239_041);
        assertThat(event.weighing().grossGrams()).isEqualByComparingTo("12.34");
        assertThat(event.price().tickSequence()).isEqualTo(tick);

        // Paying twice is a wrong state transition and changes nothing.
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
    }

    static String typedWeightLot(String grams, String reason) {
        String lot = newLot("900");
        return lot.substring(0, lot.length() - 1) + ",\"typedWeight\":{\"grossGrams\":\"" + grams + "\",\"reason\":\""
                + reason + "\"}}";
    }

    @Test
    void aTypedWeightIsAFlaggedOverrideThatASupervisorApproves() {
        PriceTicks.publishActive("2650.00");
        // nothing on the balance: the typed weight is used, the balance is not read
        String id = given().contentType(ContentType.JSON)
                .body(typedWeightLot("8.50", "Balance display broken; weighed on the reserve balance RB-2"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .body("weighing.grossGrams", equalTo("8.50"))
                .body("weighing.readingId", org.hamcrest.Matchers.nullValue())
                .body("weighing.deviceId", equalTo(LotWeighing.TYPED_DEVICE))
                .body("weighing.typedOverrideReason", containsString("reserve balance"))
                .body("approval.reasons", org.hamcrest.Matchers.hasItem("TYPED_WEIGHT"))
                .extract()
                .path("id");

        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("APPROVAL_REQUIRED"))
                .body("message", containsString("TYPED_WEIGHT"));
        // four eyes: the clerk who typed it cannot approve it, even as a supervisor
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("approval.approvedBy", equalTo("supervisor"));
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));

        List<ConsumerRecord<String, String>> records = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.PURCHASES, r -> r.value().contains(id), Duration.ofSeconds(30));
        PurchaseEvent event =
                SignedPurchases.read(records.get(records.size() - 1).value()).event();
        assertThat(event.weighing().readingId()).isNull();
        assertThat(event.weighing().typedOverride().reason()).contains("reserve balance RB-2");
        assertThat(event.weighing().typedOverride().typedBy()).isEqualTo("clerk");
        assertThat(event.weighing().typedOverride().approvedBy()).isEqualTo("supervisor");

        given().get("/api/lots/" + id + "/receipt.txt")
                .then()
                .statusCode(200)
                .body(containsString("NO BALANCE READING"));
    }

    @Test
    void aTypedWeightNeedsAReasonAndABalancesResolution() {
        PriceTicks.publishActive("2650.00");
        given().contentType(ContentType.JSON)
                .body(typedWeightLot("8.50", "broken"))
                .post("/api/lots")
                .then()
                .statusCode(400)
                .body(containsString("10 to 500 characters"));
        // padded to ten characters with spaces: still not a reason
        given().contentType(ContentType.JSON)
                .body(typedWeightLot("8.50", "   broken   "))
                .post("/api/lots")
                .then()
                .statusCode(400)
                .body(containsString("10 to 500 characters"));
        given().contentType(ContentType.JSON)
                .body(typedWeightLot("8.505", "Balance display broken today"))
                .post("/api/lots")
                .then()
                .statusCode(400)
                .body(containsString("two decimals"));
        given().contentType(ContentType.JSON)
                .body(typedWeightLot("-1", "Balance display broken today"))
                .post("/api/lots")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(typedWeightLot("250000", "Balance display broken today"))
                .post("/api/lots")
                .then()
                .statusCode(400);
    }

    @Test
    void aNewTickForcesARequote() {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().place(new BigDecimal("5.00"));
        String id = given().contentType(ContentType.JSON)
                .body(newLot("900"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        PriceTicks.publishActive("2660.00");
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("REQUOTE_NEEDED"));
        given().get("/api/lots/" + id).then().statusCode(200).body("status", equalTo("QUOTED"));

        // requote: same weighing and assay, the new tick's price, and the supervisor must approve again
        long newTick = PriceTicks.publishActive("2670.00");
        given().post("/api/lots/" + id + "/requote")
                .then()
                .statusCode(200)
                .body("quote.tickSequence", equalTo(newTick))
                .body("quote.spotUsdPerTroyOunce", equalTo("2670.00"))
                .body("weighing.grossGrams", equalTo("5.00"))
                .body("approval.approvedBy", org.hamcrest.Matchers.nullValue());
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("APPROVAL_REQUIRED"));
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));
        given().post("/api/lots/" + id + "/requote").then().statusCode(409).body("code", equalTo("WRONG_STATE"));

        // no requote from a suspended price
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal("6.00"));
        String other = given().contentType(ContentType.JSON)
                .body(newLot("900"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        PriceTicks.publishSuspended("Feed stopped");
        given().post("/api/lots/" + other + "/requote").then().statusCode(503).body("code", equalTo("PRICE_SUSPENDED"));
        given().get("/api/lots/" + other).then().body("status", equalTo("QUOTED"));
    }

    @Test
    void noQuoteWhileThePriceIsSuspended() {
        PriceTicks.publishSuspended("Gold feed moved 20% since the last accepted value");
        BalanceSimulatorResource.simulator().place(new BigDecimal("5.00"));
        given().contentType(ContentType.JSON)
                .body(newLot("900"))
                .post("/api/lots")
                .then()
                .statusCode(503)
                .body("code", equalTo("PRICE_SUSPENDED"));
    }

    @Test
    void noQuoteFromAStalePrice() {
        PriceTicks.publishActive("2650.00", Instant.now().minus(Duration.ofHours(30)), 86_400);
        BalanceSimulatorResource.simulator().place(new BigDecimal("5.00"));
        given().contentType(ContentType.JSON)
                .body(newLot("900"))
                .post("/api/lots")
                .then()
                .statusCode(503)
                .body("code", equalTo("PRICE_STALE"));
    }

    @Test
    void anUnsettledBalanceGivesNoQuote() {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().place(new BigDecimal("7.00"), 60_000);
        given().contentType(ContentType.JSON)
                .body(newLot("900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("BALANCE_UNSTABLE"));
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        given().contentType(ContentType.JSON)
                .body("{\"sellerId\":")
                .post("/api/lots")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(newLot("1200"))
                .post("/api/lots")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(newLot("-5"))
                .post("/api/lots")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"sellerId\":\"S-1\",\"mineSiteId\":\"x\",\"finenessPerMille\":\"900\"}")
                .post("/api/lots")
                .then()
                .statusCode(400);
        given().get("/api/lots/7d1c3c5e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().get("/api/lots/not-a-uuid").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"GOLD_BARS\"}")
                .post("/api/lots/7d1c3c5e-0000-4000-8000-000000000000/payment")
                .then()
                .statusCode(400);
    }
}
