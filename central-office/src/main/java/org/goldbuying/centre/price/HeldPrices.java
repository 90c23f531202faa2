package org.goldbuying.centre.price;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldbuying.centre.policy.PriceAuditTrail;

/**
 * What the publisher does with feed values the guard held: keep one for approval, and let it go when the feed moves
 * on. Runs inside the publication round's transaction.
 */
@ApplicationScoped
public class HeldPrices {
    static final String GUARD = "price-guard";

    private final PriceProposalRepository proposals;
    private final PriceAuditTrail audit;

    public HeldPrices(PriceProposalRepository proposals, PriceAuditTrail audit) {
        this.proposals = proposals;
        this.audit = audit;
    }

    /**
     * Holds a jump for approval. One held value waits at a time: while it is fresh, later jumps add nothing (the
     * page shows the feed's current value beside it); once it is older than the feed's maximum age it could not be
     * published any more, so it is superseded by the new one.
     */
    public Uni<Void> hold(PriceGuard.Hold hold, BigDecimal reference, Instant now, Duration maxFeedAge) {
        return proposals.pendingHeld().chain(pending -> {
            if (pending.stream()
                    .anyMatch(p -> Duration.between(p.observedAt, now).compareTo(maxFeedAge) <= 0)) {
                return Uni.createFrom().voidItem();
            }
            PriceProposal held = new PriceProposal();
            held.kind = PriceProposal.KIND_HELD;
            held.spotUsdPerTroyOunce = hold.quote().spotUsdPerTroyOunce();
            held.sourceName = hold.quote().source();
            held.simulated = hold.quote().simulated();
            held.observedAt = hold.quote().observedAt();
            held.referenceSpot = reference;
            held.note = hold.reason();
            held.createdAt = now;
            held.status = PriceProposal.HELD;
            return supersede(pending, now, "a newer value was held")
                    .chain(() -> proposals.persist(held))
                    .chain(saved -> audit.record(
                            GUARD, "PRICE_HELD", PriceAuditTrail.PRICE, saved.id, Map.of("held", values(saved))));
        });
    }

    /** The feed gave a value the guard accepted: the held ones are no longer the question. */
    public Uni<Void> feedAccepted(Instant now) {
        return proposals.pendingHeld().chain(pending -> supersede(pending, now, "the feed returned within the limit"));
    }

    private Uni<Void> supersede(List<PriceProposal> pending, Instant now, String why) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PriceProposal p : pending) {
            chain = chain.chain(() -> {
                p.decide(PriceProposal.SUPERSEDED, GUARD, now, "Superseded: " + why + ".");
                return audit.record(
                        GUARD, "PRICE_SUPERSEDED", PriceAuditTrail.PRICE, p.id, Map.of("superseded", values(p)));
            });
        }
        return chain;
    }

    static Map<String, Object> values(PriceProposal p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", p.id);
        values.put("kind", p.kind);
        values.put("status", p.status);
        values.put("spotUsdPerTroyOunce", p.spotUsdPerTroyOunce.toPlainString());
        values.put("source", p.sourceName);
        values.put("simulated", p.simulated);
        values.put("observedAt", String.valueOf(p.observedAt));
        values.put("referenceSpot", p.referenceSpot == null ? null : p.referenceSpot.toPlainString());
        values.put("note", p.note);
        values.put("proposedBy", p.proposedBy);
        values.put("decidedBy", p.decidedBy);
        values.put("comment", p.decisionComment);
        values.put("tickSequence", p.tickSequence);
        return values;
    }
}
