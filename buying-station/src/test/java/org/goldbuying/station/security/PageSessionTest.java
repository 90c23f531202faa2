package org.goldbuying.station.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * The counter page's login: a session the station holds, named by an HttpOnly, SameSite=Strict cookie; no
 * credentials in the browser. A session ends at logout and at once when its account is deactivated; a change needs
 * the page's header besides the cookie; wrong passwords at the login count toward the lock like basic auth's.
 */
@QuarkusTest
class PageSessionTest {
    private static final String COOKIE = "station-session";

    static Response logIn(String username, String password) {
        return given().auth()
                .none()
                .header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/session");
    }

    static RequestSpecification page(String session) {
        return given().auth()
                .none()
                .cookie(COOKIE, session)
                .header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON);
    }

    @Test
    void aLoginStartsASessionTheBrowserCannotRead() {
        Response login = logIn("clerk", "clerk-demo");
        login.then().statusCode(200).body("username", equalTo("clerk")).body("roles", hasItems("clerk"));
        String setCookie = login.getHeader("Set-Cookie");
        assertThat(setCookie)
                .startsWith(COOKIE + "=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .containsIgnoringCase("Path=/");
        String session = login.getCookie(COOKIE);
        assertThat(session).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url

        page(session).get("/api/me").then().statusCode(200).body("username", equalTo("clerk"));

        // logged out: the same cookie opens nothing
        page(session).delete("/api/session").then().statusCode(204);
        page(session).get("/api/me").then().statusCode(401);
    }

    @Test
    void aWrongPasswordStartsNoSessionAndSaysSo() {
        Response refused = logIn("clerk", "not-the-password");
        refused.then().statusCode(401).body("code", equalTo("LOGIN_FAILED"));
        assertThat(refused.getCookie(COOKIE)).isNull();
        logIn("", "x").then().statusCode(400).body("code", equalTo("LOGIN_INCOMPLETE"));
        page("made-up-token").get("/api/me").then().statusCode(401);
    }

    @Test
    void anotherSitesFormCanNeitherLogInNorChangeAnythingWithTheCookie() {
        // a cross-site form sends no custom header
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body("{\"username\":\"clerk\",\"password\":\"clerk-demo\"}")
                .post("/api/session")
                .then()
                .statusCode(400)
                .body("code", equalTo("NOT_A_PAGE"));
        String session = logIn("supervisor", "supervisor-demo").getCookie(COOKIE);
        String clerk = AccessTest.newAccount("CLERK");
        given().auth()
                .none()
                .cookie(COOKIE, session)
                .post("/api/users/" + clerk + "/deactivate")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_A_PAGE"));
        assertThat(AccessTest.me(clerk, clerk + "-password")).isEqualTo(200);
    }

    @Test
    void deactivatingAnAccountEndsItsSessionAtOnce() {
        String clerk = AccessTest.newAccount("CLERK");
        String session = logIn(clerk, clerk + "-password").getCookie(COOKIE);
        page(session).get("/api/me").then().statusCode(200);

        String supervisor = logIn("supervisor", "supervisor-demo").getCookie(COOKIE);
        page(supervisor).post("/api/users/" + clerk + "/deactivate").then().statusCode(204);

        page(session).get("/api/me").then().statusCode(401);
        page(session).get("/api/counter/events").then().statusCode(401);
    }

    @Test
    void wrongPasswordsAtTheLoginLockTheAccountAndTheLoginSaysUntilWhen() {
        String clerk = AccessTest.newAccount("CLERK");
        String session = logIn(clerk, clerk + "-password").getCookie(COOKIE);
        for (int i = 0; i < 5; i++) {
            logIn(clerk, "wrong-password-" + i).then().statusCode(401).body("code", equalTo("LOGIN_FAILED"));
        }
        logIn(clerk, clerk + "-password")
                .then()
                .statusCode(401)
                .body("code", equalTo("ACCOUNT_LOCKED"))
                .body("message", startsWith("This account is locked until "));
        assertThat(AccessTest.me(clerk, clerk + "-password"))
                .as("basic auth too")
                .isEqualTo(401);
        // someone guessing the password cannot throw the clerk off the counter
        page(session).get("/api/me").then().statusCode(200);
    }
}
