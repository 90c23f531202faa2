package org.goldbuying.centre.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.goldbuying.centre.security.Roles;

/** The official FX rate and pricing policy: read by treasury and auditors, changed by two treasury users. */
@Path("/api/pricing")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class PolicyResource {
    private final PolicyService policies;
    private final PriceAuditTrail audit;
    private final PolicyConfig config;
    private final DashboardEvents events;
    private final SecurityIdentity identity;

    public PolicyResource(
            PolicyService policies,
            PriceAuditTrail audit,
            PolicyConfig config,
            DashboardEvents events,
            SecurityIdentity identity) {
        this.policies = policies;
        this.audit = audit;
        this.config = config;
        this.events = events;
        this.identity = identity;
    }

    /** One version as the API shows it; currency and exponent are configuration, shown for reading the FX rate. */
    public record PolicyView(
            long id,
            String status,
            String origin,
            String currency,
            int currencyExponent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal discountPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal royaltyPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal feesPercent,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal advancePercent,
            long maxTickAgeSeconds,
            long quoteLockSeconds,
            Instant effectiveFrom,
            Instant effectiveAt,
            String reason,
            String proposedBy,
            Instant proposedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionComment) {}

    public record Decision(String comment) {}

    public record AuditLine(
            long id, Instant at, String actor, String action, String subject, long subjectId, String detail) {}

    PolicyView view(PricingPolicy p) {
        return new PolicyView(
                p.id,
                p.status,
                p.origin,
                config.currency(),
                config.currencyExponent(),
                p.fxLocalPerUsd,
                p.discountPercent,
                p.royaltyPercent,
                p.feesPercent,
                p.advancePercent,
                p.maxTickAgeSeconds,
                p.quoteLockSeconds,
                p.effectiveFrom,
                p.effectiveAt,
                p.reason,
                p.proposedBy,
                p.proposedAt,
                p.decidedBy,
                p.decidedAt,
                p.decisionComment);
    }

    @GET
    @Path("policy")
    @Operation(summary = "The pricing policy in force now, or at ?at=<ISO-8601 instant>")
    public Uni<PolicyView> inForce(@QueryParam("at") String at) {
        Instant instant;
        try {
            instant = at == null || at.isBlank() ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new CentreException(
                    CentreError.BAD_REQUEST,
                    "at must be an ISO-8601 instant such as 2026-11-22T09:00:00Z (was " + at + ").");
        }
        return policies.inForceAt(instant).map(this::view);
    }

    @GET
    @Path("policy/versions")
    @WithSession
    @Operation(
            summary = "Every policy version: proposed, approved (with the time it took effect) and rejected,"
                    + " newest first")
    public Uni<List<PolicyView>> versions() {
        return policies.history().map(list -> list.stream().map(this::view).toList());
    }

    @POST
    @Path("policy/versions")
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Propose a policy version (all values, an optional effectiveFrom, a reason); another treasury "
                    + "user approves")
    public Uni<Response> propose(PolicyService.Proposal proposal) {
        if (proposal == null) {
            throw new CentreException(CentreError.BAD_REQUEST, "The request needs a JSON body with the policy values.");
        }
        return policies.propose(proposal, user())
                .invoke(events::pricingChanged)
                .map(saved -> Response.status(Response.Status.CREATED)
                        .entity(view(saved))
                        .build());
    }

    @POST
    @Path("policy/versions/{id}/approve")
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Approve a proposed version (not your own); it takes effect at its effectiveFrom, or now if that "
                    + "has passed")
    public Uni<PolicyView> approve(@PathParam("id") long id, Decision decision) {
        return policies.approve(id, user(), decision == null ? null : decision.comment())
                .invoke(events::pricingChanged)
                .map(this::view);
    }

    @POST
    @Path("policy/versions/{id}/reject")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Reject a proposed version (the proposer may withdraw their own this way)")
    public Uni<PolicyView> reject(@PathParam("id") long id, Decision decision) {
        return policies.reject(id, user(), decision == null ? null : decision.comment())
                .invoke(events::pricingChanged)
                .map(this::view);
    }

    @GET
    @Path("audit")
    @WithSession
    @Operation(
            summary = "The audit trail of policy and price proposals and decisions, newest first (?limit, default 100)")
    public Uni<List<AuditLine>> audit(@QueryParam("limit") Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw new CentreException(CentreError.BAD_REQUEST, "limit must be between 1 and 1000 (was " + size + ").");
        }
        return audit.latest(size)
                .map(lines -> lines.stream()
                        .map(l -> new AuditLine(l.id, l.at, l.actor, l.action, l.subject, l.subjectId, l.detail))
                        .toList());
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
