package org.goldbuying.station.counter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.goldbuying.station.payment.MobileMoneySimulator;
import org.goldbuying.station.support.Sellers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Paying on the counter page by mobile money and bank transfer, in a real headless Chromium; the test plays the
 * mobile-money operator through the simulator.
 */
@QuarkusTest
class CounterPagePaymentBrowserTest extends CounterPageSession {

    @Inject
    MobileMoneySimulator operator;

    /** Registers a seller, logs the clerk in, weighs and quotes a lot for them and has the supervisor approve it. */
    String approvedLotOf(String sellerJson, String document) {
        Sellers.register(sellerJson);
        logIn("clerk");
        findSeller(document);
        weighAndQuote("4.00", "900");
        approveAs("supervisor");
        return lotShown();
    }

    @Test
    void mobileMoneyShowsPendingUntilTheOperatorAnswersAndAFailedTransferIsRetriedWithoutPayingTwice() {
        String nationalId = Sellers.uniqueNumber("CMM");
        String id = approvedLotOf("""
                {"type":"INDIVIDUAL","name":"Esther Namubiru","nationalId":"%s","mobileMoneyNumber":"+256772000123",
                 "site":{"name":"Lugazi pit 2","latitude":"0.3700",\
                 "longitude":"32.9400"}}""".formatted(nationalId), nationalId);
        long advance =
                given().get("/api/lots/" + id).then().extract().jsonPath().getLong("quote.advanceMinor");

        browser.findElement(By.id("method-mobile")).click();
        assertThat(browser.findElement(By.id("mobile-payee")).getText()).contains("+256772000123");
        assertThat(browser.findElement(By.id("pay-button")).getText()).isEqualTo("Send mobile money");
        browser.findElement(By.id("pay-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-progress")));
        // redrawn each time the page asks the operator again: wait for the operator's reference in it
        assertThat(live.textWhen(
                        By.id("payment-state"),
                        "pending with the operator's reference",
                        t -> t.contains("Mobile money pending") && t.contains("SIM-")))
                .contains("+256772000123");
        assertThat(browser.findElement(By.id("pay-button")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("method-cash")).isEnabled()).isFalse();
        screenshot("counter-mobile-money-pending");

        // the page keeps asking under the same key; the operator says the transfer failed
        operator.fail(id, "Recipient wallet limit reached");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pay-message"), "Recipient wallet limit reached"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("retry-mobile-button")));
        assertThat(browser.findElement(By.id("payment-progress")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("method-cash")).isEnabled()).isTrue();
        assertThat(given().get("/api/lots/" + id).then().extract().<String>path("status"))
                .isEqualTo("QUOTED");
        screenshot("counter-mobile-money-failed");

        browser.findElement(By.id("retry-mobile-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-progress")));
        assertThat(browser.findElement(By.id("pay-message")).isDisplayed()).isFalse();
        assertThat(operator.transfers(id)).isEqualTo(2);
        operator.confirm(id);
        // the card shows first; the message follows once the receipt is loaded into it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("message"), "by mobile money (operator reference SIM-"));
        assertThat(browser.findElement(By.id("receipt-card")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("receipt-code")).getText()).matches("[A-Z0-9]{10}");
        // one failed transfer and one confirmed: the seller got the advance once
        assertThat(operator.transfers(id)).isEqualTo(2);
        assertThat(operator.paidMinor(id)).isEqualTo(advance);
        assertThat(given().get("/api/lots/" + id + "/payment/attempts")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("status", String.class))
                .containsExactly("FAILED", "CONFIRMED");
        screenshot("counter-mobile-money-paid");
    }

    @Test
    void aBankTransferNeedsAValidReferenceAndASellerWithoutAWalletIsRefusedMobileMoney() {
        String nationalId = Sellers.uniqueNumber("CBT");
        String id = approvedLotOf("""
                {"type":"INDIVIDUAL","name":"Moses Kato","nationalId":"%s",
                 "site":{"name":"Busia reef 1","latitude":"0.4600",\
                 "longitude":"34.0900"}}""".formatted(nationalId), nationalId);

        // no registered wallet: the page says so, and the station's refusal is shown next to the button
        browser.findElement(By.id("method-mobile")).click();
        assertThat(browser.findElement(By.id("mobile-payee")).getText()).contains("no registered mobile money number");
        browser.findElement(By.id("pay-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pay-message"), "The seller has no registered mobile money number"));

        browser.findElement(By.id("method-bank")).click();
        assertThat(browser.findElement(By.id("pay-button")).getText()).isEqualTo("Pay by bank transfer");
        browser.findElement(By.id("transfer-reference")).sendKeys("TRF 12");
        browser.findElement(By.id("pay-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pay-message"), "6 to 35 letters"));
        assertThat(given().get("/api/lots/" + id).then().extract().<String>path("status"))
                .isEqualTo("QUOTED");
        screenshot("counter-bank-transfer-refused");

        browser.findElement(By.id("transfer-reference")).clear();
        browser.findElement(By.id("transfer-reference")).sendKeys("STB/2026/00042");
        browser.findElement(By.id("pay-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("message"), "by bank transfer (reference STB/2026/00042)"));
        assertThat(browser.findElement(By.id("receipt-card")).isDisplayed()).isTrue();
        assertThat(given().get("/api/lots/" + id).then().extract().<String>path("paymentReference"))
                .isEqualTo("STB/2026/00042");
        screenshot("counter-bank-transfer-paid");
    }
}
