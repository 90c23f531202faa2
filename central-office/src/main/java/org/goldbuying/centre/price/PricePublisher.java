package org.goldbuying.centre.price;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.goldbuying.centre.feed.FeedQuote;
import org.goldbuying.centre.feed.GoldFeed;
import org.goldbuying.centre.policy.PolicyService;
import org.goldbuying.centre.policy.PricingPolicy;
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
 * either an ACTIVE tick with the policy in force or, when the guard refuses, a SUSPENDED tick with the reason (once per
 * reason). A jump is also held for approval ({@link HeldPrices}); a price approved by two treasury users is published
 * through {@link #storeApproved}. A manual price stays in force while the feed has nothing acceptable, until its tick's
 * validity ends. Ticks are stored before they are sent, keyed by currency on a compacted topic.
 */
@ApplicationScoped
public class PricePublisher {
    private static final Logger LOG = Logger.getLogger(PricePublisher.class);

    private final GoldFeed feed;
    private final PublishedTickRepository ticks;
    private final PricingPolicyConfig config;
    private final PolicyService policies;
    private final HeldPrices held;
    private final Clock clock;

    private final Event<PriceTickPublished> published;

    @Inject
    @Channel("price-ticks")
    MutinyEmitter<String> emitter;

    public PricePublisher(GoldFeed feed, PublishedTickRepository ticks, PricingPolicyConfig config,
            PolicyService policies, HeldPrices held, Clock clock, Event<PriceTickPublished> published) {
        this.feed = feed;
        this.ticks = ticks;
        this.config = config;
        this.policies = policies;
        this.held = held;
        this.clock = clock;
        this.published = published;
    }

    private volatile Instant nextRound = Instant.EPOCH;

    /**
     * Checks every few seconds whether a round is due, so the first tick goes out as soon as the service can send
     * and a failed round (broker or database down) is retried soon rather than after a whole publish interval.
     * Between rounds it also checks whether another policy version came into force (an approval, or a version
     * whose effective time has come), and publishes at once so stations never quote under the old policy for long.
     */
    @Scheduled(every = "5s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        Uni<PriceTick> round = clock.instant().isBefore(nextRound)
                ? publishIfPolicyChanged()
                : publishFromFeed().invoke(() -> nextRound = clock.instant().plus(config.publishInterval()));
        return round
                .onFailure().invoke(failure -> LOG.warnf("Price publication failed, retrying shortly: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Rounds are serialised by a PostgreSQL transaction-scoped advisory lock: the scheduled round and a manual one
     * (or two centre instances) would otherwise both read sequence n and both try to publish n + 1.
     */
    static final String ROUND_LOCK = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(7316052501)) AS publication_round";

    /** Runs {@code work} in a transaction that holds the publication round lock. */
    public <T> Uni<T> inRound(Supplier<Uni<T>> work) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(ROUND_LOCK).getSingleResult())
                .chain(locked -> work.get()));
    }

    /** One publication round; returns the tick published, or null when nothing changed. */
    public Uni<PriceTick> publishFromFeed() {
        return inRound(this::roundFromFeed).call(this::announce);
    }

    /** A round now if the latest tick is ACTIVE under a policy version that is no longer the one in force. */
    public Uni<PriceTick> publishIfPolicyChanged() {
        return Panache.withTransaction(() -> policies.inForce(clock.instant())
                .chain(policy -> ticks.latest().map(last -> last != null && "ACTIVE".equals(last.status)
                        && !Objects.equals(last.policyVersion, policy.id))))
                .chain(changed -> changed ? publishFromFeed() : Uni.createFrom().<PriceTick>nullItem());
    }

    private Uni<PriceTick> roundFromFeed() {
        Instant now = clock.instant();
        return policies.inForce(now).chain(policy -> ticks.latest().chain(last -> ticks.latestActive().chain(lastActive -> {
            Optional<FeedQuote> quote = feed.latest();
            Optional<BigDecimal> reference = Optional.ofNullable(lastActive).map(t -> tidy(t.spotUsdPerTroyOunce));
            PriceGuard.Decision decision = PriceGuard.check(quote, quote.isEmpty() ? feed.problem() : Optional.empty(),
                    reference, now, config.maxFeedAge(), config.maxMovePercent());
            long sequence = last == null ? 1 : last.sequence + 1;
            if (decision instanceof PriceGuard.Accept accept) {
                FeedQuote accepted = accept.quote();
                return held.feedAccepted(now).chain(() -> store(active(sequence,
                        new PriceTick.Source(accepted.source(), accepted.simulated()),
                        accepted.spotUsdPerTroyOunce(), policy, now), policy));
            }
            Uni<Void> holding = decision instanceof PriceGuard.Hold hold
                    ? held.hold(hold, reference.orElseThrow(), now, config.maxFeedAge())
                    : Uni.createFrom().voidItem();
            if (manualInForce(last, now)) {
                // treasury's typed price stands while the feed has nothing acceptable; a new policy republishes it
                return holding.chain(() -> Objects.equals(last.policyVersion, policy.id)
                        ? Uni.createFrom().<PriceTick>nullItem()
                        : store(active(sequence, new PriceTick.Source(PriceProposal.MANUAL_SOURCE, false),
                                tidy(last.spotUsdPerTroyOunce), policy, now), policy));
            }
            String reason = fitted(decision instanceof PriceGuard.Hold hold ? hold.reason()
                    : ((PriceGuard.Refuse) decision).reason());
            if (last != null && "SUSPENDED".equals(last.status) && Objects.equals(last.suspendedReason, reason)) {
                return holding.replaceWith(Uni.createFrom().<PriceTick>nullItem());
            }
            LOG.warnf("Price suspended: %s", reason);
            return holding.chain(() -> store(suspended(sequence, reason, now), null));
        })));
    }

    /** A spot read back from price_tick (six decimals) as it was typed: 2650.000000 becomes 2650.00. */
    static BigDecimal tidy(BigDecimal spot) {
        BigDecimal stripped = spot.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()));
    }

    private static boolean manualInForce(PublishedTick last, Instant now) {
        return last != null && "ACTIVE".equals(last.status) && PriceProposal.MANUAL_SOURCE.equals(last.sourceName)
                && now.isBefore(last.validUntil);
    }

    /**
     * Stores an ACTIVE tick for a spot two treasury users approved, under the policy in force now. Call inside
     * {@link #inRound}, then {@link #announce} the tick after the transaction committed.
     */
    public Uni<PriceTick> storeApproved(BigDecimal spot, PriceTick.Source source) {
        Instant now = clock.instant();
        return policies.inForce(now).chain(policy -> ticks.latest().chain(last -> store(
                active(last == null ? 1 : last.sequence + 1, source, spot, policy, now), policy)));
    }

    /** Sends a stored tick and tells the displays and the dashboard; nothing for null (no tick). */
    public Uni<Void> announce(PriceTick tick) {
        if (tick == null) {
            return Uni.createFrom().voidItem();
        }
        return send(tick).invoke(() -> published.fire(new PriceTickPublished(tick)));
    }

    private Uni<PriceTick> store(PriceTick tick, PricingPolicy policy) {
        PublishedTick stored = stored(tick, Contract.PRICE_TICK.write(tick));
        stored.policyVersion = policy == null ? null : policy.id;
        return ticks.persist(stored).replaceWith(tick);
    }

    private Uni<Void> send(PriceTick tick) {
        String json = Contract.PRICE_TICK.write(tick);
        String key = tick.currency() != null ? tick.currency() : config.currency();
        return emitter.sendMessage(Message.of(json)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build()))
                .invoke(() -> LOG.infof("Price tick %d published: %s %s", tick.sequence(), tick.status(),
                        tick.spotUsdPerTroyOunce() == null ? "" : tick.spotUsdPerTroyOunce() + " USD/ozt"));
    }

    private PriceTick active(long sequence, PriceTick.Source source, BigDecimal spot, PricingPolicy policy,
            Instant now) {
        return new PriceTick(PriceTick.CONTRACT, sequence, PriceTick.Status.ACTIVE, null, now, now,
                now.plus(config.tickValidity()), source, spot, config.currency(), config.currencyExponent(),
                policy.fxLocalPerUsd,
                new PriceTick.Policy(policy.discountPercent, policy.royaltyPercent, policy.feesPercent,
                        policy.advancePercent, policy.maxTickAgeSeconds, policy.quoteLockSeconds));
    }

    private PriceTick suspended(long sequence, String reason, Instant now) {
        return new PriceTick(PriceTick.CONTRACT, sequence, PriceTick.Status.SUSPENDED, reason, now, now,
                now.plus(config.tickValidity()), new PriceTick.Source("price-guard", false), null, config.currency(),
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
