package org.goldbuying.centre.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/**
 * The proposal a four-eyes decision names: its author and time, as the page its decider read showed them. A proposal
 * withdrawn and made again meanwhile (another author, another reason) is then refused as changed, so that a stale page
 * decides nothing its reader did not see.
 */
public record ProposalSeen(
        @NotBlank String proposedBy, @NotNull OffsetDateTime proposedAt) {
    /** Whether the pending proposal is this one (times compared as instants: the offset may differ). */
    public boolean is(String pendingBy, OffsetDateTime pendingAt) {
        return proposedBy.equals(pendingBy)
                && pendingAt != null
                && proposedAt.toInstant().equals(pendingAt.toInstant());
    }
}
