package org.goldbuying.station.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.goldbuying.infra.ManagementInterface;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Sellers;
import org.junit.jupiter.api.Test;

/** Who may do what: no login no access, clerks cannot do a supervisor's work, passwords are checked. */
@QuarkusTest
class AccessTest {

    @Test
    void theApiNeedsALogin() {
        given().auth().none().get("/api/price").then().statusCode(401);
        given().auth()
                .none()
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/lots")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("clerk", "wrong-password")
                .get("/api/me")
                .then()
                .statusCode(401);
        given().auth()
                .preemptive()
                .basic("nobody", "whatever-123")
                .get("/api/me")
                .then()
                .statusCode(401);
    }

    @Test
    void operationsEndpointsAreOnTheManagementInterfaceOnly() {
        for (String path : new String[] {"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().auth().none().get(path).then().statusCode(404);
            given().auth().none().get(ManagementInterface.url(path)).then().statusCode(200);
        }
    }

    @Test
    void pagesGetNoBasicChallengeSoTheBrowserOpensNoPromptOfItsOwn() {
        given().auth()
                .preemptive()
                .basic("clerk", "wrong-password")
                .get("/api/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.equalToIgnoringCase("basic"));
        given().auth()
                .preemptive()
                .basic("clerk", "wrong-password")
                .header("X-Requested-With", "fetch")
                .get("/api/me")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aClerkCannotDoASupervisorsWork() {
        Counter.as("clerk")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("clerk"))
                .body("roles", hasItems("clerk"));
        Sellers.Registered seller;
        Counter.clerkLoggedIn();
        seller = Sellers.individual();
        Counter.as("clerk")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"test\"}")
                .post("/api/sellers/" + seller.sellerId() + "/block")
                .then()
                .statusCode(403);
        Counter.as("clerk")
                .contentType(ContentType.JSON)
                .body("{\"username\":\"newclerk\",\"displayName\":\"N\","
                        + "\"password\":\"long-enough-1\",\"role\":\"CLERK\"}")
                .post("/api/users")
                .then()
                .statusCode(403);
        Counter.as("clerk").get("/api/reports/aml").then().statusCode(403);
    }

    @Test
    void aSupervisorCreatesAnAccountThatCanLogIn() {
        String username = "clerk-" + System.nanoTime() % 100000;
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("""
                {"username":"%s","displayName":"New \
                Clerk","password":"a-long-password","role":"CLERK"}""".formatted(username))
                .post("/api/users")
                .then()
                .statusCode(201);
        given().auth()
                .preemptive()
                .basic(username, "a-long-password")
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(username));
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("""
                {"username":"%s","displayName":"Again","password":"a-long-password",\
                "role":"CLERK"}""".formatted(username))
                .post("/api/users")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"username\":\"x\",\"displayName\":\"Short\",\"password\":\"short\",\"role\":\"CLERK\"}")
                .post("/api/users")
                .then()
                .statusCode(400);
    }

    static final String ACCOUNT =
            "{\"username\":\"%s\",\"displayName\":\"Test account\",\"password\":\"%s-password\"," + "\"role\":\"%s\"}";

    static String newAccount(String role) {
        String username = "acct-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth()
                .preemptive()
                .basic("supervisor", "supervisor-demo")
                .contentType(ContentType.JSON)
                .body(ACCOUNT.formatted(username, username, role))
                .post("/api/users")
                .then()
                .statusCode(201);
        return username;
    }

    static int me(String username, String password) {
        return given().auth()
                .preemptive()
                .basic(username, password)
                .get("/api/me")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aDeactivatedAccountIsRefusedAtItsNextRequest() {
        String clerk = newAccount("CLERK");
        // logged in and remembered: the next requests skip the password hash
        assertThat(me(clerk, clerk + "-password")).isEqualTo(200);
        assertThat(me(clerk, clerk + "-password")).isEqualTo(200);
        given().auth()
                .preemptive()
                .basic(clerk, clerk + "-password")
                .post("/api/users/" + clerk + "/deactivate")
                .then()
                .statusCode(403);
        given().auth()
                .preemptive()
                .basic("supervisor", "supervisor-demo")
                .post("/api/users/" + clerk + "/deactivate")
                .then()
                .statusCode(204);
        assertThat(me(clerk, clerk + "-password")).isEqualTo(401);
        given().auth()
                .preemptive()
                .basic("supervisor", "supervisor-demo")
                .post("/api/users/supervisor/deactivate")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        given().auth()
                .preemptive()
                .basic("supervisor", "supervisor-demo")
                .post("/api/users/nobody-here/deactivate")
                .then()
                .statusCode(404);
    }

    @Test
    void repeatedFailedLoginsLockTheAccountUntilASupervisorUnlocksIt() {
        String clerk = newAccount("CLERK");
        // failures that a success interrupts do not add up
        for (int i = 0; i < 4; i++) {
            assertThat(me(clerk, "wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(me(clerk, clerk + "-password")).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(me(clerk, "wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(me(clerk, clerk + "-password")).isEqualTo(200);
        // five in a row lock it: then even the right password is refused
        for (int i = 0; i < 5; i++) {
            assertThat(me(clerk, "wrong-password-" + i)).isEqualTo(401);
        }
        assertThat(me(clerk, clerk + "-password")).as("locked").isEqualTo(401);
        given().auth()
                .preemptive()
                .basic("supervisor", "supervisor-demo")
                .post("/api/users/" + clerk + "/unlock")
                .then()
                .statusCode(204);
        assertThat(me(clerk, clerk + "-password")).isEqualTo(200);
    }
}
