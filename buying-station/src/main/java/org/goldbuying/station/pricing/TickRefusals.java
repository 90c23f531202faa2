package org.goldbuying.station.pricing;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Price ticks this station refused since it started (not signed by the centre's key, or breaking their contract), for
 * the counter page's alert: someone is writing prices to the station's topic, or the centre's key changed without the
 * station's configuration, and people at the counter must say so. The metric counts them for operations.
 */
@ApplicationScoped
public class TickRefusals {
    /** The latest refusal: when, and why. */
    public record Refusal(Instant at, String reason) {}

    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Refusal> last = new AtomicReference<>();

    void refused(Instant at, String reason) {
        count.incrementAndGet();
        last.set(new Refusal(at, reason));
    }

    public long count() {
        return count.get();
    }

    public Optional<Refusal> last() {
        return Optional.ofNullable(last.get());
    }
}
