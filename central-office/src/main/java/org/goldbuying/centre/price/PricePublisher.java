package org.goldbuying.centre.price;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.goldbuying.centre.feed.FeedQuote;
import org.goldbuying.centre.feed.GoldFeed;
import org.goldbuying.centre.policy.PolicyChanged;
import org.goldbuying.centre.policy.PolicyConfig;
import org.goldbuying.centre.policy.PolicyService;
import org.goldbuying.centre.policy.PricingPolicy;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;
import org.jboss.logging.Logger;

/**
 * Turns the feed into official price ticks. Each round reads the feed, the last ticks and the policy in force, and
 * {@link PublicationRound} decides (no I/O there): an ACTIVE tick with the policy in force, a SUSPENDED tick with the
 * reason (once per reason), or nothing new while a manual price stands; a jump is also held for approval
 * ({@link HeldPrices}). This class carries the decision out. A price approved by two treasury users is published
 * through {@link #storeApproved}. A policy approval is heard as a {@link PolicyChanged} and published at once.
 * Ticks are stored before they are sent, keyed by currency on a compacted topic.
 */
@ApplicationScoped
public class PricePublisher implements PolicyChanged.Listener {
    private static final Logger LOG = Logger.getLogger(PricePublisher.class);

    private final GoldFeed feed;
    private final PublishedTickRepository ticks;
    private final PublicationConfig config;
    private final PolicyConfig currency;
    private final PolicyService policies;
    private final HeldPrices held;
    private final Clock clock;

    private final Event<PriceTickPublished> published;

