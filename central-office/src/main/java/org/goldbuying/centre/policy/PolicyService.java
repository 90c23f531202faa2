package org.goldbuying.centre.policy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.common.FourEyesRecord;
import org.jboss.logging.Logger;

/**
 * The official FX rate and pricing policy: effective-dated versions, proposed by one treasury user and approved by
 * another. Every method that writes runs inside the caller's transaction or its own; every change is audited.
 * An approval is announced to the {@link PolicyChanged.Listener}s once it is committed.
 */
@ApplicationScoped
public class PolicyService {
    private static final Logger LOG = Logger.getLogger(PolicyService.class);
    /** Serialises the seeding of version 1, so two rounds (or two centre instances) cannot both seed. */
    static final String SEED_LOCK = "SELECT 1 FROM (SELECT pg_advisory_xact_lock(7316052502)) AS policy_seed";

    public static final String CONFIGURATION_ACTOR = "configuration";

    private final PricingPolicyRepository versions;
    private final PriceAuditTrail audit;
    private final PolicyConfig config;
    private final Clock clock;
    private final Instance<PolicyChanged.Listener> listeners;

    public PolicyService(
            PricingPolicyRepository versions,
            PriceAuditTrail audit,
            PolicyConfig config,
            Clock clock,
            Instance<PolicyChanged.Listener> listeners) {
        this.versions = versions;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** A proposed change, as the API takes it. A null effectiveFrom means now. */
    public record Proposal(
            BigDecimal fxLocalPerUsd,
            BigDecimal discountPercent,
            BigDecimal royaltyPercent,
            BigDecimal feesPercent,
            BigDecimal advancePercent,
            Long maxTickAgeSeconds,
            Long quoteLockSeconds,
            Instant effectiveFrom,
            String reason) {}

    /**
     * The version in force at {@code at}. On a fresh install nothing is approved yet: the configured values become
     * version 1, recorded as coming from configuration. Must run in a transaction (it may write that seed).
     */
    public Uni<PricingPolicy> inForce(Instant at) {
        return versions.approved()
                .chain(approved -> approved.isEmpty()
                        ? seed().chain(() -> versions.approved()).map(seeded -> pick(seeded, at))
                        : Uni.createFrom().item(pick(approved, at)));
    }

    private static PricingPolicy pick(List<PricingPolicy> approved, Instant at) {
        return PolicyRules.inForce(approved.stream().map(PricingPolicy::version).toList(), at)
                .flatMap(version ->
                        approved.stream().filter(p -> p.id == version.id()).findFirst())
                // only when every approved version starts later than `at` (a question about the past): the earliest
                .orElseGet(() -> approved.stream()
                        .min((a, b) -> a.effectiveAt.compareTo(b.effectiveAt))
                        .orElseThrow());
    }

    private Uni<Void> seed() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(SEED_LOCK).getSingleResult())
                .chain(() -> versions.count("status", PricingPolicy.APPROVED))
                .chain(count -> {
                    if (count > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    PricingPolicy first = new PricingPolicy();
                    first.origin = PricingPolicy.FROM_CONFIGURATION;
                    first.fxLocalPerUsd = config.fxLocalPerUsd();
                    first.discountPercent = config.discountPercent();
                    first.royaltyPercent = config.royaltyPercent();
                    first.feesPercent = config.feesPercent();
                    first.advancePercent = config.advancePercent();
                    first.maxTickAgeSeconds = config.maxTickAge().toSeconds();
                    first.quoteLockSeconds = config.quoteLock().toSeconds();
                    first.effectiveFrom = now;
                    first.reason = "Initial policy from the service's configuration (centre.pricing.*).";
                    first.proposedBy = CONFIGURATION_ACTOR;
                    first.proposedAt = now;
                    first.decide(PricingPolicy.APPROVED, CONFIGURATION_ACTOR, now, null);
                    first.effectiveAt = now;
                    LOG.infof("No approved pricing policy yet: the configured values become version 1.");
                    return versions.persist(first)
                            .chain(saved -> audit.record(
                                    CONFIGURATION_ACTOR,
                                    "POLICY_SEEDED",
                                    PriceAuditTrail.POLICY,
                                    saved.id,
                                    Map.of("after", values(saved))));
                });
    }

