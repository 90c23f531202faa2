package org.goldbuying.centre.price;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.goldbuying.centre.policy.PolicyResource;
import org.goldbuying.centre.security.Roles;

/** Manual prices and held feed values, published only with two treasury users' approval. */
@Path("/api/pricing/prices")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class PriceProposalResource {
    private final PriceApprovals approvals;
    private final DashboardEvents events;
    private final SecurityIdentity identity;

    public PriceProposalResource(PriceApprovals approvals, DashboardEvents events, SecurityIdentity identity) {
        this.approvals = approvals;
        this.events = events;
        this.identity = identity;
    }

    public record ProposalView(
            long id,
            String kind,
            String status,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal referenceSpot,
            String source,
            boolean simulated,
            Instant observedAt,
            String note,
            Instant createdAt,
            String proposedBy,
            Instant proposedAt,
            String decidedBy,
            Instant decidedAt,
            String decisionComment,
            Long tickSequence) {}

    static ProposalView view(PriceProposal p) {
        return new ProposalView(
                p.id,
                p.kind,
                p.status,
                p.spotUsdPerTroyOunce,
                p.referenceSpot,
                p.sourceName,
                p.simulated,
                p.observedAt,
                p.note,
                p.createdAt,
                p.proposedBy,
                p.proposedAt,
                p.decidedBy,
                p.decidedAt,
                p.decisionComment,
                p.tickSequence);
    }

    @GET
    @WithSession
    @Operation(
            summary = "Held feed values and manual prices: the pending ones first, then the latest decided (50 in all)")
    public Uni<List<ProposalView>> latest() {
        return approvals
                .latest()
                .map(list -> list.stream().map(PriceProposalResource::view).toList());
    }

    @POST
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Propose a manual spot price (USD per troy ounce, with a note); another treasury user approves")
    public Uni<Response> propose(PriceApprovals.ManualPrice price) {
        if (price == null) {
            throw new CentreException(
                    CentreError.BAD_REQUEST, "The request needs a JSON body with spotUsdPerTroyOunce and note.");
        }
        return approvals
                .propose(price, identity.getPrincipal().getName())
                .invoke(events::pricingChanged)
                .map(saved -> Response.status(Response.Status.CREATED)
                        .entity(view(saved))
                        .build());
    }

    @POST
    @Path("{id}/approve")
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Approve a price: a held value's first approval vouches for it, a second treasury user's "
                    + "publishes it")
    public Uni<ProposalView> approve(@PathParam("id") long id, PolicyResource.Decision decision) {
        return approvals
                .approve(id, identity.getPrincipal().getName(), decision == null ? null : decision.comment())
                .invoke(events::pricingChanged)
                .map(outcome -> view(outcome.proposal()));
    }

    @POST
    @Path("{id}/reject")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Reject a held value or a manual price (its proposer may withdraw it this way)")
    public Uni<ProposalView> reject(@PathParam("id") long id, PolicyResource.Decision decision) {
        return approvals
                .reject(id, identity.getPrincipal().getName(), decision == null ? null : decision.comment())
                .invoke(events::pricingChanged)
                .map(PriceProposalResource::view);
    }
}
