package org.goldbuying.station.counter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The counter page's shift close, voids, mine sites and supervisor tools, in a real headless Chromium: what a clerk
 * may do, what only a supervisor sees, and the station's refusals shown next to the action.
 */
@QuarkusTest
class CounterPageSupervisorBrowserTest extends CounterPageSession {

    String registered(String prefix, String name) {
        String nationalId = Sellers.uniqueNumber(prefix);
        Sellers.register("""
                {"type":"INDIVIDUAL","name":"%s","nationalId":"%s",
                 "site":{"name":"Kasanda pit 7","latitude":"0.4447",\
                 "longitude":"31.8167"}}""".formatted(name, nationalId));
        return nationalId;
    }

    void logOut() {
        browser.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    }

    @Test
    void aCountedShiftShowsItsDifferencesAndIsSignedOffByAnotherSupervisorOnly() {
        // a supervisor working the counter counts their own shift: another supervisor must sign it off
        String counted = Shifts.newUser("SUPERVISOR");
        Shifts.open(counted, 50_000_000);
        logIn(counted);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("close-shift-button")))
                .click();
        browser.findElement(By.id("count-cash")).sendKeys("49990000");
        browser.findElement(By.id("count-gold")).sendKeys("a few");
        browser.findElement(By.id("count-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-message"), "gold counted in grams"));
        assertThat(Counter.as(counted)
                        .get("/api/shifts/current")
                        .then()
                        .extract()
                        .<String>path("status"))
                .isEqualTo("OPEN");

        browser.findElement(By.id("count-gold")).clear();
        browser.findElement(By.id("count-gold")).sendKeys("0");
        browser.findElement(By.id("count-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("count-result")));
        assertThat(browser.findElement(By.id("count-rows")).getText())
                .contains("Cash 50,000,000 UGX 49,990,000 UGX -10,000 UGX")
                .contains("Gold 0");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-status"), "counted"));

        browser.findElement(By.id("sign-off-button")).click();
        signInDialogAs(counted);
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("shift-message"), "This is your own shift"));
        assertThat(browser.findElement(By.id("sign-off-button")).isDisplayed()).isTrue();
        screenshot("counter-shift-self-sign-off-refused");

        browser.findElement(By.id("sign-off-button")).click();
        signInDialogAs("supervisor");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("shift-message"), "signed off by supervisor"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-status"), "No open shift"));
        assertThat(browser.findElement(By.id("sign-off-button")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("count-rows")).getText()).contains("-10,000 UGX");
        screenshot("counter-shift-signed-off");
    }

    @Test
    void aSupervisorWhoEnteredNothingOnTheLotVoidsItWithAReason() {
        String nationalId = registered("CV", "Ruth Nalwoga");
        logIn("clerk");
        findSeller(nationalId);
        weighAndQuote("2.00", "900");
        String clerksLot = lotShown();
        assertThat(browser.findElement(By.id("supervisor-tools")).isDisplayed()).isFalse();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("void-button")))
                .click();
        browser.findElement(By.id("void-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("void-message"), "at least 5 characters"));
        browser.findElement(By.id("void-reason")).sendKeys("Seller took the gold back before payment");
        // the clerk signing the dialog themself is refused: a void needs a supervisor
        browser.findElement(By.id("void-submit")).click();
        signInDialogAs("clerk");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("void-message"), "not allowed"));
        assertThat(given().get("/api/lots/" + clerksLot).then().extract().<String>path("status"))
                .isEqualTo("QUOTED");
        browser.findElement(By.id("void-submit")).click();
        signInDialogAs("supervisor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lot-voided")));
        assertThat(browser.findElement(By.id("lot-voided")).getText())
                .contains("Lot voided by supervisor")
                .contains("Seller took the gold back before payment");
        assertThat(browser.findElement(By.id("quote")).isDisplayed()).isFalse();
        assertThat(given().get("/api/lots/" + clerksLot).then().extract().<String>path("voided.reason"))
                .isEqualTo("Seller took the gold back before payment");
        screenshot("counter-lot-voided");
        logOut();

        // a supervisor who weighed the lot does not void it alone: another supervisor signs
        logIn("supervisor");
        findSeller(nationalId);
        emptyPan();
        weighAndQuote("2.50", "900");
        String id = lotShown();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("void-button")))
                .click();
        browser.findElement(By.id("void-reason")).sendKeys("Wrong seller selected");
        browser.findElement(By.id("void-submit")).click();
        signInDialogAs("supervisor");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("void-message"), "another supervisor must void it"));
        assertThat(given().get("/api/lots/" + id).then().extract().<String>path("status"))
                .isEqualTo("QUOTED");
        browser.findElement(By.id("void-submit")).click();
        signInDialogAs("supervisor2");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lot-voided")));
        assertThat(browser.findElement(By.id("lot-voided")).getText()).contains("Lot voided by supervisor2");
    }

    @Test
    void aClerkDeclaresAnotherMineSiteForAKnownSeller() {
        String nationalId = registered("CS", "Daniel Ssempa");
        logIn("clerk");
        findSeller(nationalId);
        browser.findElement(By.cssSelector("#new-site summary")).click();
        browser.findElement(By.id("site-name")).sendKeys("Kitumbi alluvial 3");
        browser.findElement(By.id("site-lat")).sendKeys("95");
        browser.findElement(By.id("site-lon")).sendKeys("31.3700");
        browser.findElement(By.id("site-area")).sendKeys("LA-4410");
        browser.findElement(By.id("site-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("site-message"), "latitude"));
        screenshot("counter-site-refused");

        browser.findElement(By.id("site-lat")).clear();
        browser.findElement(By.id("site-lat")).sendKeys("0.5800");
        browser.findElement(By.id("site-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Declared mine site Kitumbi"));
        Select sites = new Select(browser.findElement(By.id("site")));
        assertThat(sites.getOptions()).hasSize(2);
        assertThat(sites.getFirstSelectedOption().getText())
                .contains("Kitumbi alluvial 3")
                .contains("LA-4410");
        List<String> names = given().get("/api/sellers?nationalId=" + nationalId)
                .then()
                .extract()
                .jsonPath()
                .getList("sites.name", String.class);
        assertThat(names).containsExactlyInAnyOrder("Kasanda pit 7", "Kitumbi alluvial 3");
        screenshot("counter-site-declared");
    }

    @Test
    void aSupervisorBlocksAndUnblocksASellerWithAReason() {
        String nationalId = registered("CK", "Patrick Were");
        logIn("supervisor");
        findSeller(nationalId);
        browser.findElement(By.cssSelector("#seller-standing summary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("block-button")))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("standing-message"), "Give the reason"));

        browser.findElement(By.id("standing-reason")).sendKeys("Registration rented to a middleman");
        browser.findElement(By.id("block-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("unblock-button")));
        assertThat(browser.findElement(By.id("seller-details")).getText())
                .contains("BLOCKED (Registration rented to a middleman)");
        assertThat(browser.findElement(By.id("standing-message")).getText()).contains("is blocked");
        assertThat(browser.findElement(By.id("block-button")).isDisplayed()).isFalse();
        screenshot("counter-seller-blocked");

        browser.findElement(By.id("standing-reason")).sendKeys("Identity checked with the district office");
        browser.findElement(By.id("unblock-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("block-button")));
        assertThat(browser.findElement(By.id("seller-details")).getText()).contains("ACTIVE");
        String id = given().get("/api/sellers?nationalId=" + nationalId)
                .then()
                .extract()
                .path("id");
        assertThat(given().get("/api/sellers/" + id + "/standing")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("reason", String.class))
                .containsExactly("Registration rented to a middleman", "Identity checked with the district office");
        screenshot("counter-seller-unblocked");
    }

    @Test
    void aSupervisorReadsTheAmlReportAsATable() {
        Sellers.Registered trader = Sellers.licensed("LICENSED_TRADER", "2030-01-01");
        String first = Lots.quoted("clerk", trader, "150.00");
        Counter.as("supervisor").post("/api/lots/" + first + "/approval").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + first + "/payment")
                .then()
                .statusCode(200);
        String linked = Lots.quoted("clerk", trader, "50.00");

        logIn("supervisor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("supervisor-tools")));
        browser.findElement(By.id("aml-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aml-table")));
        String row = browser.findElement(By.xpath("//tbody[@id='aml-rows']/tr[td[@title='" + linked + "']]"))
                .getText();
        assertThat(row)
                .contains("Mubende Miners Cooperative")
                .contains(linked.substring(0, 8) + " (quoted)")
                .contains("50,000,000 UGX")
                .contains("7 days")
                .matches("(?s).*\\d{2},\\d{3},\\d{3} UGX.*");
        assertThat(browser.findElement(By.id("aml-message")).getText()).contains("recorded for reporting");
        screenshot("counter-aml-report");
    }

    /**
     * A purchase found days later to be counterfeit: a supervisor finds it by its receipt's number and proposes the
     * reversal on the page; the proposer cannot approve it; another supervisor does, in the dialog.
     */
    @Test
    void aPaidPurchaseIsReversedOnThePageByTwoSupervisors() {
        Shifts.openFor("clerk");
        PriceTicks.publishActive("2650.00");
        String id = Lots.quotedAndApproved("clerk", "7.00").getString("id");
        long number = Counter.as("clerk")
                .contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("stationSequence");
        String proposer = Shifts.newUser("SUPERVISOR");
        String approver = Shifts.newUser("SUPERVISOR");

        logIn(proposer);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reversal-card")));
        browser.findElement(By.id("reversal-purchase")).sendKeys("999999");
        browser.findElement(By.id("reversal-find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reversal-message"), "No purchase no. 999999"));
        browser.findElement(By.id("reversal-purchase")).clear();
        browser.findElement(By.id("reversal-purchase")).sendKeys(Long.toString(number));
        browser.findElement(By.id("reversal-find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reversal-summary"), "Purchase no. " + number + ": 7.00 g"));
        assertThat(browser.findElement(By.id("reversal-status")).getText()).isEqualTo("Not reversed.");

        new Select(browser.findElement(By.id("reversal-kind"))).selectByValue("COUNTERFEIT");
        browser.findElement(By.id("reversal-note")).sendKeys("Gold-plated tungsten, found when the parcel was cut");
        browser.findElement(By.id("reversal-propose")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reversal-status"), "Reversal proposed by " + proposer));
        screenshot("counter-reversal-proposed");

        browser.findElement(By.id("reversal-approve")).click();
        signInDialogAs(proposer);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reversal-message"), "You proposed this reversal"));

        browser.findElement(By.id("reversal-approve")).click();
        signInDialogAs(approver);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("reversal-status"), "Reversed: proposed by " + proposer + ", approved by " + approver));
        assertThat(browser.findElement(By.id("reversal-approve")).isDisplayed()).isFalse();
        assertThat(Counter.as("clerk")
                        .get("/api/lots/" + id + "/reversal")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("status"))
                .isEqualTo("APPROVED");
        screenshot("counter-reversal-approved");
    }
}
