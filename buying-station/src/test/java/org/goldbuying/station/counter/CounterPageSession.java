package org.goldbuying.station.counter;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.LivePage;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every counter-page test shares: a real headless Chromium at the counter's 1366x768, an active price, an empty
 * balance pan, the demo clerk's shift open, and the steps a clerk takes on the page. Test classes extend it and are
 * {@code @QuarkusTest}s themselves.
 *
 * <p>The page redraws a lot whenever the station pushes a change of it (XRF shots, approval, requote, void, density):
 * the quote's rows (with {@code #net-payable}), the shots and the flags are new elements each time. Read those with
 * {@link #live} (found and read in one step) or wait for their text; the waits here look a redrawn element up again.
 */
abstract class CounterPageSession {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/counter/")
    URL counterPage;

    ChromeDriver browser;
    WebDriverWait wait;
    LivePage live;

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    /** Cash is paid from the clerk's open shift's drawer. */
    @BeforeEach
    void clerksShiftIsOpen() {
        Shifts.openFor("clerk");
    }

    @BeforeEach
    void openBrowser() {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        wait = LivePage.waitOn(browser, Duration.ofSeconds(20));
        live = new LivePage(wait);
        PriceTicks.publishActive("2650.00");
        emptyPan();
    }

    /** The pan returns to zero, and the station has seen it do so (it weighs no next lot before). */
    void emptyPan() {
        BalanceSimulatorResource.simulator().clearPan();
        given().get("/api/balance/live").then().statusCode(200);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Logs in with a demo-style account (password: username + "-demo"). */
    void logIn(String username) {
        browser.get(counterPage.toString());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username + "-demo");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counter")));
    }

    void findSeller(String document) {
        browser.findElement(By.id("seller-document")).sendKeys(document);
        browser.findElement(By.id("find-seller")).click();
        wait.until(d -> !new Select(d.findElement(By.id("site"))).getOptions().isEmpty()
                && d.findElement(By.id("site")).isEnabled());
    }

    /** Places a lot on the pan and waits until the page (so the station) shows its weight, stable. */
    void placeOnPan(String grams) {
        BalanceSimulatorResource.simulator().place(new BigDecimal(grams));
        wait.until(ExpectedConditions.textToBe(By.id("live-weight"), grams + " g"));
        wait.until(ExpectedConditions.textToBe(By.id("stability"), "Stable"));
    }

    void weighAndQuote(String grams, String fineness) {
        placeOnPan(grams);
        browser.findElement(By.id("fineness")).sendKeys(fineness);
        browser.findElement(By.id("quote-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("quote")));
    }

    /** A supervisor (another person than the clerk) approves through the page's dialog. */
    void approveAs(String supervisor) {
        browser.findElement(By.id("approve-button")).click();
        signInDialogAs(supervisor);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Approved by " + supervisor));
    }

    /** Types a supervisor's name and password into the page's supervisor dialog and submits it. */
    void signInDialogAs(String username) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approval-dialog")));
        browser.findElement(By.id("supervisor-username")).sendKeys(username);
        browser.findElement(By.id("supervisor-password")).sendKeys(username + "-demo");
        browser.findElement(By.id("approval-submit")).click();
    }

    /** The id of the lot the page shows, from the page's own state. */
    String lotShown() {
        return (String) browser.executeScript("return state.lot && state.lot.id");
    }

    void screenshot(String name) {
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve(name + ".png"));
    }
}
