package org.goldbuying.centre.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.infra.LivePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The treasury dashboard in headless Chromium: login, figures, an ingested purchase pushed to the page, and a policy
 * change proposed by one treasury user and approved by another. The page redraws its pricing section (the policy in
 * force, the pending list) on every pricing event and published tick, and its tables on every ingested purchase: an
 * element is found and read in one step ({@link LivePage}), never kept to read later.
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
    LivePage live;

    @BeforeEach
    void openBrowser() {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        wait = LivePage.waitOn(browser, Duration.ofSeconds(20));
        live = new LivePage(wait);
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

    /** Logs out and waits for the login form of the page that follows (the session has ended by then). */
    void logOut() {
        live.click(By.id("logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    }

    /** Types into a field the page may redraw meanwhile (the incidents' notes are redrawn on every incident event). */
    void type(String id, String text) {
        live.type(By.id(id), text);
    }

    @Test
    void oneTreasuryUserProposesAPolicyChangeAndAnotherApprovesIt() {
        feed.force(new BigDecimal("2650.00"));
        try {
            logIn("treasury", "treasury-demo");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-form")));
            wait.until(d -> !d.findElement(By.id("p-fx")).getAttribute("value").isEmpty());
            String version = live.text(By.id("policy-version"));

            // a slip of the keyboard is refused in the page, with the reason, and nothing is proposed
            type("p-discount", "60");
            type("p-reason", "Monetary policy committee, 21 November");
            browser.findElement(By.id("policy-propose")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("pricing-error"), "discountPercent must be between 0 and 50 (was 60)"));

            type("p-discount", "4.5");
            type("p-fx", "3650.50");
            browser.findElement(By.id("policy-propose")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("pricing-status"), "another treasury user must approve it"));
            String id = live.attribute(
                            By.xpath("//ul[@id='pending']/li[starts-with(@id,'policy-proposal-') and contains(., "
                                    + "'3650.50')]"),
                            "id")
                    .substring("policy-proposal-".length());
            // the proposer cannot approve their own change, and is told why
            assertThat(live.enabled(By.id("approve-policy-" + id))).isFalse();
            assertThat(live.text(By.id("own-policy-" + id))).contains("another treasury user approves it");
            browser.executeScript("document.getElementById('pricing').scrollIntoView()");
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-policy-proposed.png"));

            logOut();
            logIn("treasury2", "treasury2-demo");
            live.click(By.id("approve-policy-" + id));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("pricing-status"), "Policy change " + id + " approved."));
            // the section is redrawn after the approval (and again on each event): wait for the version in force
            live.textWhen(By.id("policy-version"), id, id::equals);
            assertThat(id).isNotEqualTo(version);
            assertThat(live.text(By.id("policy-fx-rate"))).isEqualTo("3650.50 UGX per USD");
            assertThat(live.text(By.id("policy-discount"))).isEqualTo("4.5 %");
            assertThat(live.text(By.id("policy-source"))).contains("Proposed by treasury, approved by treasury2");
            // the new policy went out with a tick, which the price tile shows
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("price-detail"), "FX 3650.50 UGX/USD"));
            wait.until(ExpectedConditions.numberOfElementsToBe(By.id("policy-proposal-" + id), 0));
            browser.executeScript("document.getElementById('pricing').scrollIntoView()");
            HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-policy-approved.png"));
        } finally {
            Pricing.restoreConfiguredPolicy();
            feed.release();
        }
    }

    /**
     * A station's key proposed on the dashboard by one treasury user is approved there by another (the proposer
     * cannot); its revocation, proposed on the dashboard by the second, is confirmed by the first.
     */
    @Test
    void aStationKeyIsProposedApprovedAndRevokedOnTheDashboardByTwoTreasuryUsers() {
        String stationId = "DASH-" + System.nanoTime() % 100000;
        SigningStation station = new SigningStation(stationId);
        String keyId = station.key().keyId();

        logIn("treasury", "treasury-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
        type("k-station", stationId);
        type("k-region", "Test");
        type("k-public", station.key().publicKey().text());
        type("k-reason", "Installed at the district office today");
        live.click(By.id("k-propose"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("keys-status"), "Key " + keyId + " proposed for station " + stationId));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-key-" + keyId)));
        assertThat(live.enabled(By.id("approve-key-" + keyId))).isFalse();
        logOut();

        logIn("treasury2", "treasury2-demo");
        live.click(By.id("approve-key-" + keyId));
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("keys-status"), "Key " + keyId + " approved"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#key-" + keyId + " .key-status"), "ACTIVE"));
        browser.executeScript("document.getElementById('station-keys').scrollIntoView()");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-station-key-approved.png"));

        wait.until(d -> new Select(d.findElement(By.id("r-key")))
                .getOptions().stream().anyMatch(o -> keyId.equals(o.getDomProperty("value"))));
        new Select(browser.findElement(By.id("r-key"))).selectByValue(keyId);
        type("r-reason", "The station's laptop was stolen last night");
        live.click(By.id("r-propose"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("keys-status"), "Revocation of key " + keyId + " proposed"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke-key-" + keyId)));
        assertThat(live.enabled(By.id("revoke-key-" + keyId))).isFalse();
        // a revocation proposed by mistake: its proposer withdraws it with the reason, then proposes the right one
        live.click(By.id("withdraw-revocation-" + keyId));
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("The key keeps counting");
        question.sendKeys("Picked the wrong key in the list");
        question.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("keys-status"), "Revocation of key " + keyId + " withdrawn: the key counts as before."));
        wait.until(d -> d.findElements(By.id("revoke-key-" + keyId)).isEmpty());
        // the withdrawn proposal stays on the page, under the table (collapsed: read its text, not what is shown)
        wait.until(d -> d.findElement(By.id("withdrawn-list"))
                .getDomProperty("textContent")
                .contains("(The station's laptop was stolen last night), withdrawn"));
        wait.until(d -> new Select(d.findElement(By.id("r-key")))
                .getOptions().stream().anyMatch(o -> keyId.equals(o.getDomProperty("value"))));
        new Select(browser.findElement(By.id("r-key"))).selectByValue(keyId);
        type("r-reason", "The station's laptop was stolen last night");
        live.click(By.id("r-propose"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke-key-" + keyId)));
        logOut();

        logIn("treasury", "treasury-demo");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke-key-" + keyId)));
        // only the proposer may withdraw: another treasury user confirms, or leaves it
        assertThat(browser.findElements(By.id("withdraw-revocation-" + keyId))).isEmpty();
        live.click(By.id("revoke-key-" + keyId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#key-" + keyId + " .key-status"), "REVOKED"));
    }

    /**
     * A compliance officer sees the national register only, proposes blocking a seller with the reason the counters
     * will show, and cannot approve it; a second officer approves it, and the seller is blocked.
     */
    @Test
    void oneComplianceOfficerProposesABlockAndAnotherApprovesIt() {
        SigningStation station = new SigningStation("CMP-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(
                        Topics.PURCHASES,
                        station.id(),
                        station.sellerRegistration(UUID.randomUUID(), nationalId, "Grace Namukasa"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Pricing.auditor()
                                .queryParam("q", nationalId)
                                .get("/api/sellers")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("")
                                .size()
                        == 1);
        String sellerId = Pricing.auditor()
                .queryParam("q", nationalId)
                .get("/api/sellers")
                .then()
                .extract()
                .path("[0].sellerId");
        logIn("compliance", "compliance-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("national-sellers")));
        assertThat(browser.findElement(By.id("t-reserve")).isDisplayed())
                .as("the reserve is the treasury's")
                .isFalse();
        searchSeller(sellerId, nationalId);
        live.click(By.id("propose-block-" + sellerId));
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("Block Grace Namukasa at every station?");
        question.sendKeys("Sold above the site's output at two stations");
        question.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("sellers-status"), "Block of Grace Namukasa proposed"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("approve-standing-" + sellerId)));
        assertThat(live.enabled(By.id("approve-standing-" + sellerId))).isFalse();
        logOut();

        logIn("compliance2", "compliance2-demo");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("national-sellers")));
        searchSeller(sellerId, nationalId);
        live.click(By.id("approve-standing-" + sellerId));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#seller-" + sellerId + " .seller-status"),
                "BLOCKED: Sold above the site's output at two stations"));
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-national-register.png"));
    }
    /** Searches the register and waits for the seller's own row (not just any row of an earlier list). */
    void searchSeller(String sellerId, String text) {
        type("s-query", text);
        live.click(By.id("s-search"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("seller-" + sellerId)));
    }

    /**
     * A station sold before its key was proposed: the proposed key's row says what approving it would count. Its
     * proposer withdraws it instead; it is shown as turned down and offers no approval.
     */
    @Test
    void aProposedKeyShowsWhatItWouldCountAndItsProposerWithdrawsIt() {
        SigningStation station = new SigningStation("WD-" + System.nanoTime() % 100000);
        String keyId = station.key().keyId();
        PriceTick tick = Pricing.published(Pricing.publishNow());
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(
                        Topics.PURCHASES,
                        station.id(),
                        station.next(tick, "4.25", "900.0").json());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Incidents.kinds(station.id()).size() == 1);
        Pricing.treasury()
                .body(station.proposal(station.key().publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);

        logIn("treasury", "treasury-demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("waiting-" + keyId), "Approving it counts 1 purchase (4.25 g gross)"));
        assertThat(live.text(By.id("reject-key-" + keyId))).isEqualTo("Withdraw");
        live.click(By.id("reject-key-" + keyId));
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertThat(question.getText()).contains("cannot be proposed again").contains("Why");
        question.sendKeys("Proposed for the wrong station");
        question.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("keys-status"), "Key " + keyId + " withdrawn: it never counts."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#key-" + keyId + " .key-status"), "REJECTED \u00b7 withdrawn by treasury"));
        assertThat(live.text(By.cssSelector("#key-" + keyId + " .key-status")))
                .endsWith("Proposed for the wrong station");
        assertThat(browser.findElements(By.id("approve-key-" + keyId))).isEmpty();
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
        assertThat(browser.findElement(By.id("who")).getText())
                .contains("auditor")
                .contains("read-only");
        // auditors read the policy but get neither the forms nor approve buttons
        wait.until(d -> !d.findElement(By.id("policy-version")).getText().isEmpty());
        assertThat(browser.findElement(By.id("pricing-forms")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("pricing-readonly")).isDisplayed()).isTrue();
        assertThat(browser.findElements(By.cssSelector("#pending button"))).isEmpty();

        String station = "DB-" + System.nanoTime() % 100000;
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station, Purchases.newPurchase(UUID.randomUUID(), station));
        // pushed, not polled: the page's own refresh timer is a minute
        By row = By.xpath("//tbody[@id='by-station']/tr[td[1]='" + station + "']");
        LivePage pushed = new LivePage(LivePage.waitOn(browser, Duration.ofSeconds(15)));
        assertThat(pushed.text(row)).isEqualTo(station + " 1 0 11.2911 g 3,239,041 UGX -9.00 %");
        // a typed weight (no balance reading) is counted apart and marked
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station, Purchases.newTypedWeightPurchase(UUID.randomUUID(), station));
        pushed.textWhen(row, "the station's row counting 2 purchases, 1 typed", t -> t.startsWith(station + " 2 1 "));
        // the typed cell of this station's row (other tests' stations may have typed weights too)
        By typed = By.xpath("//tbody[@id='by-station']/tr[td[1]='" + station + "']/td[contains(@class,'typed')]");
        assertThat(live.text(typed)).isEqualTo("1");
        assertThat(live.attribute(typed, "title")).contains("typed");
        assertThat(browser.findElement(By.cssSelector("#chart svg polyline"))).isNotNull();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard.png"));
    }

    @Test
    void aForgedPurchaseShowsAtOnceAsAnIncidentThatTwoTreasuryUsersResolve() {
        logIn("treasury", "treasury-demo");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "live"));
        String station = "FRG-" + System.nanoTime() % 100000;
        UUID forged = UUID.randomUUID();
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(
                        Topics.PURCHASES,
                        station,
                        Purchases.newPurchase(forged, station)
                                .replace("\"grossGrams\": \"12.34\"", "\"grossGrams\": \"500.00\""));
        // pushed to the page: no reload
        By item = By.xpath("//ul[@id='incidents']/li[contains(., '" + station + "')]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        String id = live.attribute(item, "id").substring("incident-".length());
        assertThat(live.text(item)).contains("arithmetic").contains("500.00 g at 915.0 per mille is 457.5000 g");
        type("resolution-" + id, "short");
        live.click(By.id("propose-incident-" + id));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("integrity-error")));
        type(
                "resolution-" + id,
                "Station " + station + " does not exist: message written to Kafka by hand, "
                        + "access to the broker revoked");
        live.click(By.id("propose-incident-" + id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("integrity-status"), "another treasury user confirms it"));
        // the proposer cannot confirm: the button is disabled, and the centre refuses it anyway
        assertThat(live.enabled(By.id("confirm-incident-" + id))).isFalse();
        browser.executeScript("document.getElementById('integrity').scrollIntoView()");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-integrity-incident.png"));

        logOut();
        logIn("treasury2", "treasury2-demo");
        live.click(By.id("confirm-incident-" + id));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("integrity-status"), "Incident " + id + " resolved."));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.id("incident-" + id), 0));
    }
}
