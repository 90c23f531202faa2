package org.goldbuying.scale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * For tests that wait on another thread (a line's reader, a simulator, a reconnect): polls a condition, failing with
 * what was awaited when it does not hold within 5 s. Wait for the very thing the test checks next, not an earlier sign.
 */
public final class Eventually {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private Eventually() {}

    public static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime())
                    .as(what + " within " + LIMIT.toSeconds() + " s")
                    .isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
