package org.goldbuying.centre.station;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.goldbuying.centre.common.ProposalSeen;
import org.goldbuying.centre.security.Roles;
import org.goldbuying.web.WrittenReason;

@Path("/api/station-keys")
@RolesAllowed({Roles.TREASURY, Roles.AUDITOR})
public class StationKeyResource {
    private final StationKeyRegistry registry;
    private final SecurityIdentity identity;

    public StationKeyResource(StationKeyRegistry registry, SecurityIdentity identity) {
        this.registry = registry;
        this.identity = identity;
    }

    public record Proposal(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "is not a station id (e.g. MUB-01)")
            String stationId,

            @NotBlank @Size(max = 64) String region,
            @NotBlank @Size(max = 200) String publicKey,

            @NotBlank
            @Size(max = 1000)
            @Pattern(regexp = WrittenReason.AT_LEAST_10, message = WrittenReason.AT_LEAST_10_RULE)
            String reason) {}

    /** Why: a revocation proposed or withdrawn, a key rejected or withdrawn. */
    public record Reason(
            @NotBlank
            @Size(max = 1000)
            @Pattern(regexp = WrittenReason.AT_LEAST_10, message = WrittenReason.AT_LEAST_10_RULE)
            String reason) {}

    /** What anyone may read to check a receipt: each station's keys whose purchases count, and revoked ones. */
    public record PublishedKey(String keyId, String stationId, String region, String publicKey, String status) {}

    @GET
    @Operation(summary = "Every station key with its status and who proposed, approved and revoked it")
    public Uni<List<StationKeyRegistry.StationKey>> all() {
        return registry.all();
    }

    @GET
    @Path("published")
    @PermitAll
    @Operation(summary = "Public: each registered station key (base64 X.509) and its status, to check receipts with")
    public Uni<List<PublishedKey>> published() {
        return registry.all()
                .map(keys -> keys.stream()
                        .filter(key -> !key.neverApproved())
                        .map(key -> new PublishedKey(
                                key.keyId(), key.stationId(), key.region(), key.publicKey(), key.status()))
                        .toList());
    }

    @POST
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Propose a station's key (its first, or the next one: a rotation); another user approves it")
    public Uni<StationKeyRegistry.StationKey> propose(@Valid @NotNull Proposal proposal) {
        return registry.propose(
                proposal.stationId(),
                proposal.region().strip(),
                proposal.publicKey().strip(),
                proposal.reason().strip(),
                who());
    }

    @POST
    @Path("{keyId}/approve")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Approve a proposed key (not its proposer); the station's previous key is retired")
    public Uni<StationKeyRegistry.StationKey> approve(@PathParam("keyId") String keyId) {
        return registry.approve(keyId, who());
    }

    @POST
    @Path("{keyId}/reject")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Reject a proposed key (or withdraw your own proposal), with the reason: it never counts")
    public Uni<StationKeyRegistry.StationKey> reject(@PathParam("keyId") String keyId, @Valid @NotNull Reason reason) {
        return registry.reject(keyId, reason.reason().strip(), who());
    }

    @POST
    @Path("{keyId}/revocation")
    @RolesAllowed(Roles.TREASURY)
    @Operation(summary = "Propose revoking a key (it counts until another user confirms)")
    public Uni<StationKeyRegistry.StationKey> proposeRevocation(
            @PathParam("keyId") String keyId, @Valid @NotNull Reason revocation) {
        return registry.proposeRevocation(keyId, revocation.reason().strip(), who());
    }

    @POST
    @Path("{keyId}/revocation/withdrawal")
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Withdraw the revocation you proposed, with the reason (only its proposer can): the key counts"
                    + " as before, and the withdrawn proposal is kept")
    public Uni<StationKeyRegistry.StationKey> withdrawRevocation(
            @PathParam("keyId") String keyId, @Valid @NotNull Reason withdrawal) {
        return registry.withdrawRevocation(keyId, withdrawal.reason().strip(), who());
    }

    @GET
    @Path("withdrawn-revocations")
    @Operation(summary = "Every revocation proposal its proposer withdrew, newest first, with both reasons")
    public Uni<List<StationKeyRegistry.WithdrawnRevocation>> withdrawnRevocations() {
        return registry.withdrawnRevocations();
    }

    @POST
    @Path("{keyId}/revoke")
    @RolesAllowed(Roles.TREASURY)
    @Operation(
            summary = "Confirm a proposed revocation (not its proposer), naming the proposal read (its proposer and"
                    + " time, as the key list shows them): nothing more the key signs counts")
    public Uni<StationKeyRegistry.StationKey> revoke(
            @PathParam("keyId") String keyId, @Valid @NotNull ProposalSeen seen) {
        return registry.confirmRevocation(keyId, seen, who());
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