    public PricePublisher(
            GoldFeed feed,
            PublishedTickRepository ticks,
            PublicationConfig config,
            PolicyConfig currency,
            PolicyService policies,
            HeldPrices held,
            Clock clock,
            Event<PriceTickPublished> published) {
        this.feed = feed;
        this.ticks = ticks;
        this.config = config;
        this.currency = currency;
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
        return round.onFailure()
                .invoke(failure -> LOG.warnf("Price publication failed, retrying shortly: %s", failure.toString()))
                .onFailure()
                .recoverWithNull()
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
                        .chain(policy -> ticks.latest()
                                .map(latest -> PublicationRound.policyChanged(
                                        Optional.ofNullable(latest).map(PricePublisher::last), policy.id))))
                .chain(changed -> changed ? publishFromFeed() : Uni.createFrom().<PriceTick>nullItem());
    }

    /** A policy version was approved: publish at once if it is now the one in force. */
    @Override
    public Uni<Void> policyChanged(PolicyChanged change) {
        return publishIfPolicyChanged().replaceWithVoid();
    }

    /** Reads the round's inputs, lets {@link PublicationRound} decide, and writes what it decided. */
    private Uni<PriceTick> roundFromFeed() {
        Instant now = clock.instant();
        return policies.inForce(now)
                .chain(policy -> ticks.latest()
                        .chain(latest -> ticks.latestActive().chain(lastActive -> {
                            Optional<PublicationRound.LastTick> last =
                                    Optional.ofNullable(latest).map(PricePublisher::last);
                            PublicationRound.Decision decision = PublicationRound.decide(
                                    reading(),
                                    last,
                                    Optional.ofNullable(lastActive).map(t -> t.spotUsdPerTroyOunce),
                                    policy.id,
                                    now,
                                    new PublicationRound.Limits(config.maxFeedAge(), config.maxMovePercent()));
                            return carryOut(decision, PublicationRound.nextSequence(last), policy, now);
                        })));
    }

    private PublicationRound.FeedReading reading() {
        Optional<FeedQuote> quote = feed.latest();
        return new PublicationRound.FeedReading(quote, quote.isEmpty() ? feed.problem() : Optional.empty());
    }

    private Uni<PriceTick> carryOut(
            PublicationRound.Decision decision, long sequence, PricingPolicy policy, Instant now) {
        // the held values first: an accepted value supersedes them, a jump is kept for approval
        Uni<Void> holding = decision instanceof PublicationRound.PublishFeed
                ? held.feedAccepted(now)
                : decision.held()
                        .map(jump -> held.hold(jump.hold(), jump.reference(), now, config.maxFeedAge()))
                        .orElseGet(() -> Uni.createFrom().voidItem());
        return holding.chain(() -> {
            if (decision instanceof PublicationRound.PublishFeed publish) {
                FeedQuote accepted = publish.quote();
                return store(
                        active(
                                sequence,
                                new PriceTick.Source(accepted.source(), accepted.simulated()),
                                accepted.spotUsdPerTroyOunce(),
                                policy,
                                now),
                        policy);
            }
            if (decision instanceof PublicationRound.RepublishManual manual) {
                return store(
                        active(
                                sequence,
                                new PriceTick.Source(PriceProposal.MANUAL_SOURCE, false),
                                manual.spotUsdPerTroyOunce(),
                                policy,
                                now),
                        policy);
            }
            if (decision instanceof PublicationRound.Suspend suspend) {
                LOG.warnf("Price suspended: %s", suspend.reason());
                return store(suspended(sequence, suspend.reason(), now), null);
            }
            return Uni.createFrom().<PriceTick>nullItem(); // KeepManual, StaySuspended: nothing new to publish
        });
    }

    private static PublicationRound.LastTick last(PublishedTick tick) {
        return new PublicationRound.LastTick(
                tick.sequence,
                tick.status,
                tick.suspendedReason,
                tick.sourceName,
                tick.spotUsdPerTroyOunce,
                tick.validUntil,
                tick.policyVersion);
    }

    /**
     * Stores an ACTIVE tick for a spot two treasury users approved, under the policy in force now. Call inside
     * {@link #inRound}, then {@link #announce} the tick after the transaction committed.
     */
    public Uni<PriceTick> storeApproved(BigDecimal spot, PriceTick.Source source) {
        Instant now = clock.instant();
        return policies.inForce(now)
                .chain(policy -> ticks.latest()
                        .chain(last -> store(
                                active(last == null ? 1 : last.sequence + 1, source, spot, policy, now), policy)));
    }

    /**
     * Tells the displays and the dashboard of a stored tick; nothing for null (no tick). The stations get it from the
     * tick's row, which {@link TickRelay} sends until Kafka acknowledges it.
     */
    public Uni<Void> announce(PriceTick tick) {
        if (tick != null) {
            LOG.infof(
                    "Price tick %d published: %s %s",
                    tick.sequence(),
                    tick.status(),
                    tick.spotUsdPerTroyOunce() == null ? "" : tick.spotUsdPerTroyOunce() + " USD/ozt");
            published.fire(new PriceTickPublished(tick));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<PriceTick> store(PriceTick tick, PricingPolicy policy) {
        PublishedTick stored = stored(tick, Contract.PRICE_TICK.write(tick));
        stored.policyVersion = policy == null ? null : policy.id;
        return ticks.persist(stored).replaceWith(tick);
    }

    private PriceTick active(
            long sequence, PriceTick.Source source, BigDecimal spot, PricingPolicy policy, Instant now) {
        return new PriceTick(
                PriceTick.CONTRACT,
                sequence,
                PriceTick.Status.ACTIVE,
                null,
                now,
                now,
                now.plus(config.tickValidity()),
                source,
                spot,
                currency.currency(),
                currency.currencyExponent(),
                policy.fxLocalPerUsd,
                new PriceTick.Policy(
                        policy.discountPercent,
                        policy.royaltyPercent,
                        policy.feesPercent,
                        policy.advancePercent,
                        policy.maxTickAgeSeconds,
                        policy.quoteLockSeconds));
    }

    private PriceTick suspended(long sequence, String reason, Instant now) {
        return new PriceTick(
                PriceTick.CONTRACT,
                sequence,
                PriceTick.Status.SUSPENDED,
                reason,
                now,
                now,
                now.plus(config.tickValidity()),
                new PriceTick.Source("price-guard", false),
                null,
                currency.currency(),
                null,
                null,
                null);
    }

    private static PublishedTick stored(PriceTick tick, String json) {
        PublishedTick stored = new PublishedTick();
        stored.sequence = tick.sequence();
        stored.status = tick.status();
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
