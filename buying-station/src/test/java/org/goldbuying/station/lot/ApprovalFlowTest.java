package org.goldbuying.station.lot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Large lots and linked transactions need a second person: a supervisor who did not quote the lot. */
@QuarkusTest
class ApprovalFlowTest {

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
    void priceAndEmptyPan() {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
    }

    static String quote(String as, Sellers.Registered seller, String grams) {
        return Lots.quoted(as, seller, grams);
    }

    static void pay(String id, int expectedStatus) {
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(expectedStatus);
    }

    @Test
    void aLargeLotIsPaidOnlyAfterAnotherPersonApproves() {
        Sellers.Registered seller = Sellers.licensed("LICENSED_TRADER", "2030-01-01");
        String id = quote("clerk", seller, "80.00");
        given().get("/api/lots/" + id)
                .then()
                .body("approval.reasons", contains("LARGE_VALUE", "MANUAL_ASSAY"))
                .body("createdBy", equalTo("clerk"));

        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("APPROVAL_REQUIRED"))
                .body("message", containsString("LARGE_VALUE"));
        Counter.as("clerk").post("/api/lots/" + id + "/approval").then().statusCode(403);
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("approval.approvedBy", equalTo("supervisor"));
        Counter.as("supervisor2")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
        pay(id, 200);
        given().get("/api/lots/" + id).then().body("status", equalTo("PAID")).body("paidBy", equalTo("clerk"));
    }

    @Test
    void aSupervisorCannotApproveTheirOwnLot() {
        Sellers.Registered seller = Sellers.licensed("LICENSED_TRADER", "2030-01-01");
        String id = quote("supervisor", seller, "80.00");
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        Counter.as("supervisor2").post("/api/lots/" + id + "/approval").then().statusCode(200);
    }

    @Test
    void aSmallLotWithATypedFinenessStillNeedsASupervisor() {
        String id = quote("clerk", Sellers.individual(), "2.00");
        given().get("/api/lots/" + id)
                .then()
                .body("approval.reasons", contains("MANUAL_ASSAY"))
                .body("assayMethod", equalTo("MANUAL"));
        pay(id, 409);
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        Counter.as("supervisor2").post("/api/lots/" + id + "/approval").then().statusCode(409);
        pay(id, 200);
    }

    @Test
    void linkedTransactionsOverTheAmlThresholdNeedApprovalAndAreRecorded() {
        Sellers.Registered seller = Sellers.licensed("LICENSED_TRADER", "2030-01-01");
        String first = quote("clerk", seller, "150.00");
        Counter.as("supervisor").post("/api/lots/" + first + "/approval").then().statusCode(200);
        pay(first, 200);

        String second = quote("clerk", seller, "50.00");
        given().get("/api/lots/" + second).then().body("approval.reasons", contains("AML_LINKED", "MANUAL_ASSAY"));
        Counter.as("supervisor")
                .get("/api/reports/aml")
                .then()
                .statusCode(200)
                .body("lotId", hasItem(second))
                .body("find { it.lotId == '%s' }.sellerName".formatted(second), equalTo("Mubende Miners Cooperative"))
                .body("find { it.lotId == '%s' }.lotStatus".formatted(second), equalTo("QUOTED"))
                .body("find { it.lotId == '%s' }.currencyExponent".formatted(second), equalTo(0))
                .body("find { it.lotId == '%s' }.thresholdMinor".formatted(second), equalTo(50_000_000));
    }
}
