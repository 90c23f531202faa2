package org.goldbuying.local;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;

/**
 * The local network's services as their users reach them over HTTP (demo accounts): the station's counter, the
 * centre's reserve. Shared by the tests that run the network as processes.
 */
final class NetworkClient {
    private final LocalNetwork network;

    NetworkClient(LocalNetwork network) {
        this.network = network;
    }

    /** A request to the station as one of its demo accounts (password: name + "-demo"). */
    RequestSpecification station(String account) {
        return given().baseUri(network.stationUrl()).auth().preemptive().basic(account, account + "-demo");
    }

    /** A request to the centre as one of its demo accounts (password: name + "-demo"). */
    RequestSpecification centre(String account) {
        return given().baseUri(network.centreUrl())
                .auth()
                .preemptive()
                .basic(account, account + "-demo")
                .contentType(ContentType.JSON);
    }

    JsonPath reserve() {
        return centre("auditor")
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Registers a miner with one declared site at the station; returns the lot request body for them. */
    String registeredSellersLot() {
        JsonPath seller = station("clerk")
                .contentType(ContentType.JSON)
                .body("""
                {"type":"INDIVIDUAL","name":"Amina Nakato","nationalId":"CM%d",
                 "site":{"name":"Kasanda pit \
                 4","latitude":"0.4447","longitude":"31.8167"}}""".formatted(System.nanoTime()))
                .post("/api/sellers")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return "{\"sellerId\":\"%s\",\"mineSiteId\":\"%s\",\"finenessPerMille\":\"915.0\"}"
                .formatted(seller.getString("id"), seller.getString("sites[0].id"));
    }

    /** Cash comes from the clerk's open shift's drawer: open one with a float no test can exhaust, once. */
    void openShiftWithLargeFloat() {
        if (station("clerk").get("/api/shifts/current").statusCode() == 200) {
            return;
        }
        station("clerk")
                .contentType(ContentType.JSON)
                .body("{\"floatMinor\":100000000000000,\"currency\":\"UGX\"}")
                .post("/api/shifts")
                .then()
                .statusCode(201);
    }

    /** Someone at the counter weighs a lot on the pty balance and quotes it with a typed fineness; returns its id. */
    String weighAndQuote(String account, String grams) {
        String lotRequest = registeredSellersLot();
        network.balance().clearPan();
        station(account).get("/api/balance/live").then().statusCode(200);
        network.balance().place(new BigDecimal(grams));
        return station(account)
                .contentType(ContentType.JSON)
                .body(lotRequest)
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A whole purchase: weighed, quoted, approved by a supervisor (a typed fineness is a manual assay), paid. */
    String weighQuoteAndPay(String grams) {
        String id = weighAndQuote("clerk", grams);
        station("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        openShiftWithLargeFloat();
        station("clerk")
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"));
        return id;
    }
}
