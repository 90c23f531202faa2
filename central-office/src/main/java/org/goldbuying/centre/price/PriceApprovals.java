package org.goldbuying.centre.price;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.common.FourEyesRecord;
import org.goldbuying.centre.policy.PolicyRules;
import org.goldbuying.centre.policy.PolicyService;
import org.goldbuying.centre.policy.PriceAuditTrail;
import org.goldbuying.contracts.PriceTick;

/**
 * Four-eyes publication of a spot price outside the guard: a manual price typed by one treasury user, or a feed
 * value the guard held, vouched for by one treasury user; in both a second, different treasury user's approval
 * publishes it as an ACTIVE tick, which becomes the reference the guard measures the feed's next move against.
 */
@ApplicationScoped
public class PriceApprovals {
    /** USD per troy ounce: above this is a typing error, not a market. */
    public static final BigDecimal MAX_SPOT = new BigDecimal("1000000");

    public static final int MAX_SPOT_DECIMALS = 6;

    private final PriceProposalRepository proposals;
    private final PricePublisher publisher;
    private final PriceAuditTrail audit;
    private final PublicationConfig config;
    private final Clock clock;

    public PriceApprovals(
            PriceProposalRepository proposals,
            PricePublisher publisher,
            PriceAuditTrail audit,
            PublicationConfig config,
            Clock clock) {
        this.proposals = proposals;
        this.publisher = publisher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    public record ManualPrice(BigDecimal spotUsdPerTroyOunce, String note) {}

    /** A decision, and the tick it published (null until the second approval). */
    public record Outcome(PriceProposal proposal, PriceTick tick) {}

    /** Every problem with a typed price; empty when it may be proposed. */
    public static List<String> problems(ManualPrice price) {
        List<String> problems = new ArrayList<>();
        BigDecimal spot = price.spotUsdPerTroyOunce();
        if (spot == null) {
            problems.add("spotUsdPerTroyOunce is missing.");
        } else if (spot.signum() <= 0 || spot.compareTo(MAX_SPOT) > 0) {
            problems.add("spotUsdPerTroyOunce must be above 0 and at most " + MAX_SPOT.toPlainString()
                    + " USD per troy ounce (was " + spot.toPlainString() + ").");
        } else if (spot.scale() > MAX_SPOT_DECIMALS) {
            problems.add("spotUsdPerTroyOunce may have at most " + MAX_SPOT_DECIMALS + " decimals (was "
                    + spot.toPlainString() + ").");
        }
        if (price.note() == null || price.note().isBlank()) {
            problems.add("note is missing: say where the price comes from (it is kept in the audit trail).");
        } else if (price.note().length() > PolicyRules.MAX_TEXT) {
            problems.add("note may have at most " + PolicyRules.MAX_TEXT + " characters.");
        }
        return problems;
    }

    public Uni<PriceProposal> propose(ManualPrice price, String user) {
        List<String> problems = problems(price);
        if (!problems.isEmpty()) {
            return Uni.createFrom()
                    .failure(new CentreException(
                            CentreError.BAD_REQUEST,
                            "The manual price was not proposed: " + String.join(" ", problems)));
        }
        Instant now = clock.instant();
        PriceProposal proposal = new PriceProposal();
        proposal.kind = PriceProposal.KIND_MANUAL;
        proposal.spotUsdPerTroyOunce = PolicyRules.plain(price.spotUsdPerTroyOunce());
        proposal.sourceName = PriceProposal.MANUAL_SOURCE;
        proposal.simulated = false;
        proposal.observedAt = now;
        proposal.note = price.note().trim();
        proposal.createdAt = now;
        proposal.status = PriceProposal.PROPOSED;
        proposal.proposedBy = user;
        proposal.proposedAt = now;
        return publisher.inRound(() -> proposals
                .persist(proposal)
                .call(saved -> audit.record(
                        user,
                        "PRICE_PROPOSED",
                        PriceAuditTrail.PRICE,
                        saved.id,
                        Map.of("proposed", HeldPrices.values(saved)))));
    }

    /**
     * A held value's first approval vouches for it (it becomes PROPOSED by that user); the second approval, by
     * someone else, publishes. Runs under the publication round lock, so the tick's sequence is not contested.
     */
    public Uni<Outcome> approve(long id, String user, String comment) {
        return publisher
                .inRound(() -> pending(id).chain(proposal -> {
                    Instant now = clock.instant();
                    if (user.equals(proposal.proposedBy)) {
                        return Uni.createFrom()
                                .failure(new CentreException(
                                        CentreError.SELF_APPROVAL,
                                        PriceProposal.KIND_MANUAL.equals(proposal.kind)
                                                ? "You proposed price " + id
                                                        + ": a different treasury user must approve it."
                                                : "You already approved held price " + id
                                                        + ": a different treasury user must confirm it."));
                    }
                    if (PriceProposal.KIND_HELD.equals(proposal.kind)) {
                        Duration age = Duration.between(proposal.observedAt, now);
                        if (age.compareTo(config.maxFeedAge()) > 0) {
                            return Uni.createFrom()
                                    .failure(new CentreException(
                                            CentreError.STALE_PRICE,
                                            "Held price " + id + " was observed " + age.toMinutes()
                                                    + " minutes ago (limit "
                                                    + config.maxFeedAge().toMinutes()
                                                    + "): too old to publish. Reject it; the feed's "
                                                    + "next value is checked afresh."));
                        }
                    }
                    String note = PolicyService.comment(comment);
                    if (PriceProposal.HELD.equals(proposal.status)) {
                        proposal.status = PriceProposal.PROPOSED;
                        proposal.proposedBy = user;
                        proposal.proposedAt = now;
                        return audit.record(
                                        user,
                                        "PRICE_VOUCHED",
                                        PriceAuditTrail.PRICE,
                                        proposal.id,
                                        Map.of(
                                                "vouched",
                                                HeldPrices.values(proposal),
                                                "comment",
                                                note == null ? "" : note))
                                .replaceWith(new Outcome(proposal, null));
                    }
                    return publisher
                            .storeApproved(
                                    proposal.spotUsdPerTroyOunce,
                                    new PriceTick.Source(proposal.sourceName, proposal.simulated))
                            .chain(tick -> {
                                proposal.decide(PriceProposal.APPROVED, user, now, note);
                                proposal.tickSequence = tick.sequence();
                                return audit.record(
                                                user,
                                                "PRICE_APPROVED",
                                                PriceAuditTrail.PRICE,
                                                proposal.id,
                                                Map.of("approved", HeldPrices.values(proposal)))
                                        .replaceWith(new Outcome(proposal, tick));
                            });
                }))
                .call(outcome -> publisher.announce(outcome.tick()));
    }

    /** Anyone in treasury may reject, the proposer included (a withdrawal): refusing needs no second person. */
    public Uni<PriceProposal> reject(long id, String user, String comment) {
        return publisher.inRound(() -> pending(id).chain(proposal -> {
            proposal.decide(PriceProposal.REJECTED, user, clock.instant(), PolicyService.comment(comment));
            return audit.record(
                            user,
                            "PRICE_REJECTED",
                            PriceAuditTrail.PRICE,
                            proposal.id,
                            Map.of("rejected", HeldPrices.values(proposal)))
                    .replaceWith(proposal);
        }));
    }

    private Uni<PriceProposal> pending(long id) {
        return proposals
                .forDecision(id)
                .map(proposal -> FourEyesRecord.stillOpen(
                        proposal, proposal != null && proposal.pending(), "price proposal " + id));
    }

    public Uni<List<PriceProposal>> latest() {
        return proposals.latest(50);
    }
}