    public Uni<PricingPolicy> propose(Proposal proposal, String user) {
        Instant now = clock.instant();
        List<String> problems = PolicyRules.problems(
                proposal.fxLocalPerUsd(),
                proposal.discountPercent(),
                proposal.royaltyPercent(),
                proposal.feesPercent(),
                proposal.advancePercent(),
                proposal.maxTickAgeSeconds(),
                proposal.quoteLockSeconds(),
                proposal.effectiveFrom(),
                proposal.reason(),
                now);
        if (!problems.isEmpty()) {
            return Uni.createFrom()
                    .failure(new CentreException(
                            CentreError.BAD_REQUEST,
                            "The policy change was not proposed: " + String.join(" ", problems)));
        }
        PricingPolicy version = new PricingPolicy();
        version.origin = PricingPolicy.FROM_PROPOSAL;
        version.fxLocalPerUsd = PolicyRules.plain(proposal.fxLocalPerUsd());
        version.discountPercent = PolicyRules.plain(proposal.discountPercent());
        version.royaltyPercent = PolicyRules.plain(proposal.royaltyPercent());
        version.feesPercent = PolicyRules.plain(proposal.feesPercent());
        version.advancePercent = PolicyRules.plain(proposal.advancePercent());
        version.maxTickAgeSeconds = proposal.maxTickAgeSeconds();
        version.quoteLockSeconds = proposal.quoteLockSeconds();
        version.effectiveFrom = proposal.effectiveFrom() != null ? proposal.effectiveFrom() : now;
        version.reason = proposal.reason().trim();
        version.proposedBy = user;
        version.proposedAt = now;
        version.status = PricingPolicy.PROPOSED;
        return Panache.withTransaction(() -> inForce(now)
                .chain(current -> versions.persist(version)
                        .call(saved -> audit.record(
                                user,
                                "POLICY_PROPOSED",
                                PriceAuditTrail.POLICY,
                                saved.id,
                                Map.of("inForce", values(current), "proposed", values(saved))))));
    }

    /** Approves in a transaction of its own, then tells the listeners (a price follows under the new version). */
    public Uni<PricingPolicy> approve(long id, String user, String comment) {
        return Panache.withTransaction(() -> pending(id, user, "approve").chain(version -> {
                    Instant now = clock.instant();
                    return inForce(now).chain(before -> {
                        version.decide(PricingPolicy.APPROVED, user, now, comment(comment));
                        version.effectiveAt = PolicyRules.effectiveAt(version.effectiveFrom, now);
                        return audit.record(
                                        user,
                                        "POLICY_APPROVED",
                                        PriceAuditTrail.POLICY,
                                        version.id,
                                        Map.of("before", values(before), "after", values(version)))
                                .replaceWith(version);
                    });
                }))
                .call(this::announce);
    }

    /** Tells each listener in turn; a listener's failure is logged, the approval stands. */
    private Uni<Void> announce(PricingPolicy approved) {
        PolicyChanged change = new PolicyChanged(approved.id, approved.effectiveAt);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PolicyChanged.Listener listener : listeners) {
            chain = chain.chain(() -> listener.policyChanged(change)
                    .onFailure()
                    .invoke(failure -> LOG.warnf(
                            "Policy %d approved; its tick follows with the next round: %s",
                            change.version(), failure.toString()))
                    .onFailure()
                    .recoverWithNull());
        }
        return chain;
    }

    /** The proposer may withdraw their own proposal this way: rejecting needs no second person. */
    public Uni<PricingPolicy> reject(long id, String user, String comment) {
        return Panache.withTransaction(() -> pending(id, user, "reject").chain(version -> {
            version.decide(PricingPolicy.REJECTED, user, clock.instant(), comment(comment));
            return audit.record(
                            user,
                            "POLICY_REJECTED",
                            PriceAuditTrail.POLICY,
                            version.id,
                            Map.of("rejected", values(version)))
                    .replaceWith(version);
        }));
    }

    private Uni<PricingPolicy> pending(long id, String user, String verb) {
        return versions.forDecision(id).map(version -> {
            FourEyesRecord.stillOpen(
                    version, version != null && PricingPolicy.PROPOSED.equals(version.status), "policy proposal " + id);
            if ("approve".equals(verb) && version.proposedBy.equals(user)) {
                throw new CentreException(
                        CentreError.SELF_APPROVAL,
                        "You proposed policy change " + id + ": a different treasury user must approve it.");
            }
            return version;
        });
    }

    /**
     * The version in force at {@code at} (null: now), in a transaction of its own (a fresh install seeds version
     * 1).
     */
    public Uni<PricingPolicy> inForceAt(Instant at) {
        return Panache.withTransaction(() -> inForce(at == null ? clock.instant() : at));
    }

    public Uni<List<PricingPolicy>> history() {
        return versions.history();
    }

    /** A decision's optional comment, trimmed; refused when too long. */
    public static String comment(String comment) {
        if (comment != null && comment.length() > PolicyRules.MAX_TEXT) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "comment may have at most " + PolicyRules.MAX_TEXT + " characters.");
        }
        return comment == null || comment.isBlank() ? null : comment.trim();
    }

    /** The audited picture of a version: decimals as exact strings. */
    static Map<String, Object> values(PricingPolicy v) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("version", v.id);
        values.put("status", v.status);
        values.put("fxLocalPerUsd", v.fxLocalPerUsd.toPlainString());
        values.put("discountPercent", v.discountPercent.toPlainString());
        values.put("royaltyPercent", v.royaltyPercent.toPlainString());
        values.put("feesPercent", v.feesPercent.toPlainString());
        values.put("advancePercent", v.advancePercent.toPlainString());
        values.put("maxTickAgeSeconds", v.maxTickAgeSeconds);
        values.put("quoteLockSeconds", v.quoteLockSeconds);
        values.put("effectiveFrom", String.valueOf(v.effectiveFrom));
        values.put("effectiveAt", String.valueOf(v.effectiveAt));
        values.put("reason", v.reason);
        values.put("proposedBy", v.proposedBy);
        values.put("decidedBy", v.decidedBy);
        values.put("comment", v.decisionComment);
        return values;
    }
}
