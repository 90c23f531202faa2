package org.goldbuying.station.seller;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registering and looking up sellers, and every reason a seller is refused at the counter. */
@QuarkusTest
class SellerFlowTest {

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

    @Test
    void registerLookUpAndDeclareASite() {
        String nationalId = Sellers.uniqueNumber("CF");
        String id = given().contentType(ContentType.JSON)
                .body("""
                {"type":"INDIVIDUAL","name":"John Okello","nationalId":"%s","mobileMoneyNumber":"+256772000111"}
                """.formatted(nationalId))
                .post("/api/sellers")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("sites", hasSize(0))
                .extract()
                .path("id");
        given().queryParam("nationalId", nationalId)
                .get("/api/sellers")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("name", equalTo("John Okello"));
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"Bukuya reef\",\"latitude\":\"0.6\",\"longitude\":\"31.8\"}")
                .post("/api/sellers/" + id + "/sites")
                .then()
                .statusCode(200)
                .body("sites", hasSize(1))
                .body("sites[0].name", equalTo("Bukuya reef"));
        // the same national ID twice is refused
        given().contentType(ContentType.JSON)
                .body("""
                {"type":"INDIVIDUAL","name":"Someone Else","nationalId":"%s"}""".formatted(nationalId))
                .post("/api/sellers")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
    }

    @Test
    void badRegistrationsAreRefusedWithAReason() {
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"INDIVIDUAL\",\"name\":\"No Papers\"}")
                .post("/api/sellers")
                .then()
                .statusCode(400)
                .body("message", containsString("national ID or a licence"));
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"COOPERATIVE\",\"name\":\"Coop\",\"nationalId\":\"X1\"}")
                .post("/api/sellers")
                .then()
                .statusCode(400)
                .body("message", containsString("licence number"));
        given().contentType(ContentType.JSON)
                .body("""
                {"type":"INDIVIDUAL","name":"A","nationalId":"CF-9",\
                "site":{"name":"s","latitude":"95","longitude":"0"}}""")
                .post("/api/sellers")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"type\":\"PIRATE\",\"name\":\"A\",\"nationalId\":\"CF-8\"}")
                .post("/api/sellers")
                .then()
                .statusCode(400);
        given().get("/api/sellers/0b7e3c1a-0000-4000-8000-000000000000").then().statusCode(404);
    }

    @Test
    void unknownBlockedAndExpiredSellersAreRefusedBeforeWeighing() {
        PriceTicks.publishActive("2650.00");
        BalanceSimulatorResource.simulator().place(new BigDecimal("3.00"));
        Sellers.Registered ghost =
                new Sellers.Registered("0b7e3c1a-0000-4000-8000-000000000001", "0b7e3c1a-0000-4000-8000-000000000002");
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(ghost, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("UNKNOWN_SELLER"));

        Sellers.Registered blocked = Sellers.individual();
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Registration rented to a middleman\"}")
                .post("/api/sellers/" + blocked.sellerId() + "/block")
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(blocked, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("SELLER_BLOCKED"))
                .body("message", containsString("rented to a middleman"));

        Sellers.Registered expired =
                Sellers.licensed("COOPERATIVE", LocalDate.now().minusDays(1).toString());
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(expired, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("LICENCE_EXPIRED"));

        Sellers.Registered other = Sellers.individual();
        Sellers.Registered wrongSite =
                new Sellers.Registered(Sellers.individual().sellerId(), other.siteId());
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(wrongSite, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("UNKNOWN_MINE_SITE"));
    }

    @Test
    void aLotOverTheSellersMonthlyCapIsRefused() {
        PriceTicks.publishActive("2650.00");
        Sellers.Registered seller = Sellers.individual();
        BalanceSimulatorResource.simulator().place(new BigDecimal("499.00"));
        String id = given().contentType(ContentType.JSON)
                .body(Sellers.newLot(seller, "900"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200);

        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal("1.50"));
        given().contentType(ContentType.JSON)
                .body(Sellers.newLot(seller, "900"))
                .post("/api/lots")
                .then()
                .statusCode(409)
                .body("code", equalTo("CAP_EXCEEDED"))
                .body("message", containsString("cap of 500 g this month"));
    }

    @Test
    void aSupervisorBlocksAndUnblocksWithAReasonAndEveryChangeIsKept() {
        String id = Sellers.individual().sellerId();
        String path = "/api/sellers/" + id;
        // refused, and nothing changed: a clerk, no reason, a blank reason, unblocking a seller who is not blocked
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Rented registration\"}")
                .post(path + "/block")
                .then()
                .statusCode(403);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{}")
                .post(path + "/block")
                .then()
                .statusCode(400);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"  \"}")
                .post(path + "/block")
                .then()
                .statusCode(400);
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Identity checked\"}")
                .post(path + "/unblock")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"))
                .body("message", containsString("is not blocked"));
        given().get(path).then().body("status", equalTo("ACTIVE"));
        given().get(path + "/standing").then().statusCode(200).body("", hasSize(0));

        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Rented registration\"}")
                .post(path + "/block")
                .then()
                .statusCode(200)
                .body("status", equalTo("BLOCKED"))
                .body("statusReason", equalTo("Rented registration"));
        Counter.as("supervisor2")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Another reason\"}")
                .post(path + "/block")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"))
                .body("message", containsString("already blocked (Rented registration)"));
        Counter.as("supervisor2")
                .contentType(ContentType.JSON)
                .post(path + "/unblock")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"reason\":\"Identity checked\"}")
                .post(path + "/unblock")
                .then()
                .statusCode(403);
        given().get(path)
                .then()
                .body("status", equalTo("BLOCKED"))
                .body("statusReason", equalTo("Rented registration"));

        Counter.as("supervisor2")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Identity checked with the district office\"}")
                .post(path + "/unblock")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        // the seller row holds the standing now; the history keeps both changes, with who and why
        given().get(path + "/standing")
                .then()
                .statusCode(200)
                .body("", hasSize(2))
                .body("status", contains("BLOCKED", "ACTIVE"))
                .body("reason", contains("Rented registration", "Identity checked with the district office"))
                .body("by", contains("supervisor", "supervisor2"));
        given().get(path + "/standing").then().body("at[0]", notNullValue());
    }
}
