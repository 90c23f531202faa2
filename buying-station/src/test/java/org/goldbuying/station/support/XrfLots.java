package org.goldbuying.station.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Predicate;

/** Lots on the XRF path: weighed on the pty balance, opened ASSAYING, watched until the assay moves them. */
public final class XrfLots {
    private XrfLots() {}

    public static String open(Sellers.Registered seller, String grams) {
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
        BalanceSimulatorResource.simulator().place(new BigDecimal(grams));
        return given().contentType(ContentType.JSON)
                .body("{\"sellerId\":\"%s\",\"mineSiteId\":\"%s\"}".formatted(seller.sellerId(), seller.siteId()))
                .post("/api/lots/xrf")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static JsonPath get(String id) {
        return given().get("/api/lots/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the lot (as the API shows it) satisfies the condition; shots travel a pty, so not at once. */
    public static JsonPath awaitLot(String id, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> condition.test(last[0] = get(id)));
        return last[0];
    }

    public static JsonPath awaitShots(String id, int shots) {
        return awaitLot(id, lot -> lot.getList("assay.shots").size() >= shots);
    }

    public static String jsonShot(String source, String shotId, String values) {
        return """
                {"source":"%s","shotId":%s,"model":"XR-100","serial":"XRF123","seconds":"30",\
                "values":%s}""".formatted(source, shotId == null ? "null" : "\"" + shotId + "\"", values);
    }
}
