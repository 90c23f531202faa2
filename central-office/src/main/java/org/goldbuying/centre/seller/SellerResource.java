package org.goldbuying.centre.seller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.ProposalSeen;
import org.goldbuying.centre.security.Roles;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.web.WrittenReason;

/**
 * The national register of sellers: compliance reads and decides a seller's standing with four eyes; treasury and
 * auditors read. Sellers enter the register from the stations' signed registrations, never through this API.
 */
@Path("/api/sellers")
@RolesAllowed({Roles.COMPLIANCE, Roles.TREASURY, Roles.AUDITOR})
public class SellerResource {
    private final SellerViews views;
    private final SellerStanding standing;
    private final SecurityIdentity identity;

    public SellerResource(SellerViews views, SellerStanding standing, SecurityIdentity identity) {
        this.views = views;
        this.standing = standing;
        this.identity = identity;
    }

    /** A change of standing: BLOCKED with the reason every counter will show, or ACTIVE with why the block ends. */
    public record StandingProposal(
            @NotNull SellerRecord.Status status,

            @NotBlank
            @Size(max = 1000)
            @Pattern(regexp = WrittenReason.AT_LEAST_10, message = WrittenReason.AT_LEAST_10_RULE)
            String reason) {}

    @GET
    @Operation(
            summary = "Sellers of the national register whose name, national ID or licence contains q (blocked first)")
    public Uni<List<SellerViews.Summary>> search(
            @QueryParam("q") @Size(max = 60) String text,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @jakarta.validation.constraints.Min(1)
                    @jakarta.validation.constraints.Max(1000)
                    int limit) {
        return views.search(text, limit);
    }

    @GET
    @Path("{sellerId}")
    @Operation(summary = "One seller: every station's id for them, merges, sites and the history of their standing")
    public Uni<SellerViews.Detail> one(@PathParam("sellerId") UUID sellerId) {
        return views.one(sellerId);
    }

    @POST
    @Path("{sellerId}/standing")
    @RolesAllowed(Roles.COMPLIANCE)
    @Operation(
            summary = "Propose blocking or unblocking a seller at every station, with the reason; another officer"
                    + " approves it")
    public Uni<SellerViews.Detail> propose(
            @PathParam("sellerId") UUID sellerId, @Valid @NotNull StandingProposal proposal) {
        return standing.propose(sellerId, proposal.status(), proposal.reason().strip(), who())
                .chain(() -> views.one(sellerId));
    }

    @POST
    @Path("{sellerId}/standing/approve")
    @RolesAllowed(Roles.COMPLIANCE)
    @Operation(summary = "Approve the pending change of standing you read (not your own): every station is told")
    public Uni<SellerViews.Detail> approve(@PathParam("sellerId") UUID sellerId, @Valid @NotNull ProposalSeen seen) {
        return standing.approve(sellerId, seen, who()).chain(() -> views.one(sellerId));
    }

    @POST
    @Path("{sellerId}/standing/withdrawal")
    @RolesAllowed(Roles.COMPLIANCE)
    @Operation(summary = "Withdraw the change of standing you proposed (only its proposer can): the standing stays")
    public Uni<SellerViews.Detail> withdraw(@PathParam("sellerId") UUID sellerId, @Valid @NotNull ProposalSeen seen) {
        return standing.withdraw(sellerId, seen, who()).chain(() -> views.one(sellerId));
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
