package org.goldbuying.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser for page tests: Debian's Chromium, headless, driven through Debian's chromedriver, with its profile,
 * config and cache inside the caller's folder (nothing written to the home folder). A test tool's own browser
 * download does not work here, so the system packages are used (CI installs them with apt).
 */
public final class HeadlessChromium {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {}

    /** Whether the browser can run here; page tests say why they cannot, and must run in CI. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** A 1366x768 headless browser (the counter's touch screen size), its files under {@code folder}. */
    public static ChromeDriver start(Path folder) {
        try {
            Path profile = Files.createDirectories(folder.resolve("profile-" + System.nanoTime()))
                    .toAbsolutePath();
            Path config = Files.createDirectories(folder.resolve("xdg-config")).toAbsolutePath();
            Path cache = Files.createDirectories(folder.resolve("xdg-cache")).toAbsolutePath();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--window-size=1366,768",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of(
                            "XDG_CONFIG_HOME",
                            config.toString(),
                            "XDG_CACHE_HOME",
                            cache.toString(),
                            "HOME",
                            folder.toAbsolutePath().toString()))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(Duration.ZERO);
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves a screenshot of the page as PNG and returns where. */
    public static Path screenshot(ChromeDriver driver, Path file) {
        try {
            Files.createDirectories(file.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
