package org.goldbuying.station.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.concurrent.atomic.AtomicLong;

/** Registers sellers through the API, as a clerk would, with unique identity numbers per test run. */
public final class Sellers {
    private static final AtomicLong NUMBER = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private Sellers() {}

    /** A registered seller and their one declared site. */
    public record Registered(String sellerId, String siteId) {}

    public static String uniqueNumber(String prefix) {
        return prefix + NUMBER.incrementAndGet();
    }

    public static Registered individual() {
        return register("""
                {"type":"INDIVIDUAL","name":"Amina Nakato","nationalId":"%s","mobileMoneyNumber":"+256700000001",
                 "site":{"name":"Kasanda pit 4","latitude":"0.4447","longitude":"31.8167","licenceArea":"LA-2291"}}
                """.formatted(uniqueNumber("CM")));
    }

    public static Registered licensed(String type, String licenceExpiry) {
        return register("""
                {"type":"%s","name":"Mubende Miners Cooperative","licenceNumber":"%s","licenceExpiry":"%s",
                 "site":{"name":"Kitumbi alluvial","latitude":"0.5800","longitude":"31.3700"}}
                """.formatted(type, uniqueNumber("ML/"), licenceExpiry));
    }

    public static Registered register(String json) {
        JsonPath seller = given().contentType(ContentType.JSON)
                .body(json)
                .post("/api/sellers")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new Registered(seller.getString("id"), seller.getString("sites[0].id"));
    }

    public static String newLot(Registered seller, String fineness) {
        return """
                {"sellerId":"%s","mineSiteId":"%s",\
                "finenessPerMille":"%s"}""".formatted(seller.sellerId(), seller.siteId(), fineness);
    }
}
