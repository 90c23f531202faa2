package org.goldbuying.station.pricing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.PriceTick;
import org.jboss.logging.Logger;

/**
 * Keeps the latest official price tick. A tick that breaks its contract is refused with the reason logged and is
 * parked on the dead-letter topic by the failure strategy; the consumer goes on with the next one. An older or
 * repeated tick (replays of the compacted topic) changes nothing.
 */
@ApplicationScoped
public class PriceTickConsumer {
    private static final Logger LOG = Logger.getLogger(PriceTickConsumer.class);

    private final PriceTickRepository ticks;
    private final HeldPrice held;
    private final Clock clock;

    public PriceTickConsumer(PriceTickRepository ticks, HeldPrice held, Clock clock) {
        this.ticks = ticks;
        this.held = held;
        this.clock = clock;
    }

    @Incoming("price-ticks")
    public Uni<Void> onTick(String json) {
        PriceTick tick;
        try {
            tick = Contract.PRICE_TICK.read(json);
        } catch (ContractViolation violation) {
            LOG.warnf("Price tick refused, parked on the dead-letter topic: %s", violation.getMessage());
            return Uni.createFrom().failure(violation);
        }
        return Panache.withTransaction(() -> ticks.findById(tick.sequence()).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().<StoredPriceTick>nullItem();
                    }
                    LOG.infof("Price tick %d received: %s", tick.sequence(), tick.status());
                    return ticks.persist(StoredPriceTick.from(tick, json, clock.instant()));
                }))
                // only once committed: a quote must never pin a tick the database does not have
                .invoke(stored -> {
                    if (stored != null) {
                        held.offer(stored);
                    }
                })
                .replaceWithVoid();
    }
}
