package org.goldbuying.station.shift;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.UUID;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A clerk's shift: float in, cash out only while the drawer holds it, count against the figures, four-eyes close. */
@QuarkusTest
class ShiftFlowTest {
    @Inject
    Pool database;

    @BeforeAll
    static void supervisorAround() {
        Counter.clerkLoggedIn();
    }

    @BeforeEach
    void price() {
        PriceTicks.publishActive("2650.00");
    }

    static void pay(String clerk, String lotId, String body, int status) {
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/lots/" + lotId + "/payment")
                .then()
                .statusCode(status);
    }

    @Test
    void openPayCountWithDifferencesAndASupervisorSignsOff() {
        String clerk = Shifts.newUser("CLERK");
        String shiftId = Shifts.open(clerk, 5_000_000).getString("id");
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"floatMinor\":100,\"currency\":\"UGX\"}")
                .post("/api/shifts")
                .then()
                .statusCode(409)
                .body("code", equalTo("SHIFT_ALREADY_OPEN"));

        JsonPath lot = Lots.quotedAndApproved(clerk, "5.00");
        long advance = lot.getLong("quote.advanceMinor");
        pay(clerk, lot.getString("id"), "{\"method\":\"CASH\"}", 200);

        Counter.as(clerk)
                .get("/api/shifts/current")
                .then()
                .statusCode(200)
                .body("id", equalTo(shiftId))
                .body("floatMinor", equalTo(5_000_000))
                .body("cashPaidOutMinor", equalTo((int) advance))
                .body("drawerMinor", equalTo((int) (5_000_000 - advance)))
                .body("goldBoughtGrams", equalTo("5.00"));

        // the clerk counts 1,000 short and 0.02 g of gold less than was bought
        long counted = 5_000_000 - advance - 1_000;
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"countedCashMinor\":%d,\"countedGoldGrams\":\"4.98\"}".formatted(counted))
                .post("/api/shifts/current/count")
                .then()
                .statusCode(200)
                .body("status", equalTo("COUNTED"))
                .body("count.countedCashMinor", equalTo((int) counted))
                .body("count.expectedCashMinor", equalTo((int) (5_000_000 - advance)))
                .body("count.cashDifferenceMinor", equalTo(-1_000))
                .body("count.expectedGoldGrams", equalTo("5.00"))
                .body("count.goldDifferenceGrams", equalTo("-0.02"));

        // counted: the drawer pays no more cash
        JsonPath next = Lots.quotedAndApproved(clerk, "3.00");
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + next.getString("id") + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("NO_OPEN_SHIFT"));

        Counter.as(clerk).post("/api/shifts/" + shiftId + "/sign-off").then().statusCode(403);
        Counter.as("supervisor")
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("signedOffBy", equalTo("supervisor"));
        Counter.as("supervisor2")
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
        Counter.as(clerk).get("/api/shifts/current").then().statusCode(409).body("code", equalTo("NO_OPEN_SHIFT"));
        Shifts.open(clerk, 10);
    }

    @Test
    void aSupervisorCannotSignOffTheirOwnShift() {
        String supervisor = Shifts.newUser("SUPERVISOR");
        String shiftId = Shifts.open(supervisor, 20_000).getString("id");
        Counter.as(supervisor)
                .contentType(ContentType.JSON)
                .body("{\"countedCashMinor\":20000,\"countedGoldGrams\":\"0\"}")
                .post("/api/shifts/current/count")
                .then()
                .statusCode(200)
                .body("count.cashDifferenceMinor", equalTo(0))
                .body("count.goldDifferenceGrams", equalTo("0"));
        Counter.as(supervisor)
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        Counter.as(supervisor).get("/api/shifts/" + shiftId).then().body("status", equalTo("COUNTED"));
        Counter.as("supervisor")
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(200);
    }

    @Test
    void whoeverEnteredCashOnAShiftDoesNotSignItOff() {
        String clerk = Shifts.newUser("CLERK");
        String shiftId = Shifts.open(clerk, 20_000).getString("id");
        // a second float handed in by supervisor2 (as a cash top-up would be): their entry on the shift
        database.preparedQuery("INSERT INTO drawer_movement (shift_id, kind, amount_minor, recorded_by, recorded_at)"
                        + " VALUES ($1, 'FLOAT', 5000, 'supervisor2', now())")
                .executeAndAwait(Tuple.of(UUID.fromString(shiftId)));
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"countedCashMinor\":25000,\"countedGoldGrams\":\"0\"}")
                .post("/api/shifts/current/count")
                .then()
                .statusCode(200)
                .body("count.cashDifferenceMinor", equalTo(0));
        Counter.as("supervisor2")
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"))
                .body("message", containsString("You entered cash or payments on this shift yourself"));
        Counter.as(clerk).get("/api/shifts/" + shiftId).then().body("status", equalTo("COUNTED"));
        Counter.as("supervisor")
                .post("/api/shifts/" + shiftId + "/sign-off")
                .then()
                .statusCode(200)
                .body("signedOffBy", equalTo("supervisor"));
    }

    @Test
    void cashWithoutAShiftIsRefused() {
        String clerk = Shifts.newUser("CLERK");
        String id = Lots.quotedAndApproved(clerk, "4.00").getString("id");
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("NO_OPEN_SHIFT"))
                .body("message", containsString("Open a shift"));
        Counter.as(clerk).get("/api/lots/" + id).then().body("status", equalTo("QUOTED"));
    }

    @Test
    void aShortDrawerRefusesCashAndChangesNothing() {
        String clerk = Shifts.newUser("CLERK");
        Shifts.open(clerk, 1_000);
        String id = Lots.quotedAndApproved(clerk, "4.00").getString("id");
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(409)
                .body("code", equalTo("DRAWER_SHORT"))
                .body("message", containsString("The drawer holds 1,000 UGX"));
        Counter.as(clerk).get("/api/lots/" + id).then().body("status", equalTo("QUOTED"));
        Counter.as(clerk)
                .get("/api/shifts/current")
                .then()
                .body("drawerMinor", equalTo(1_000))
                .body("goldBoughtGrams", equalTo("0"));
        // paid otherwise, the gold still counts in the shift
        pay(clerk, id, "{\"method\":\"BANK_TRANSFER\",\"reference\":\"TRF-2026-000123\"}", 200);
        Counter.as(clerk)
                .get("/api/shifts/current")
                .then()
                .body("drawerMinor", equalTo(1_000))
                .body("goldBoughtGrams", equalTo("4.00"));
    }

    @Test
    void badShiftRequestsAreRefused() {
        String clerk = Shifts.newUser("CLERK");
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"floatMinor\":-1,\"currency\":\"UGX\"}")
                .post("/api/shifts")
                .then()
                .statusCode(400);
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"floatMinor\":100,\"currency\":\"shillings\"}")
                .post("/api/shifts")
                .then()
                .statusCode(400);
        Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body("{\"countedCashMinor\":0,\"countedGoldGrams\":\"0\"}")
                .post("/api/shifts/current/count")
                .then()
                .statusCode(409)
                .body("code", equalTo("NO_OPEN_SHIFT"));
    }
}
