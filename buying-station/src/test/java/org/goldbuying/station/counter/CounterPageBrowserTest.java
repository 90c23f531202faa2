package org.goldbuying.station.counter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.station.support.BalanceSimulatorResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.NationalRegister;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.XrfLots;
import org.goldbuying.station.support.XrfSimulatorResource;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The counter page in a real headless Chromium, driving whole lots with the simulated balance on its pty. */
@QuarkusTest
class CounterPageBrowserTest extends CounterPageSession {

    @Test
    void aClerkWeighsQuotesPaysAndPrintsALot() {
        String nationalId = Sellers.uniqueNumber("CB");
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"Grace Atim","nationalId":"%s",
                 "site":{"name":"Kasanda pit 4","latitude":"0.4447","longitude":"31.8167"}}""".formatted(nationalId));
        logIn("clerk");
        wait.until(ExpectedConditions.textMatches(By.id("price-status"), java.util.regex.Pattern.compile("SIMULATED")));
        findSeller(nationalId);
        assertThat(browser.findElement(By.id("seller-details")).getText())
                .contains("Grace Atim")
                .contains("ACTIVE");

        weighAndQuote("12.34", "915.0");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("net-payable")));
        assertThat(live.text(By.id("net-payable"))).isEqualTo("3,239,041 UGX");
        assertThat(browser.findElement(By.id("quote-terms")).getText())
                .contains("Fine gold 11.2911 g")
                .contains("Gross value 3,559,385 UGX")
                .contains("Discount - 177,969 UGX");
        assertThat(browser.findElement(By.id("lock-countdown")).getText()).matches("[12]:\\d\\d");
        assertThat(browser.findElement(By.id("approval-needed")).getText()).contains("MANUAL_ASSAY");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-quote.png"));
        approveAs("supervisor");

        live.click(By.id("pay-button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
        String code = browser.findElement(By.id("receipt-code")).getText();
        assertThat(code).matches("[A-Z0-9]{10}");
        browser.switchTo().frame("receipt-frame");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-testid=verification-code]"), code));
        assertThat(browser.findElement(By.cssSelector("[data-testid=net-payable]"))
                        .getText())
                .isEqualTo("3,239,041 UGX");
        browser.switchTo().defaultContent();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-paid.png"));
    }

    /**
     * The login is a session the station holds: the page keeps no password or token (nothing in session or local
     * storage, and the HttpOnly cookie is out of the scripts' reach), a reload stays logged in, and after logging out
     * a reload asks to log in again.
     */
    @Test
    void theBrowserKeepsNoCredentials() {
        logIn("clerk");
        assertThat(browser.executeScript("return sessionStorage.length + localStorage.length"))
                .isEqualTo(0L);
        assertThat((String) browser.executeScript("return document.cookie")).doesNotContain("station-session");
        assertThat(browser.manage().getCookieNamed("station-session").isHttpOnly())
                .isTrue();

        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counter")));
        assertThat(browser.findElement(By.id("who")).getText()).startsWith("clerk");

        live.click(By.id("logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
        assertThat(browser.manage().getCookieNamed("station-session")).isNull();
        Object status = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/me', {headers: {'X-Requested-With': 'fetch'}}).then(r => done(r.status));");
        assertThat(status).isEqualTo(401L);
    }

    /**
     * A price message not signed by the central bank (anyone who can write to the topic) is refused, and the counter
     * says so at once, while it keeps quoting from the last genuine price.
     */
    @Test
    void aPriceNotSignedByTheCentreRaisesAnAlertAtTheCounter() {
        PriceTicks.publishActive("2650.00");
        logIn("clerk");
        wait.until(ExpectedConditions.textMatches(By.id("price-status"), java.util.regex.Pattern.compile("2650.00")));

        PriceTicks.publishWithSignature(PriceTicks.activeJson("1.00"), null);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tick-alert"), "not signed"));
        assertThat(browser.findElement(By.id("tick-alert")).getText())
                .contains("price message(s) refused")
                .contains("Tell your supervisor");
        assertThat(browser.findElement(By.id("price-status")).getText()).contains("2650.00");
        given().get("/api/price")
                .then()
                .statusCode(200)
                .body("lastRefusal.reason", org.hamcrest.Matchers.containsString("not signed"));
        screenshot("counter-tick-refused");
    }

    @Test
    void aWeightTypedByHandIsFlaggedAndWaitsForASupervisor() {
        String nationalId = Sellers.uniqueNumber("TW");
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"Moses Okello","nationalId":"%s",
                 "site":{"name":"Mubende hill","latitude":"0.5580","longitude":"31.3950"}}""".formatted(nationalId));
        BalanceSimulatorResource.simulator().clearPan();
        logIn("clerk");
        findSeller(nationalId);
        browser.findElement(By.cssSelector("#typed-weight summary")).click();
        browser.findElement(By.id("typed-grams")).sendKeys("6.25");
        browser.findElement(By.id("typed-reason")).sendKeys("short");
        browser.findElement(By.id("fineness")).sendKeys("900");
        browser.findElement(By.id("quote-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "10 characters"));

        browser.findElement(By.id("typed-reason")).clear();
        browser.findElement(By.id("typed-reason")).sendKeys("Balance display broken; reserve balance RB-2");
        browser.findElement(By.id("quote-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-terms"), "TYPED BY HAND"));
        assertThat(browser.findElement(By.id("quote-terms")).getText())
                .contains("6.25 g")
                .contains("RB-2");
        assertThat(browser.findElement(By.id("approval-needed")).getText()).contains("TYPED_WEIGHT");
        assertThat(browser.findElement(By.id("pay-button")).isEnabled()).isFalse();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-typed-weight.png"));
        approveAs("supervisor");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
        browser.switchTo().frame("receipt-frame");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=weight-override]")));
        assertThat(browser.findElement(By.cssSelector("[data-testid=weight-override]"))
                        .getText())
                .contains("NO BALANCE READING")
                .contains("approved by supervisor");
        browser.switchTo().defaultContent();
    }

    @Test
    void aLargeLotWaitsForASupervisorWhoIsNotTheClerk() {
        String licence = Sellers.uniqueNumber("TR");
        Sellers.register("""
                {"type":"LICENSED_TRADER","name":"Kampala Bullion \
                Traders","licenceNumber":"%s","licenceExpiry":"2030-01-01",
                 "site":{"name":"Buying depot","latitude":"0.3136","longitude":"32.5811"}}""".formatted(licence));
        logIn("clerk");
        findSeller(licence);
        weighAndQuote("80.00", "900");
        assertThat(browser.findElement(By.id("approval-needed")).getText()).contains("LARGE_VALUE");
        assertThat(browser.findElement(By.id("pay-button")).isEnabled()).isFalse();

        browser.findElement(By.id("approve-button")).click();
        signInDialogAs("clerk");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "not allowed"));

        browser.findElement(By.id("approve-button")).click();
        signInDialogAs("supervisor");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Approved by supervisor"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-approved.png"));
    }

    @Test
    void aClerkWeighsThenTheXrfShotsArriveOnTheirOwnAndTheQuoteFollows() {
        String nationalId = Sellers.uniqueNumber("CX");
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"Joseph Okello","nationalId":"%s",
                 "site":{"name":"Mubende reef 2","latitude":"0.5800","longitude":"31.3700"}}""".formatted(nationalId));
        logIn("clerk");
        wait.until(
                ExpectedConditions.textMatches(By.id("xrf-status"), java.util.regex.Pattern.compile("connected on")));
        findSeller(nationalId);
        placeOnPan("10.00");
        browser.findElement(By.id("xrf-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assay-note"), "Take the XRF shots"));
        assertThat(browser.findElement(By.id("no-quote")).getText()).contains("follows the assay");

        // The analyser's shots travel its pty; the page is told over the live stream, without polling.
        XrfSimulatorResource.shoot("91.50", "4.10", "4.30");
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#xrf-shots tr"), 1));
        assertThat(browser.findElement(By.id("assay-note")).getText()).contains("Shot 1 of 3");
        XrfSimulatorResource.shoot("91.60", "4.10", "4.30");
        XrfSimulatorResource.shoot("91.70", "4.10", "4.30");
        // the quote's rows are drawn anew on each lot event the station pushes: read them where they are now
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("net-payable")));
        assertThat(live.text(By.id("net-payable"))).endsWith("UGX");
        assertThat(browser.findElements(By.cssSelector("#xrf-shots tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("xrf-shots")).getText()).contains("Au 91.50 \u00b1 0.05");
        assertThat(browser.findElement(By.id("quote-terms")).getText())
                .contains("Fineness (xrf) 916.0")
                .contains("Fine gold 9.1600 g");
        assertThat(browser.findElement(By.id("composition")).getText()).contains("Au 91.6000");
        assertThat(browser.findElement(By.id("approval-needed")).isDisplayed()).isFalse();

        browser.findElement(By.id("density-water")).sendKeys("9.44");
        browser.findElement(By.id("density-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("density-result"), "matches"));
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-xrf.png"));

        live.click(By.id("pay-button"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
        assertThat(browser.findElement(By.id("receipt-code")).getText()).matches("[A-Z0-9]{10}");
    }

    @Test
    void aTungstenFlagStopsTheQuoteUntilASupervisorReleasesTheAssay() {
        String nationalId = Sellers.uniqueNumber("CT");
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"Peter Mugisha","nationalId":"%s",
                 "site":{"name":"Kassanda east","latitude":"0.4500","longitude":"31.8200"}}""".formatted(nationalId));
        logIn("clerk");
        findSeller(nationalId);
        // the weight itself, not only "Stable": the empty pan before it was stable too
        placeOnPan("20.00");
        browser.findElement(By.id("xrf-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assay-note"), "Take the XRF shots"));

        // The analyser's export is imported through the API; the page follows over the live stream.
        String id = lotShown();
        assertThat(id).isNotNull();
        for (int i = 1; i <= 3; i++) {
            given().contentType(io.restassured.http.ContentType.JSON)
                    .body(XrfLots.jsonShot(
                            "CSV_IMPORT", "BT-" + i, "{\"Au\":\"90.1\",\"Ag\":\"4.0\",\"Cu\":\"4.4\",\"W\":\"1.5\"}"))
                    .post("/api/lots/" + id + "/xrf-shots")
                    .then()
                    .statusCode(201);
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("release-button")));
        assertThat(browser.findElement(By.id("assay-flags")).getText()).contains("Tungsten found");
        assertThat(browser.findElement(By.id("quote")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-xrf-flagged.png"));

        browser.findElement(By.id("release-button")).click();
        signInDialogAs("supervisor");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Assay released by supervisor"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("net-payable")));
        assertThat(browser.findElement(By.id("quote-terms")).getText()).contains("Fineness (xrf) 901.0");
    }

    @Test
    void aWrongPasswordIsRefusedOnThePageWithoutTheBrowsersOwnPrompt() {
        browser.get(counterPage.toString());
        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Wrong username or password"));
        assertThat(browser.findElement(By.id("counter")).isDisplayed()).isFalse();
    }

    @Test
    void aClerkWithoutAShiftOpensOneOnThePage() {
        String clerk = "shiftclerk" + System.nanoTime() % 100000;
        Counter.as("supervisor")
                .contentType(io.restassured.http.ContentType.JSON)
                .body("""
                {"username":"%s","displayName":"Shift \
                Clerk","password":"a-long-password","role":"CLERK"}""".formatted(clerk))
                .post("/api/users")
                .then()
                .statusCode(201);
        browser.get(counterPage.toString());
        browser.findElement(By.id("username")).sendKeys(clerk);
        browser.findElement(By.id("password")).sendKeys("a-long-password");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shift-form")));
        assertThat(browser.findElement(By.id("shift-status")).getText()).contains("No open shift");
        wait.until(ExpectedConditions.textMatches(By.id("price-status"), java.util.regex.Pattern.compile("tick")));
        browser.findElement(By.id("shift-float")).sendKeys("50000000");
        browser.findElement(By.id("open-shift")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-status"), "50,000,000 UGX"));
        assertThat(browser.findElement(By.id("shift-form")).isDisplayed()).isFalse();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-shift-opened.png"));
    }

    @Test
    void aQuoteOverTakenByANewPriceIsQuotedAgainWithoutWeighingAgain() {
        String nationalId = Sellers.uniqueNumber("CR");
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"Rose Nansubuga","nationalId":"%s",
                 "site":{"name":"Kasanda pit 9","latitude":"0.4447","longitude":"31.8167"}}""".formatted(nationalId));
        logIn("clerk");
        findSeller(nationalId);
        weighAndQuote("3.00", "900");
        String firstTick = browser.findElement(By.id("quote-terms")).getText();
        PriceTicks.publishActive("2700.00");
        browser.findElement(By.id("approve-button")).click();
        signInDialogAs("supervisor");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("requote-button")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Quoted again"));
        assertThat(browser.findElement(By.id("quote-terms")).getText())
                .contains("2700.00 USD/ozt")
                .isNotEqualTo(firstTick);
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-requoted.png"));
    }

    /**
     * A miner registered at another station and blocked by the national register: the counter knows them (a copy kept
     * for offline work) and shows the centre's block with its reason before anything is weighed.
     */
    @Test
    void aSellerBlockedByTheNationalRegisterIsShownWithTheCentresReason() {
        UUID national = UUID.randomUUID();
        String nationalId = Sellers.uniqueNumber("CN");
        NationalRegister.publish(
                national.toString(),
                NationalRegister.record(
                        national,
                        1,
                        nationalId,
                        SellerRecord.Status.BLOCKED,
                        "Licence withdrawn by the authority",
                        null));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        given().get("/api/sellers/" + national).then().extract().statusCode() == 200);

        logIn("clerk");
        findSeller(nationalId);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("seller-details"), "blocked by the national register: Licence withdrawn by the authority"));
        assertThat(browser.findElement(By.id("seller-details")).getText()).contains("registered at another station");
        assertThat(browser.findElement(By.id("seller-details")).getAttribute("class"))
                .contains("mismatch");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-seller-nationally-blocked.png"));
    }

    @Test
    void aClerkRegistersANewSellerOnThePage() {
        logIn("clerk");
        browser.findElement(By.cssSelector("#new-seller summary")).click();
        browser.findElement(By.id("reg-name")).sendKeys("Sarah Akello");
        browser.findElement(By.id("reg-site")).sendKeys("Buwambo pit 1");
        browser.findElement(By.id("reg-lat")).sendKeys("0.52");
        browser.findElement(By.id("reg-lon")).sendKeys("32.61");
        browser.findElement(By.id("register-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "national ID or a licence"));

        String nationalId = Sellers.uniqueNumber("CP");
        browser.findElement(By.id("reg-national-id")).sendKeys(nationalId);
        browser.findElement(By.id("register-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Registered Sarah Akello"));
        assertThat(browser.findElement(By.id("seller-details")).getText())
                .contains("Sarah Akello")
                .contains("ACTIVE");
        assertThat(new Select(browser.findElement(By.id("site")))
                        .getFirstSelectedOption()
                        .getText())
                .contains("Buwambo pit 1");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("counter-seller-registered.png"));
    }
}
