package org.goldbuying.station.pricing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The official tick this station holds, kept in memory once read or received. Every quote needs it, and on the
 * assay-to-price path a database read costs far more than the quote itself. PostgreSQL stays the record: the first
 * use after a start reads it back, and {@link PriceTickConsumer} hands over each newer tick after its transaction
 * committed. One station runs one process, so no other writer can get ahead of this copy.
 */
@ApplicationScoped
public class HeldPrice {
    private final PriceTickRepository ticks;
    /** Null until read from the database or received; empty when the station has never had a tick. */
    private volatile Optional<StoredPriceTick> held;

    public HeldPrice(PriceTickRepository ticks) {
        this.ticks = ticks;
    }

    /** The tick with the highest sequence, or empty; reads the database (in the caller's session) only once. */
    public Uni<Optional<StoredPriceTick>> latest() {
        Optional<StoredPriceTick> known = held;
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return Panache.withSession(ticks::latest).map(stored -> {
            if (stored != null) {
                stored.toHeldTick(); // fail here, not in a quote, if the stored row cannot be read as a tick
                offer(stored);
            } else {
                emptyIfUnknown();
            }
            return held;
        });
    }

    /** The held tick as quotes use it. */
    public Uni<Optional<HeldTick>> forQuote() {
        return latest().map(stored -> stored.map(StoredPriceTick::toHeldTick));
    }

    /** A tick now committed to the database: held from now on unless a newer one already is. */
    synchronized void offer(StoredPriceTick tick) {
        if (held == null || held.isEmpty() || held.get().sequence < tick.sequence) {
            held = Optional.of(tick);
        }
    }

    private synchronized void emptyIfUnknown() {
        if (held == null) {
            held = Optional.empty();
        }
    }
}
