package org.goldbuying.station.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Who is at the counter in a test: the demo accounts the test profile seeds (password = name + "-demo"). */
public final class Counter {
    private Counter() {}

    /** Every request of the test class goes as the demo clerk unless it says otherwise. */
    public static void clerkLoggedIn() {
        RestAssured.authentication = RestAssured.preemptive().basic("clerk", "clerk-demo");
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().preemptive().basic(username, username + "-demo");
    }
}
