package org.goldbuying.centre.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.goldbuying.centre.support.KeycloakResource;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.LivePage;
import org.goldbuying.infra.LocalKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The centre with the bank's identity provider: a real Keycloak (deploy/keycloak's realm). Roles come from the
 * provider's tokens; API clients send bearer tokens; the dashboard logs in with the authorization code flow (PKCE) on
 * the provider's own login page; the provider locks a user after repeated wrong passwords.
 */
@QuarkusTest
@TestProfile(IdentityProviderTest.WithKeycloak.class)
class IdentityProviderTest {

    /** The centre's OIDC on, pointed at a real Keycloak started for this profile. */
    public static final class WithKeycloak implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KeycloakResource.class));
        }
    }

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    @BeforeEach
    void providerRuns() {
        assumeTrue(KeycloakResource.running(), "Keycloak needs Java 21+ (KEYCLOAK_JAVA_HOME) and ./mvnw package");
    }

    private static String token(String user) {
        return KeycloakResource.keycloak().accessToken(user, user + "-demo");
    }

    @Test
    void rolesComeFromTheProvidersTokens() {
        given().auth()
                .oauth2(token("auditor"))
                .get("/api/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("auditor"))
                .body("roles", hasItem("auditor"))
                .body("roles", not(hasItem("treasury")));
        given().auth().oauth2(token("auditor")).get("/api/reserve").then().statusCode(200);
        // an auditor reads, never acts
        given().auth()
                .oauth2(token("auditor"))
                .post("/api/price/publish")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("treasury"))
                .post("/api/price/publish")
                .then()
                .statusCode(200);
        for (String role : new String[] {"compliance", "operations"}) {
            given().auth()
                    .oauth2(token(role))
                    .get("/api/me")
                    .then()
                    .statusCode(200)
                    .body("roles", hasItem(role));
            given().auth().oauth2(token(role)).post("/api/price/publish").then().statusCode(403);
        }
    }

    @Test
    void aTokenNotIssuedByTheProviderIsRefused() {
        String genuine = token("treasury");
        String[] parts = genuine.split("\\.");
        // the payload changed (another user's name), the provider's signature kept
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];
        given().auth().oauth2(forged).post("/api/price/publish").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/me").then().statusCode(401);
    }

    @Test
    void aTokenTheProviderIssuedForAnotherApplicationIsRefused() {
        // admin-cli is another client of the same realm: its tokens carry the user's roles but not the centre as
        // their audience
        String forAnotherApplication =
                KeycloakResource.keycloak().accessToken("admin-cli", "treasury", "treasury-demo");
        given().auth()
                .oauth2(forAnotherApplication)
                .post("/api/price/publish")
                .then()
                .statusCode(401);
    }

    @Test
    void theProviderLocksAUserAfterRepeatedWrongPasswords() {
        LocalKeycloak keycloak = KeycloakResource.keycloak();
        for (int i = 0; i < 5; i++) {
            int attempt = i;
            assertThatThrownBy(() -> keycloak.accessToken("lockout-probe", "wrong-password-" + attempt))
                    .hasMessageContaining("Keycloak refused");
        }
        assertThatThrownBy(() -> keycloak.accessToken("lockout-probe", "lockout-probe-demo"))
                .as("locked for a while, whatever the password")
                .hasMessageContaining("Keycloak refused");
    }

    @Test
    void theDashboardLogsInOnTheProvidersPageAndKeepsNoCredentials() {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        ChromeDriver browser = HeadlessChromium.start(Path.of("target", "chromium"));
        try {
            WebDriverWait wait = LivePage.waitOn(browser, Duration.ofSeconds(30));
            browser.get(dashboard.toString());
            wait.until(ExpectedConditions.elementToBeClickable(By.id("idp-login-link")))
                    .click();
            // the provider's own login page, on its own origin
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
            assertThat(browser.getCurrentUrl())
                    .startsWith(KeycloakResource.keycloak().issuer());
            browser.findElement(By.id("username")).sendKeys("treasury");
            browser.findElement(By.id("password")).sendKeys("treasury-demo");
            browser.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "treasury (treasury)"));
            assertThat(browser.getCurrentUrl()).startsWith(dashboard.toString());
            assertThat(browser.executeScript("return sessionStorage.length + localStorage.length"))
                    .isEqualTo(0L);
            assertThat((String) browser.executeScript("return document.cookie")).isEmpty();
            HeadlessChromium.screenshot(browser, Path.of("target", "screenshots", "dashboard-oidc.png"));

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
            Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch('/api/me', {headers: {'X-Requested-With': 'fetch'}}).then(r => done(r.status));");
            assertThat(status).isEqualTo(401L);
        } finally {
            browser.quit();
        }
    }
}
