package org.goldbuying.centre.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The treasury dashboard in headless Chromium: login, figures, an ingested purchase pushed to the page, and a policy
 * change proposed by one treasury user and approved by another.
 */
@QuarkusTest
class DashboardBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/dashboard/")
    URL page;

    @Inject
    SimulatedGoldFeed feed;

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

    void type(String id, String text) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void oneTreasuryUserProposesAPolicyChangeAndAnotherApprovesIt() {
        feed.force(new BigDecimal("2650.00"));
        try {
            logIn("treasury", "treasury-demo");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-form")));
            wait.until(d -> !d.findElement(By.id("p-fx")).getAttribute("value").isEmpty());
            String version = browser.findElement(By.id("policy-version")).getText();

            // a slip of the keyboard is refused in the page, with the reason, and nothing is proposed
            type("p-discount", "60");
            type("p-reason", "Monetary policy committee, 21 November");
            browser.findElement(By.id("policy-propose")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pricing-error"),
                    "discountPercent must be between 0 and 50 (was 60)"));

            type("p-discount", "4.5");
            type("p-fx", "3650.50");
            browser.findElement(By.id("policy-propose")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pricing-status"), "another treasury user must approve it"));
            WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//ul[@id='pending']/li[starts-with(@id,'policy-proposal-') and contains(., '3650.50')]")));
            String id = item.getAttribute("id").substring("policy-proposal-".length());
            // the proposer cannot approve their own change, and is told why
            assertThat(browser.findElement(By.id("approve-policy-" + id)).isEnabled()).isFalse();
            assertThat(browser.findElement(By.id("own-policy-" + id)).getText()).contains("another treasury user approves it");
            browser.executeScript("document.getElementById('pricing').scrollIntoView()");
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-policy-proposed.png"));

            browser.findElement(By.id("logout")).click();
            logIn("treasury2", "treasury2-demo");
            WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-policy-" + id)));
            approve.click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pricing-status"),
                    "Policy change " + id + " approved."));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("policy-fx-rate"), "3650.50 UGX per USD"));
            assertThat(browser.findElement(By.id("policy-version")).getText()).isEqualTo(id).isNotEqualTo(version);
            assertThat(browser.findElement(By.id("policy-discount")).getText()).isEqualTo("4.5 %");
            assertThat(browser.findElement(By.id("policy-source")).getText())
                    .contains("Proposed by treasury, approved by treasury2");
            // the new policy went out with a tick, which the price tile shows
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("price-detail"), "FX 3650.50 UGX/USD"));
            assertThat(browser.findElements(By.id("policy-proposal-" + id))).isEmpty();
            browser.executeScript("document.getElementById('pricing').scrollIntoView()");
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-policy-approved.png"));
        } finally {
            Pricing.restoreConfiguredPolicy();
            feed.release();
        }
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
        // auditors read the policy but get neither the forms nor approve buttons
        wait.until(d -> !d.findElement(By.id("policy-version")).getText().isEmpty());
        assertThat(browser.findElement(By.id("pricing-forms")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pricing-readonly")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#pending button"))).isEmpty();

        String station = "DB-" + System.nanoTime() % 100000;
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station, Purchases.newPurchase(UUID.randomUUID(), station));
        // pushed, not polled: the page's own refresh timer is a minute
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-station"), station));
        assertThat(browser.findElement(By.id("by-station")).getText()).contains(station + " 1 0 11.2911 g 3,239,041 UGX -9.00 %");
        // a typed weight (no balance reading) is counted apart and marked
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station, Purchases.newTypedWeightPurchase(UUID.randomUUID(), station));
        new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("by-station"), station + " 2 1 "));
        WebElement typed = browser.findElement(By.cssSelector("#by-station td.typed"));
        assertThat(typed.getText()).isEqualTo("1");
        assertThat(typed.getAttribute("title")).contains("typed");
        assertThat(browser.findElement(By.cssSelector("#chart svg polyline"))).isNotNull();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard.png"));
    }
}
