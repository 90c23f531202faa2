package org.goldbuying.centre.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.goldbuying.infra.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A licensed feed end to end: LBMA file over HTTP, official tick, display, ageing out, and a feed that breaks. */
@QuarkusTest
@TestProfile(LbmaFeedProfile.class)
class LbmaFeedEndToEndTest {
    @TestHTTPResource("/display/")
    URL page;

    ChromeDriver browser;

    @AfterEach
    void restore() {
        LbmaFeedProfile.Server.server.answer(200, LbmaFeedProfile.GOOD_FILE);
        if (browser != null) {
            browser.quit();
        }
    }

    static JsonPath publish() {
        return given().auth()
                .preemptive()
                .basic("treasury", "treasury-demo")
                .post("/api/price/publish")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static JsonPath display() {
        return given().get("/api/display/price")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    void awaitFeed(String field, String contains) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> String.valueOf(given().get("/api/feed")
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath()
                                .getString(field))
                        .contains(contains));
    }

    @Test
    void theLbmaPriceIsPublishedShownAndGoesStaleWhenNotRenewed() {
        awaitFeed("spotUsdPerTroyOunce", "2650.40");
        given().get("/api/feed")
                .then()
                .body("active", org.hamcrest.Matchers.equalTo("lbma"))
                .body("source", org.hamcrest.Matchers.equalTo("lbma-gold-pm"))
                .body("simulated", org.hamcrest.Matchers.equalTo(false));

        JsonPath tick = publish();
        assertThat(tick.getString("status")).isEqualTo("ACTIVE");
        assertThat(tick.getString("source.name")).isEqualTo("lbma-gold-pm");
        assertThat(tick.getBoolean("source.simulated")).isFalse();
        JsonPath view = display();
        assertThat(view.getString("status")).isEqualTo("ACTIVE");
        assertThat(view.getBoolean("simulated")).isFalse();
        // 2650.40 USD/ozt x 3700 UGX/USD = 315,286 UGX per fine gram, less 15,764 and 12,611
        assertThat(view.getLong("rows[0].perGram.minor")).isEqualTo(286_911L);

        // nothing new within the tick's 8 s maximum age: the API stops showing the figure
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "STALE".equals(display().getString("status")));
        assertThat(display().getList("rows")).isEmpty();
        given().get("/api/display/price.txt")
                .then()
                .statusCode(200)
                .body(containsString("OUT OF DATE"), org.hamcrest.Matchers.not(containsString("286,911")));
    }

    @Test
    void theOpenPageTurnsStaleOnItsOwnWhenThePriceAgesOut() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        awaitFeed("spotUsdPerTroyOunce", "2650.40");
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        publish();
        browser.get(page.toString());
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-purity='fine'] td.amount"))
                        .isEmpty()
                || d.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("simulated")).isDisplayed())
                .as("a real feed is not labelled simulated")
                .isFalse();
        wait.until(d -> d.findElement(By.id("notice")).isDisplayed());
        assertThat(browser.findElement(By.id("notice-title")).getDomProperty("textContent"))
                .isEqualTo("Price out of date");
        assertThat(browser.findElement(By.id("prices")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, Path.of("target", "screenshots", "display-stale-en.png"));
    }

    @Test
    void aFeedThatBreaksSuspendsThePriceWithItsReason() {
        awaitFeed("spotUsdPerTroyOunce", "2650.40");
        publish();
        LbmaFeedProfile.Server.server.answer(200, "<html>Access denied</html>");
        awaitFeed("problem", "not valid JSON");
        JsonPath suspended = publish();
        assertThat(suspended.getString("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.getString("suspendedReason"))
                .startsWith("The gold feed has no price: The LBMA price file is not valid JSON");
        assertThat(display().getString("status")).isEqualTo("SUSPENDED");
        // (a server that is down is covered by FeedAdaptersHttpTest; this one serves the other tests)
    }
}
