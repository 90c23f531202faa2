package org.goldbuying.centre.receipt;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a receipt's QR code opens, in a real headless Chromium: a genuine receipt and a forged code. */
@QuarkusTest
class ReceiptPageBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TestHTTPResource("/verify")
    URL page;

    ChromeDriver browser;
    WebDriverWait wait;
    UUID purchaseId;

    @BeforeEach
    void ingestAndOpenBrowser() {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        purchaseId = UUID.randomUUID();
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, "QR-01", Purchases.newPurchase(purchaseId, "QR-01"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/receipts/" + purchaseId + "?code=" + ReceiptResourceTest.CODE)
                                .statusCode()
                        == 200);
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    String result() {
        return browser.findElement(By.id("result")).getDomAttribute("data-result");
    }

    @Test
    void theQrCodeOpensAVerifiedReceiptAndAForgedCodeIsCaught() {
        browser.get(page + "?lot=" + purchaseId + "&code=" + ReceiptResourceTest.CODE);
        wait.until(d -> result() != null);
        assertThat(result()).isEqualTo("VERIFIED");
        assertThat(browser.findElement(By.id("result-title")).getText()).isEqualTo("Genuine receipt");
        assertThat(browser.findElement(By.id("detail-net")).getText()).isEqualTo("3,239,041 UGX");
        assertThat(browser.findElement(By.id("detail-fineGrams")).getText()).isEqualTo("11.2911 g");
        assertThat(browser.findElement(By.id("detail-station")).getText()).startsWith("QR-01");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("receipt-verified-en.png"));

        browser.get(page + "?lang=sw&lot=" + purchaseId + "&code=K7Q2M9XA4S");
        wait.until(d -> "CODE_MISMATCH".equals(result()));
        assertThat(browser.findElement(By.id("result-title")).getText())
                .isEqualTo("Msimbo haulingani: risiti hii si halali");
        assertThat(browser.findElements(By.cssSelector("#details dd"))).isEmpty();
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("receipt-mismatch-sw.png"));
    }

    String signature() {
        return browser.findElement(By.id("signature")).getDomAttribute("data-signature");
    }

    String chain() {
        return browser.findElement(By.id("chain")).getDomAttribute("data-chain");
    }

    /**
     * A signed receipt's QR carries the purchase itself: the page checks the station's signature on the phone with
     * the published key (and again with the network cut, from the keys it kept), and asks the reserve whether this
     * very purchase holds its place in the station's chain. A receipt with a changed figure does not verify.
     */
    @Test
    void aSignedReceiptIsCheckedOnThePhoneEvenOffline() {
        SigningStation station = new SigningStation("QRS-" + System.nanoTime() % 100000);
        station.register();
        PriceTick tick = Pricing.published(Pricing.publishNow());
        SignedPurchases.Signed signed = station.next(tick, "12.34", "915.0");
        PurchaseEvent event = SignedPurchases.read(signed.json()).event();
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station.id(), signed.json());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/receipts/" + event.purchaseId() + "/chain")
                                .statusCode()
                        == 200);
        String link = page + "?lot=" + event.purchaseId() + "&code=" + event.verificationCode();

        browser.get(link + SignedPurchases.receiptFragment(signed.json()));
        wait.until(d -> chain() != null);
        assertThat(result()).isEqualTo("VERIFIED");
        assertThat(signature()).isEqualTo("VALID");
        assertThat(chain()).isEqualTo("IN_RESERVE");
        assertThat(browser.findElement(By.id("signature-detail")).getText())
                .contains(station.id() + " #1", "12.34 g", event.fineGrams().toPlainString() + " g fine");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("receipt-signed-en.png"));

        // the same receipt with a heavier weight: the station never signed that
        String heavier = signed.json().replace("\"grossGrams\":\"12.34\"", "\"grossGrams\":\"112.34\"");
        browser.get(link + SignedPurchases.receiptFragment(heavier));
        wait.until(d -> "INVALID".equals(signature()));
        assertThat(browser.findElement(By.id("signature-title")).getText()).contains("does not match");

        // a damaged fragment is unreadable, not a forgery; another purchase's signed copy behind this link is a
        // mismatch
        browser.get(link + "#p=AAAA");
        wait.until(d -> "UNREADABLE".equals(signature()));
        SignedPurchases.Signed another = station.next(tick, "5.00", "900.0");
        browser.get(link + SignedPurchases.receiptFragment(another.json()));
        wait.until(d -> "MISMATCH".equals(signature()));

        // no network at all: the keys the phone kept still check the signature
        browser.get(link);
        wait.until(d -> result() != null);
        browser.setNetworkConditions(offline());
        try {
            browser.executeScript("location.hash = arguments[0]", SignedPurchases.receiptFragment(signed.json()));
            wait.until(d -> "OFFLINE".equals(chain()));
            assertThat(signature()).isEqualTo("VALID");
        } finally {
            browser.deleteNetworkConditions();
        }
    }

    private static ChromiumNetworkConditions offline() {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }
}
