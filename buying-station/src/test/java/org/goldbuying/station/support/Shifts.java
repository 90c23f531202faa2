package org.goldbuying.station.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Opens counter shifts (and creates counter accounts) through the API, as a clerk and a supervisor would. */
public final class Shifts {
    /** A float no test lot can exhaust, for tests that pay cash but are not about the drawer. */
    public static final long LARGE_FLOAT_MINOR = 100_000_000_000_000L;

    private Shifts() {}

    /**
     * Makes sure the user has an OPEN shift with a large float. A shift an earlier test left counted is signed off
     * first by a supervisor other than the user, as the four-eyes rule demands.
     */
    public static void openFor(String username) {
        Response current = Counter.as(username).get("/api/shifts/current");
        if (current.statusCode() == 200) {
            if ("OPEN".equals(current.path("status"))) {
                return;
            }
            String supervisor = "supervisor".equals(username) ? "supervisor2" : "supervisor";
            Counter.as(supervisor)
                    .post("/api/shifts/" + current.path("id") + "/sign-off")
                    .then()
                    .statusCode(200);
        }
        open(username, LARGE_FLOAT_MINOR);
    }

    public static JsonPath open(String username, long floatMinor) {
        return Counter.as(username)
                .contentType(ContentType.JSON)
                .body("{\"floatMinor\":%d,\"currency\":\"UGX\"}".formatted(floatMinor))
                .post("/api/shifts")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    /** A new counter account (password: username + "-demo", like the demo accounts), created by a supervisor. */
    public static String newUser(String role) {
        String username = Sellers.uniqueNumber(role.toLowerCase() + "-");
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("""
                {"username":"%s","displayName":"Test %s","password":"%s-demo",\
                "role":"%s"}""".formatted(username, role, username, role))
                .post("/api/users")
                .then()
                .statusCode(201);
        return username;
    }
}
