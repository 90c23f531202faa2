package org.goldbuying.station.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;

/** Quoted lots ready to pay: weighed on the pty balance, typed fineness, approved by the demo supervisor. */
public final class Lots {
    private Lots() {}

    /** Weighs and quotes a lot as {@code clerk} for a new individual seller; the supervisor approves it. */
    public static JsonPath quotedAndApproved(String clerk, String grams) {
        String id = quoted(clerk, Sellers.individual(), grams);
        return Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Weighs {@code grams} on the pty balance and quotes them as {@code clerk} for the seller at 900 per mille; its
     * id.
     */
    public static String quoted(String clerk, Sellers.Registered seller, String grams) {
        BalanceSimulatorResource.simulator().clearPan();
        Counter.as(clerk).get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal(grams));
        return Counter.as(clerk)
                .contentType(ContentType.JSON)
                .body(Sellers.newLot(seller, "900"))
                .post("/api/lots")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
