package org.goldbuying.centre.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.LivePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public display page in a real headless Chromium: the price shown, the language switch, and the live switch to
 * SUSPENDED when a suspended tick is published. Screenshots go to target/screenshots/. Without Chromium the test is
 * skipped with the reason, except in CI (env CI set), where it must run and fails. Each tick pushed to the page
 * (one published by the centre's own schedule too) redraws the price table: cells are found and read in one step.
 */
@QuarkusTest
class DisplayPageBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    SimulatedGoldFeed feed;

    @TestHTTPResource("/display/")
    URL page;

    ChromeDriver browser;
    WebDriverWait wait;
    LivePage live;

    @BeforeEach
    void openBrowser() {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        DisplayResourceTest.publish(feed, "2650.00");
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        // a station's wall screen
        browser.manage().window().setSize(new Dimension(1920, 1080));
        wait = LivePage.waitOn(browser, Duration.ofSeconds(20));
        live = new LivePage(wait);
    }

    @AfterEach
    void closeBrowser() {
        feed.release();
        if (browser != null) {
            browser.quit();
        }
    }

    String text(String css) {
        return live.read(d ->
                d.findElement(By.cssSelector(css)).getDomProperty("textContent").trim());
    }

    String finePrice() {
        return text("tr[data-purity='fine'] td.amount");
    }

    String lang() {
        return browser.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    @Test
    void showsTodaysPriceSwitchesLanguageAndSaysSuspendedWhenThePriceIs() {
        browser.get(page + "?lang=en");
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-purity='fine'] td.amount"))
                .isEmpty());
        // 1 g of fine gold at 2650.00 USD/ozt x 3700 UGX/USD, less 5 % and 4 %: the station's own figure
        assertThat(finePrice()).isEqualTo("286,866 UGX");
        assertThat(text("tr[data-purity='916'] td.amount")).isEqualTo("262,770 UGX");
        assertThat(text("tr[data-purity='916'] th")).isEqualTo("916 per mille (22k)");
        assertThat(text("tr[data-purity='750'] th")).isEqualTo("750 per mille (18k)");
        assertThat(text("#head")).contains("per castellano (4.6 g)").contains("per tomin (0.575 g)");
        assertThat(browser.findElement(By.id("simulated")).isDisplayed()).isTrue();
        assertThat(text("#simulated")).contains("SIMULATED");
        assertThat(text("#updated")).isNotEqualTo("-");
        assertThat(lang()).isEqualTo("en");
        assertThat(browser.findElement(By.id("live")).getDomAttribute("aria-live"))
                .isEqualTo("polite");
        assertThat(browser.findElements(By.cssSelector("header, main, footer, nav")))
                .hasSize(4);
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("display-active-en.png"));

        browser.findElement(By.cssSelector("button[data-lang='sw']")).click();
        wait.until(d -> "sw".equals(lang()));
        assertThat(text("#title")).isEqualTo("Bei ya kununua dhahabu leo");
        assertThat(text("tr[data-purity='fine'] th")).isEqualTo("Dhahabu safi");
        assertThat(finePrice()).isEqualTo("286,866 UGX");
        assertThat(browser.getCurrentUrl()).endsWith("?lang=sw");
        assertThat(browser.findElement(By.cssSelector("button[data-lang='sw']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("display-active-sw.png"));

        browser.findElement(By.cssSelector("button[data-lang='fr']")).click();
        wait.until(d -> "fr".equals(lang()));
        assertThat(text("#title")).isEqualTo("Prix d'achat de l'or aujourd'hui");
        assertThat(finePrice().replaceAll("\\D", "")).isEqualTo("286866");

        // the feed jumps 20 %: the centre publishes SUSPENDED, pushed to the open page
        browser.findElement(By.cssSelector("button[data-lang='en']")).click();
        DisplayResourceTest.publish(feed, "3180.00");
        WebElement notice = browser.findElement(By.id("notice"));
        wait.until(d -> notice.isDisplayed());
        assertThat(text("#notice-title")).isEqualTo("Price suspended");
        assertThat(browser.findElement(By.id("notice-title")).getText()).isEqualTo("PRICE SUSPENDED");
        assertThat(text("#notice-body")).contains("Do not use an earlier price");
        assertThat(text("#notice-reason")).contains("moved 20.00%");
        assertThat(browser.findElement(By.id("prices")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("286,866");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("display-suspended-en.png"));

        // and in Swahili
        browser.findElement(By.cssSelector("button[data-lang='sw']")).click();
        wait.until(d -> "sw".equals(lang()));
        assertThat(text("#notice-title")).isEqualTo("Bei imesimamishwa");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("display-suspended-sw.png"));

        // a sane price again: the page shows it without a reload
        DisplayResourceTest.publish(feed, "2650.00");
        wait.until(d -> d.findElement(By.id("prices")).isDisplayed());
        assertThat(finePrice()).isEqualTo("286,866 UGX");

        // a screen configured for Spanish opens in Spanish
        browser.get(page + "?lang=es");
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-purity='fine'] td.amount"))
                .isEmpty());
        assertThat(lang()).isEqualTo("es");
        assertThat(text("#title")).isEqualTo("Precio de compra del oro hoy");
        assertThat(finePrice()).isEqualTo("286.866 UGX");
        HeadlessChromium.screenshot(browser, SCREENSHOTS.resolve("display-active-es.png"));
    }
}
