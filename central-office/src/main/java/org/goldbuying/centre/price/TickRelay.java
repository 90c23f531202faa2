package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.goldbuying.centre.policy.PolicyConfig;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.web.OrderedRelay;
import org.jboss.logging.Logger;

/**
 * Sends the stored ticks to the stations, in sequence order, each re-sent until Kafka acknowledges it
 * ({@link OrderedRelay}). A tick is stored in its publication round's transaction, so a suspension or an approved
 * manual price decided while Kafka is down reaches the stations when it is back, in the order it was decided; the
 * stations keep the newest sequence, so a tick sent twice after a crash changes nothing.
 */
@ApplicationScoped
public class TickRelay implements OrderedRelay.Outbox<PublishedTick> {
    private static final Logger LOG = Logger.getLogger(TickRelay.class);

    private final PublishedTickRepository ticks;
    private final TickRelayConfig config;
    private final PolicyConfig currency;
    private final TickSigner signer;
    private final Clock clock;
    private final OrderedRelay<PublishedTick> relay;

    @Inject
    @Channel("price-ticks")
    MutinyEmitter<String> emitter;

    public TickRelay(
            PublishedTickRepository ticks,
            TickRelayConfig config,
            PolicyConfig currency,
            TickSigner signer,
            Clock clock) {
        this.ticks = ticks;
        this.config = config;
        this.currency = currency;
        this.signer = signer;
        this.clock = clock;
        this.relay = new OrderedRelay<>("Price ticks", this, config.pollInterval(), config.maxBackoff(), clock);
    }

    public OrderedRelay.Status status() {
        return relay.status();
    }

    // not before the application runs: the emitter's channel is connected during start-up
    @Scheduled(
            every = "${centre.price-relay.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return relay.round();
    }

    @Override
    public Uni<List<PublishedTick>> unsent() {
        return Panache.withSession(() -> ticks.unsent(config.batchSize()));
    }

    @Override
    public Uni<Void> publish(PublishedTick tick) {
        // signed here, so a tick stored before the key was configured is signed when it leaves
        // keyed by currency: the topic is compacted, and a station reads the newest tick of its currency
        String key = tick.currency != null ? tick.currency : currency.currency();
        RecordHeaders headers = new RecordHeaders();
        headers.add(TickSignature.HEADER, signer.sign(tick.payload).getBytes(StandardCharsets.US_ASCII));
        return emitter.sendMessage(Message.of(tick.payload)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(key)
                                .withHeaders(headers)
                                .build()))
                .invoke(() -> LOG.infof(
                        "Price tick %d sent: %s %s",
                        tick.sequence,
                        tick.status,
                        tick.spotUsdPerTroyOunce == null ? "" : tick.spotUsdPerTroyOunce + " USD/ozt"));
    }

    @Override
    public Uni<Integer> markSent(List<PublishedTick> acknowledged) {
        List<Long> sequences = acknowledged.stream().map(t -> t.sequence).toList();
        return Panache.withTransaction(() -> ticks.markSent(sequences, clock.instant()));
    }

    @Override
    public Uni<Void> recordFailure(PublishedTick tick, String error) {
        return Panache.withTransaction(() -> ticks.recordFailure(tick.sequence, error))
                .replaceWithVoid();
    }

    @Override
    public String describe(PublishedTick tick) {
        return "tick " + tick.sequence;
    }
}
