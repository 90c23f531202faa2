package org.goldbuying.centre.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.goldbuying.infra.ManagementInterface;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's login is a session the centre holds (an HttpOnly, SameSite=Strict cookie, no credentials in the
 * browser), and the operations endpoints (health, metrics, OpenAPI, Swagger UI) are on the management interface, not
 * on the public port.
 */
@QuarkusTest
class PageSessionTest {
    private static final String COOKIE = "centre-session";

    private static Response logIn(String username, String password) {
        return given().auth()
                .none()
                .header("X-Requested-With", "fetch")
                .contentType(ContentType.JSON)
                .body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .post("/api/session");
    }

    @Test
    void aTreasuryUserLogsInToASessionTheBrowserCannotRead() {
        Response login = logIn("treasury", "treasury-demo");
        login.then().statusCode(200).body("username", equalTo("treasury")).body("roles", hasItems("treasury"));
        assertThat(login.getHeader("Set-Cookie"))
                .startsWith(COOKIE + "=")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        String session = login.getCookie(COOKIE);

        given().auth()
                .none()
                .cookie(COOKIE, session)
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("treasury"));
        // a change with the cookie alone (what another site's form could send) is not authorised
        given().auth()
                .none()
                .cookie(COOKIE, session)
                .post("/api/price/publish")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_A_PAGE"));

        given().auth()
                .none()
                .cookie(COOKIE, session)
                .header("X-Requested-With", "fetch")
                .delete("/api/session")
                .then()
                .statusCode(204);
        given().auth().none().cookie(COOKIE, session).get("/api/me").then().statusCode(401);
    }

    @Test
    void aWrongPasswordStartsNoSession() {
        Response refused = logIn("treasury", "not-the-password");
        refused.then().statusCode(401).body("code", equalTo("LOGIN_FAILED"));
        assertThat(refused.getCookie(COOKIE)).isNull();
    }

    @Test
    void operationsEndpointsAreOnTheManagementInterfaceOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().auth().none().get(path).then().statusCode(404);
            given().auth().none().get(ManagementInterface.url(path)).then().statusCode(200);
        }
    }
}
