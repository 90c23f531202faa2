package org.goldbuying.centre.price;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.goldbuying.centre.feed.FeedQuote;
import org.goldbuying.centre.feed.GoldFeed;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Turns the feed into official price ticks. Each round: ask the feed, pass the value through the guard, and publish
 * either an ACTIVE tick with the current policy or, when the guard refuses and the last tick was active, a
 * SUSPENDED tick with the reason. Ticks are stored before they are sent, keyed by currency on a compacted topic.
 */
@ApplicationScoped
public class PricePublisher {
    private static final Logger LOG = Logger.getLogger(PricePublisher.class);

    private final GoldFeed feed;
    private final PublishedTickRepository ticks;
    private final PricingPolicyConfig policy;
    private final Clock clock;

    private final Event<PriceTickPublished> published;

    @Inject
    @Channel("price-ticks")
    MutinyEmitter<String> emitter;

    public PricePublisher(GoldFeed feed, PublishedTickRepository ticks, PricingPolicyConfig policy, Clock clock,
            Event<PriceTickPublished> published) {
        this.feed = feed;
        this.ticks = ticks;
        this.policy = policy;
        this.clock = clock;
        this.published = published;
    }

    private volatile Instant nextRound = Instant.EPOCH;

    /**
     * Checks every few seconds whether a round is due, so the first tick goes out as soon as the service can send
     * and a failed round (broker or database down) is retried soon rather than after a whole publish interval.
     */
    @Scheduled(every = "5s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (clock.instant().isBefore(nextRound)) {
            return Uni.createFrom().voidItem();
        }
        return publishFromFeed()
                .invoke(() -> nextRound = clock.instant().plus(policy.publishInterval()))
                .onFailure().invoke(failure -> LOG.warnf("Price publication failed, retrying shortly: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Rounds are serialised by a PostgreSQL transaction-scoped advisory lock: the scheduled round and a manual one
     * (or two centre instances) would otherwise both read sequence n and both try to publish n + 1.
     */
    static final String ROUND_LOCK = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(7316052501)) AS publication_round";

    /** One publication round; returns the tick published, or null when nothing changed. */
    public Uni<PriceTick> publishFromFeed() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(ROUND_LOCK).getSingleResult())
                .chain(() -> ticks.latest()).chain(last -> ticks.latestActive().chain(lastActive -> {
            Instant now = clock.instant();
            Optional<FeedQuote> quote = feed.latest();
            PriceGuard.Decision decision = PriceGuard.check(quote, quote.isEmpty() ? feed.problem() : Optional.empty(),
                    Optional.ofNullable(lastActive).map(t -> t.spotUsdPerTroyOunce), now, policy.maxFeedAge(),
                    policy.maxMovePercent());
            long sequence = last == null ? 1 : last.sequence + 1;
            PriceTick tick;
            if (decision instanceof PriceGuard.Accept accept) {
                tick = active(sequence, accept, now);
            } else {
                String reason = fitted(((PriceGuard.Refuse) decision).reason());
                if (last != null && "SUSPENDED".equals(last.status) && Objects.equals(last.suspendedReason, reason)) {
                    return Uni.createFrom().<PriceTick>nullItem();
                }
                LOG.warnf("Price suspended: %s", reason);
                tick = suspended(sequence, reason, now);
            }
            String json = Contract.PRICE_TICK.write(tick);
            return ticks.persist(stored(tick, json)).replaceWith(tick);
        }))).call(tick -> tick == null ? Uni.createFrom().voidItem() : send(tick))
                .invoke(tick -> {
                    if (tick != null) {
                        published.fire(new PriceTickPublished(tick));
                    }
                });
    }

    private Uni<Void> send(PriceTick tick) {
        String json = Contract.PRICE_TICK.write(tick);
        String key = tick.currency() != null ? tick.currency() : policy.currency();
        return emitter.sendMessage(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .invoke(() -> LOG.infof("Price tick %d published: %s %s", tick.sequence(), tick.status(),
                        tick.spotUsdPerTroyOunce() == null ? "" : tick.spotUsdPerTroyOunce() + " USD/ozt"));
    }

    private PriceTick active(long sequence, PriceGuard.Accept accept, Instant now) {
        return new PriceTick(PriceTick.CONTRACT, sequence, PriceTick.Status.ACTIVE, null, now, now,
                now.plus(policy.tickValidity()),
                new PriceTick.Source(accept.quote().source(), accept.quote().simulated()),
                accept.quote().spotUsdPerTroyOunce(), policy.currency(), policy.currencyExponent(),
                policy.fxLocalPerUsd(),
                new PriceTick.Policy(policy.discountPercent(), policy.royaltyPercent(), policy.feesPercent(),
                        policy.advancePercent(), policy.maxTickAge().toSeconds(), policy.quoteLock().toSeconds()));
    }

    private PriceTick suspended(long sequence, String reason, Instant now) {
        return new PriceTick(PriceTick.CONTRACT, sequence, PriceTick.Status.SUSPENDED, reason, now, now,
                now.plus(policy.tickValidity()), new PriceTick.Source("price-guard", false), null, policy.currency(),
                null, null, null);
    }

    /** The contract allows 200 characters of reason; a feed's error text (with its URL) can be longer. */
    static String fitted(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 199) + "\u2026";
    }

    private static PublishedTick stored(PriceTick tick, String json) {
        PublishedTick stored = new PublishedTick();
        stored.sequence = tick.sequence();
        stored.status = tick.status().name();
        stored.suspendedReason = tick.suspendedReason();
        stored.publishedAt = tick.publishedAt();
        stored.validUntil = tick.validUntil();
        stored.sourceName = tick.source().name();
        stored.simulated = tick.source().simulated();
        stored.spotUsdPerTroyOunce = tick.spotUsdPerTroyOunce();
        stored.currency = tick.currency();
        stored.fxLocalPerUsd = tick.fxLocalPerUsd();
        stored.payload = json;
        return stored;
    }
}
