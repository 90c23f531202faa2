package org.goldbuying.centre.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The treasury dashboard in headless Chromium: login, figures, and an ingested purchase pushed to the page. */
@QuarkusTest
class DashboardBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/dashboard/")
    URL page;

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        assumeTrue(System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void logIn(String user, String password) {
        browser.get(page.toString());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login-button")).click();
    }

    @Test
    void anAuditorSeesTheReserveMoveWhenAPurchaseIsIngested() {
        logIn("auditor", "wrong");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Wrong username or password"));

        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("password")).clear();
        logIn("auditor", "auditor-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dashboard")));
        wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
        wait.until(d -> !d.findElement(By.id("updated")).getText().equals("\u2013"));
        assertThat(browser.findElement(By.id("who")).getText()).contains("auditor").contains("read-only");

        String station = "DB-" + System.nanoTime() % 100000;
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station, Purchases.newPurchase(UUID.randomUUID(), station));
        // pushed, not polled: the page's own refresh timer is a minute
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-station"), station));
        assertThat(browser.findElement(By.id("by-station")).getText()).contains(station + " 1 11.2911 g 3,239,041 UGX -9.00 %");
        assertThat(browser.findElement(By.cssSelector("#chart svg polyline"))).isNotNull();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard.png"));
    }
}
