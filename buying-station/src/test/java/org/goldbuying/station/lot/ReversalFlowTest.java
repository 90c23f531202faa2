package org.goldbuying.station.lot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationPublicKey;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Undoing a paid purchase (counterfeit found after payment): one supervisor proposes, another who had no hand in the
 * lot approves, and the signed reversal leaves for the centre. Nobody can do it alone.
 */
@QuarkusTest
class ReversalFlowTest {
    static final String COUNTERFEIT = """
            {"kind":"COUNTERFEIT","note":"Nugget is gold-plated tungsten, found when the parcel was cut"}""";

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @BeforeEach
    void priceAndShift() {
        Shifts.openFor("clerk");
        PriceTicks.publishActive("2650.00");
    }

    static RequestSpecification as(String user) {
        return Counter.as(user).contentType(ContentType.JSON);
    }

    static String paidLot() {
        String id = Lots.quotedAndApproved("clerk", "7.00").getString("id");
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200);
        return id;
    }

    @Test
    void aReversalTakesTwoSupervisorsAndLeavesSigned() {
        String id = paidLot();
        String reversal = "/api/lots/" + id + "/reversal";

        as("clerk").body(COUNTERFEIT).post(reversal).then().statusCode(403);
        as("supervisor")
                .body("{\"kind\":\"COUNTERFEIT\",\"note\":\"fake\"}")
                .post(reversal)
                .then()
                .statusCode(400);
        // ten characters only with the spaces around them: not a note
        as("supervisor")
                .body("{\"kind\":\"COUNTERFEIT\",\"note\":\"    fake    \"}")
                .post(reversal)
                .then()
                .statusCode(400)
                .body("violations[0].message", equalTo("must say why in at least 10 characters"));
        as("supervisor")
                .body(COUNTERFEIT)
                .post(reversal)
                .then()
                .statusCode(200)
                .body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo("supervisor"));
        as("supervisor2").body(COUNTERFEIT).post(reversal).then().statusCode(409);
        // the proposer cannot approve; nor can the clerk who weighed and paid it, even as a supervisor
        as("supervisor").post(reversal + "/approve").then().statusCode(403).body("code", equalTo("SELF_APPROVAL"));
        String approver = Shifts.newUser("SUPERVISOR");
        as(approver)
                .post(reversal + "/approve")
                .then()
                .statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo(approver));
        as("supervisor2").post(reversal + "/approve").then().statusCode(409);
        // the lot keeps every figure; only a paid lot is reversed
        given().get("/api/lots/" + id).then().statusCode(200).body("status", equalTo("PAID"));

        List<ConsumerRecord<String, String>> records = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(
                        Topics.PURCHASES,
                        r -> r.value().contains(PurchaseReversal.CONTRACT)
                                && r.value().contains(id),
                        Duration.ofSeconds(30));
        ConsumerRecord<String, String> sent = records.get(records.size() - 1);
        assertThat(sent.key()).isEqualTo("TEST-01");
        SignedPurchases.ReceivedReversal received =
                (SignedPurchases.ReceivedReversal) SignedPurchases.readMessage(sent.value());
        PurchaseReversal event = received.reversal();
        assertThat(event.kind()).isEqualTo(PurchaseReversal.Kind.COUNTERFEIT);
        assertThat(event.proposedBy()).isEqualTo("supervisor");
        assertThat(event.approvedBy()).isEqualTo(approver);
        StationPublicKey stationKey = StationPublicKey.parse(
                given().get("/api/identity").then().statusCode(200).extract().path("publicKey"));
        assertThat(stationKey.verifies(received.signedBytes(), event.signature()))
                .isTrue();
    }

    @Test
    void anUnpaidLotIsVoidedNotReversed() {
        String id = Lots.quotedAndApproved("clerk", "3.00").getString("id");
        as("supervisor")
                .body(COUNTERFEIT)
                .post("/api/lots/" + id + "/reversal")
                .then()
                .statusCode(409)
                .body("message", org.hamcrest.Matchers.containsString("only a paid purchase is reversed"));
        as("supervisor").get("/api/lots/" + id + "/reversal").then().statusCode(404);
    }
}
