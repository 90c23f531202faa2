package org.goldbuying.local;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.goldbuying.infra.FreePort;
import org.goldbuying.infra.HeadlessChromium;
import org.goldbuying.infra.LivePage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's first command as a person types it: {@code ./local-network.sh} in a terminal of its own, the banner
 * with every URL the README promises, a lot weighed and assayed from the console's simulated devices and bought on the
 * counter page in Chromium, seen on the treasury dashboard and in the reserve, Ctrl-C leaving no process behind, and
 * a second start that keeps the data. Its data folder is {@code target/launcher-run} (through
 * {@code LOCAL_NETWORK_RUN_DIR}), never a developer's {@code run/}; its ports are the README's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalNetworkCommandTest {
    static final Path ROOT =
            Path.of(System.getProperty("gold.root", "../..")).toAbsolutePath().normalize();
    static final Path RUN = Path.of("target", "launcher-run").toAbsolutePath();
    static final Duration BUILD_AND_START = Duration.ofMinutes(8);
    static final String CENTRE = "http://localhost:8080";
    static final String STATION = "http://localhost:8081";

    /** Carried from the first start to the second. */
    static String paidLotId;

    static String paidFineGrams;

    TypedCommand network;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void freshRunFolderAndFreePorts() throws IOException {
        assumeTrue(
                System.getenv("CI") != null || HeadlessChromium.available(),
                "Chromium is not installed: apt-get install -y chromium chromium-driver");
        for (int port : new int[] {8080, 8081, 9080, 9081, 18180, 19092, 15432, 15433}) {
            assertThat(FreePort.isFree(port))
                    .as("port %d is in use: stop the local network before the tests", port)
                    .isTrue();
        }
        deleteRecursively(RUN);
    }

    @AfterEach
    void stopWhatIsLeft() {
        if (browser != null) {
            browser.quit();
        }
        if (network != null) {
            network.close();
        }
        stopWhatNamesTheRunFolder();
    }

    @AfterAll
    static void nothingOfOursRuns() {
        stopWhatNamesTheRunFolder();
    }

    /** After a failure: servers that detached (PostgreSQL) would hold the ports the next start needs. */
    static void stopWhatNamesTheRunFolder() {
        Set<ProcessHandle> left = TypedCommand.processesNaming(RUN);
        left.forEach(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> left.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    @Order(1)
    void theFirstStartPrintsEveryUrlAndALotIsBoughtFromTheConsolesDevices() {
        network = start();
        int mark = network.mark();
        browser = HeadlessChromium.start(Path.of("target", "chromium"));
        wait = LivePage.waitOn(browser, Duration.ofSeconds(30));
        awaitQuotablePrice();

        logInAtTheCounter();
        openShiftOnThePage();
        registerSellerOnThePage();

        network.type("place 12.34");
        network.awaitPrinted("ok", mark, Duration.ofSeconds(10));
        wait.until(ExpectedConditions.textToBe(By.id("live-weight"), "12.34 g"));
        wait.until(ExpectedConditions.textToBe(By.id("stability"), "Stable"));
        wait.until(
                ExpectedConditions.textMatches(By.id("xrf-status"), java.util.regex.Pattern.compile("connected on")));
        browser.findElement(By.id("xrf-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("assay-note"), "Take the XRF shots"));
        for (int shot = 1; shot <= 3; shot++) {
            int before = network.mark();
            network.type("shoot 91.6 4.1 4.3");
            network.awaitPrinted("ok", before, Duration.ofSeconds(10));
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("net-payable")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("quote-terms"), "Fineness (xrf) 916.0"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("pay-button"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-card")));
        paidLotId = (String) browser.executeScript("return state.lot && state.lot.id");
        assertThat(paidLotId).isNotBlank();
        HeadlessChromium.screenshot(browser, Path.of("target", "screenshots", "launcher-counter-paid.png"));

        JsonPath lot = clerk().get("/api/lots/" + paidLotId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(lot.getString("status")).isEqualTo("PAID");
        assertThat(new BigDecimal(lot.getString("weighing.grossGrams"))).isEqualByComparingTo("12.34");
        paidFineGrams = lot.getString("quote.fineGrams");
        assertThat(new BigDecimal(paidFineGrams)).isEqualByComparingTo("11.3034");

        // the purchase reaches the centre: the reserve and the treasury dashboard show it
        await().atMost(Duration.ofSeconds(60)).until(() -> reserve().getLong("purchases") == 1);
        assertThat(new BigDecimal(reserve().getString("byCurrency[0].fineGrams")))
                .isEqualByComparingTo(paidFineGrams);
        assertThat(reserve().getLong("byCurrency[0].costMinor")).isEqualTo(lot.getLong("quote.netPayableMinor"));
        browser.get(CENTRE + "/dashboard/");
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-demo");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("by-station"), LocalNetwork.STATION_ID + " 1 0 " + paidFineGrams + " g"));
        HeadlessChromium.screenshot(browser, Path.of("target", "screenshots", "launcher-dashboard.png"));

        stopWithCtrlC();
    }

    @Test
    @Order(2)
    void aSecondStartOnTheSameRunFolderKeepsTheData() {
        assumeTrue(paidLotId != null, "the first start bought no lot");
        network = start();
        assertThat(reserve().getLong("purchases")).isEqualTo(1);
        assertThat(new BigDecimal(reserve().getString("byCurrency[0].fineGrams")))
                .isEqualByComparingTo(paidFineGrams);
        clerk().get("/api/lots/" + paidLotId)
                .then()
                .statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PAID"));
        stopWithCtrlC();
    }

    /** Types the README's command; waits for the banner and checks it lists every URL the README's table does. */
    private TypedCommand start() {
        TypedCommand command = TypedCommand.start(
                "./local-network.sh",
                ROOT,
                Map.of("LOCAL_NETWORK_RUN_DIR", RUN.toString()),
                Path.of("target", "launcher-console.log"));
        command.awaitPrinted("Ctrl-C stops everything.", 0, BUILD_AND_START);
        String banner = command.screen().substring(command.screen().indexOf("The local network is up."));
        assertThat(banner).contains(urlsInTheReadme());
        return command;
    }

    /** Ctrl-C in the terminal: everything stops and no process the command started is left. */
    private void stopWithCtrlC() {
        Set<ProcessHandle> started = new HashSet<>(network.processes());
        started.addAll(TypedCommand.processesNaming(RUN));
        assertThat(started)
                .as("the services, databases and pseudo-terminals run")
                .hasSizeGreaterThan(4);
        int mark = network.mark();
        network.pressCtrlC();
        network.awaitPrinted("Stopped.", mark, Duration.ofSeconds(90));
        network.awaitExit(Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(TypedCommand.processesNaming(RUN))
                .as("processes still naming %s", RUN)
                .isEmpty();
        network = null;
    }

    /** Every URL in the URL column of the README's table under "Start the local network". */
    static List<String> urlsInTheReadme() {
        try {
            List<String> urls = new ArrayList<>();
            boolean inTable = false;
            for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
                if (line.startsWith("| what | URL |")) {
                    inTable = true;
                } else if (inTable && !line.startsWith("|")) {
                    break;
                } else if (inTable && !line.startsWith("|---")) {
                    String[] cells = line.split("\\|");
                    String origin = null;
                    for (String url : cells[cells.length - 1].trim().split(",\\s*")) {
                        if (url.startsWith("http")) {
                            origin = url.substring(0, url.indexOf('/', "http://".length()));
                            urls.add(url);
                        } else if (url.startsWith("/")) {
                            urls.add(origin + url);
                        } else {
                            urls.add(url);
                        }
                    }
                }
            }
            assertThat(urls).as("URLs in the README's table").hasSizeGreaterThan(15);
            return urls;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void awaitQuotablePrice() {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> Boolean.TRUE.equals(clerk().get("/api/price").path("quotable")));
    }

    private void logInAtTheCounter() {
        browser.get(STATION + "/counter/");
        browser.findElement(By.id("username")).sendKeys("clerk");
        browser.findElement(By.id("password")).sendKeys("clerk-demo");
        browser.findElement(By.id("login-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counter")));
    }

    /** A fresh station: the clerk counts a float into the drawer on the page. */
    private void openShiftOnThePage() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("shift-form")));
        browser.findElement(By.id("shift-float")).sendKeys("50000000");
        browser.findElement(By.id("open-shift")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("shift-status"), "50,000,000 UGX"));
    }

    private void registerSellerOnThePage() {
        browser.findElement(By.cssSelector("#new-seller summary")).click();
        browser.findElement(By.id("reg-name")).sendKeys("Amina Nakato");
        browser.findElement(By.id("reg-national-id")).sendKeys("CM" + System.nanoTime() % 1_000_000_000L);
        browser.findElement(By.id("reg-site")).sendKeys("Kasanda pit 4");
        browser.findElement(By.id("reg-lat")).sendKeys("0.4447");
        browser.findElement(By.id("reg-lon")).sendKeys("31.8167");
        browser.findElement(By.id("register-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "Registered Amina Nakato"));
    }

    private static io.restassured.specification.RequestSpecification clerk() {
        return given().baseUri(STATION).auth().preemptive().basic("clerk", "clerk-demo");
    }

    private static JsonPath reserve() {
        return given().baseUri(CENTRE)
                .auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
