package org.goldbuying.station.pricing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.TickSignature;
import org.jboss.logging.Logger;

/**
 * Keeps the latest official price tick, only when the centre's key signed it: a tick with no signature, another
 * key's, or bytes changed since signing is refused (counted, logged as an error, parked with the reason). A tick
 * that breaks its contract is refused with the reason logged and is
 * parked on the dead-letter topic by the failure strategy; the consumer goes on with the next one. An older or
 * repeated tick (replays of the compacted topic) changes nothing.
 */
@ApplicationScoped
public class PriceTickConsumer {
    private static final Logger LOG = Logger.getLogger(PriceTickConsumer.class);

    private final PriceTickRepository ticks;
    private final HeldPrice held;
    private final Clock clock;
    private final Optional<PublicKey> centreKey;
    private final Counter refused;
    private final TickRefusals refusals;

    public PriceTickConsumer(
            PriceTickRepository ticks,
            HeldPrice held,
            Clock clock,
            PriceConfig config,
            MeterRegistry meters,
            TickRefusals refusals) {
        this.refusals = refusals;
        this.ticks = ticks;
        this.held = held;
        this.clock = clock;
        this.centreKey = config.centrePublicKey().filter(k -> !k.isBlank()).map(Ed25519::publicKey);
        this.refused = Counter.builder("station.price.ticks.refused")
                .description("Ticks refused: not signed by the centre's key, or breaking their contract")
                .register(meters);
    }

    /** A tick the station does not take; the message is the dead-letter reason. */
    static final class TickRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TickRefused(String message) {
            super(message);
        }
    }

    @Incoming("price-ticks")
    public Uni<Void> onTick(ConsumerRecord<String, String> record) {
        String json = record.value();
        PriceTick tick;
        try {
            requireCentresSignature(record);
            tick = Contract.PRICE_TICK.read(json);
        } catch (TickRefused | ContractViolation refusal) {
            refused.increment();
            refusals.refused(clock.instant(), refusal.getMessage());
            LOG.errorf("Price tick refused, parked on the dead-letter topic: %s", refusal.getMessage());
            return Uni.createFrom().failure(refusal);
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

    /** The centre's signature over the bytes received, or the tick is refused (whoever else can write to Kafka). */
    private void requireCentresSignature(ConsumerRecord<String, String> record) {
        if (centreKey.isEmpty()) {
            throw new TickRefused(
                    "no centre public key is configured (STATION_CENTRE_PUBLIC_KEY): no tick can be trusted");
        }
        Header header = record.headers().lastHeader(TickSignature.HEADER);
        if (header == null) {
            throw new TickRefused("the tick is not signed (no '" + TickSignature.HEADER + "' header)");
        }
        String signature = new String(header.value(), StandardCharsets.US_ASCII);
        if (record.value() == null || !TickSignature.verify(centreKey.get(), record.value(), signature)) {
            throw new TickRefused("the tick's signature is not the centre's over these bytes (forged or altered)");
        }
    }
}
