package org.goldbuying.station.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mobile money through the simulated operator (the test plays the operator), bank transfers and voids. */
@QuarkusTest
class PaymentFlowTest {
    static final String MOBILE_MONEY = "{\"method\":\"MOBILE_MONEY\"}";

    @Inject
    MobileMoneySimulator operator;

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @BeforeEach
    void price() {
        PriceTicks.publishActive("2650.00");
    }

    static ValidatableResponse pay(String id, String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/lots/" + id + "/payment")
                .then();
    }

    @Test
    void mobileMoneyIsPendingUntilTheOperatorConfirmsAndARetryNeverPaysTwice() {
        JsonPath lot = Lots.quotedAndApproved("clerk", "6.00");
        String id = lot.getString("id");
        long advance = lot.getLong("quote.advanceMinor");

        pay(id, MOBILE_MONEY)
                .statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("payee", equalTo("+256700000001"))
                .body("amountMinor", equalTo((int) advance))
                .body("reference", startsWith("SIM-"));
        given().get("/api/lots/" + id).then().body("status", equalTo("QUOTED"));
        // while money may be moving, no other method
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF-000999\"}")
                .statusCode(409)
                .body("code", equalTo("PAYMENT_PENDING"));
        // asking again while pending: still pending, no second transfer
        pay(id, MOBILE_MONEY).statusCode(202).body("status", equalTo("PENDING"));
        assertThat(operator.transfers(id)).isEqualTo(1);

        operator.confirm(id);
        int sequence = pay(id, MOBILE_MONEY)
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("paymentMethod", equalTo("MOBILE_MONEY"))
                .body("paymentReference", startsWith("SIM-"))
                .extract()
                .path("stationSequence");
        // the same request again (a lost answer, a double tap): the same paid lot, nothing sent twice
        pay(id, MOBILE_MONEY).statusCode(200).body("stationSequence", equalTo(sequence));
        assertThat(operator.transfers(id)).isEqualTo(1);
        assertThat(operator.paidMinor(id)).isEqualTo(advance);
        given().get("/api/lots/" + id + "/payment/attempts")
                .then()
                .statusCode(200)
                .body("status", contains("CONFIRMED"));
        // any other method on a paid lot is a wrong state
        pay(id, "{\"method\":\"CASH\"}").statusCode(409).body("code", equalTo("WRONG_STATE"));
    }

    @Test
    void aFailedTransferIsKeptAndCanBeRetried() {
        JsonPath lot = Lots.quotedAndApproved("clerk", "6.00");
        String id = lot.getString("id");
        long advance = lot.getLong("quote.advanceMinor");

        pay(id, MOBILE_MONEY).statusCode(202);
        operator.fail(id, "Recipient wallet limit reached");
        pay(id, MOBILE_MONEY)
                .statusCode(409)
                .body("code", equalTo("MOBILE_MONEY_FAILED"))
                .body("message", containsString("Recipient wallet limit reached"));
        given().get("/api/lots/" + id).then().body("status", equalTo("QUOTED"));

        pay(id, MOBILE_MONEY).statusCode(202).body("attempt", equalTo(2));
        operator.confirm(id);
        pay(id, MOBILE_MONEY).statusCode(200).body("status", equalTo("PAID"));
        assertThat(operator.transfers(id)).isEqualTo(2);
        assertThat(operator.paidMinor(id)).isEqualTo(advance);
        given().get("/api/lots/" + id + "/payment/attempts")
                .then()
                .body("status", contains("FAILED", "CONFIRMED"))
                .body("failureReason[0]", equalTo("Recipient wallet limit reached"));
    }

    @Test
    void aFailedTransferCanBePaidByBankTransferInstead() {
        String id = Lots.quotedAndApproved("clerk", "3.00").getString("id");
        pay(id, MOBILE_MONEY).statusCode(202);
        operator.fail(id, "Unknown wallet");
        pay(id, MOBILE_MONEY).statusCode(409);
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"STB/2026/55321\"}")
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .body("paymentReference", equalTo("STB/2026/55321"));
        assertThat(operator.paidMinor(id)).isZero();
    }

    @Test
    void aBankTransferNeedsAValidReference() {
        String id = Lots.quotedAndApproved("clerk", "3.00").getString("id");
        pay(id, "{\"method\":\"BANK_TRANSFER\"}")
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("reference"));
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"12\"}").statusCode(400);
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF 1; DROP\"}").statusCode(400);
        given().get("/api/lots/" + id).then().body("status", equalTo("QUOTED"));
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF-2026-000777\"}")
                .statusCode(200);
    }

    @Test
    void onlyASupervisorVoidsAQuotedLotWithAReasonAndNothingIsDeleted() {
        String id = Lots.quotedAndApproved("clerk", "3.00").getString("id");
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Seller withdrew the lot\"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(403);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(400);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"   \"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(400);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"   no    \"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(400);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Seller withdrew the lot\"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(200)
                .body("status", equalTo("VOID"))
                .body("voided.by", equalTo("supervisor"))
                .body("voided.reason", equalTo("Seller withdrew the lot"));
        // nothing deleted: the voided lot keeps its weighing and quote
        given().get("/api/lots/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("VOID"))
                .body("weighing.grossGrams", equalTo("3.00"))
                .body("quote.netPayableMinor", notNullValue());
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF-2026-000778\"}")
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
    }

    @Test
    void aPaidLotCannotBeVoided() {
        String id = Lots.quotedAndApproved("clerk", "3.00").getString("id");
        pay(id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF-2026-000779\"}")
                .statusCode(200);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Changed my mind\"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"))
                .body("message", containsString("PAID"));
        given().get("/api/lots/" + id).then().body("status", equalTo("PAID"));
    }
}
