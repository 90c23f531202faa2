package org.goldbuying.infra;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reading and clicking on a page that redraws parts of itself (server-sent events, timers): each attempt finds the
 * element again and reads or clicks it at once, and an attempt that meets an element the page replaced in between
 * (StaleElementReferenceException) is simply made again. A test never keeps an element found earlier to read later.
 */
public final class LivePage {
    private final WebDriverWait wait;

    /** Reads and clicks through {@code wait}, which should come from {@link #waitOn}. */
    public LivePage(WebDriverWait wait) {
        this.wait = wait;
    }

    /**
     * A wait whose conditions may meet redrawn elements: a stale element is looked up again on the next attempt
     * (an element not there yet is waited for, as with any WebDriverWait).
     */
    public static WebDriverWait waitOn(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * What {@code reading} finds and reads in one attempt, made again if the page redrew the element in between.
     * Unlike a wait's condition, any value ends it at once, false and null included.
     */
    public <T> T read(Function<WebDriver, T> reading) {
        return wait.until(d -> Optional.ofNullable(reading.apply(d))).orElse(null);
    }

    /** The element's visible text, found and read in one attempt. */
    public String text(By by) {
        return read(d -> d.findElement(by).getText());
    }

    /** An attribute of the element as the page's markup has it, found and read in one attempt. */
    public String attribute(By by, String name) {
        return read(d -> d.findElement(by).getDomAttribute(name));
    }

    public boolean enabled(By by) {
        return read(d -> d.findElement(by).isEnabled());
    }

    public boolean displayed(By by) {
        return read(d -> d.findElement(by).isDisplayed());
    }

    /**
     * Waits until the element's visible text satisfies {@code condition} (what {@code expected} describes, for the
     * timeout's message) and returns that text.
     */
    public String textWhen(By by, String expected, Predicate<String> condition) {
        return wait.until(new ExpectedCondition<String>() {
            @Override
            public String apply(WebDriver d) {
                String text = d.findElement(by).getText();
                return condition.test(text) ? text : null;
            }

            @Override
            public String toString() {
                return "text of " + by + " to be " + expected;
            }
        });
    }

    /**
     * Replaces what the field holds with {@code text}, found, cleared and typed in one attempt, made again if the page
     * redrew the field meanwhile, until the field holds exactly the text.
     */
    public void type(By by, String text) {
        wait.until(new ExpectedCondition<Boolean>() {
            @Override
            public Boolean apply(WebDriver d) {
                WebElement field = d.findElement(by);
                field.clear();
                field.sendKeys(text);
                return text.equals(d.findElement(by).getDomProperty("value"));
            }

            @Override
            public String toString() {
                return by + " to hold the text typed";
            }
        });
    }

    /** Waits until the element is displayed and enabled, then clicks it; a redraw before the click is retried. */
    public void click(By by) {
        wait.until(new ExpectedCondition<Boolean>() {
            @Override
            public Boolean apply(WebDriver d) {
                WebElement element = d.findElement(by);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            }

            @Override
            public String toString() {
                return by + " to be clickable";
            }
        });
    }
}
