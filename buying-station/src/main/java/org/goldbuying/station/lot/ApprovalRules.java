package org.goldbuying.station.lot;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which approvals a quoted lot needs before payment: a large lot, linked transactions of the same seller over the
 * AML threshold (structuring), and whatever the lot's own record asks for whatever its value (a fineness typed by
 * hand, a density test that contradicts the XRF composition, a weight typed by hand: {@link Lot#concerns()}). Plain
 * Java; the caller supplies what the seller was already paid in the window.
 */
public final class ApprovalRules {

    /** The amounts that call for a supervisor, in minor units of the currency. */
    public record Limits(long largeLotMinor, long amlThresholdMinor) {}

    /** What the rules look at: the lot's net payable, the seller's paid total in the window, the lot's concerns. */
    public record Facts(long netPayableMinor, long paidInWindowMinor, Set<ApprovalReason> concerns) {}

    private static final Set<ApprovalReason> VALUE_BASED =
            EnumSet.of(ApprovalReason.LARGE_VALUE, ApprovalReason.AML_LINKED);

    private ApprovalRules() {}

    public static EnumSet<ApprovalReason> reasons(Facts facts, Limits limits) {
        EnumSet<ApprovalReason> reasons = EnumSet.noneOf(ApprovalReason.class);
        if (facts.netPayableMinor() > limits.largeLotMinor()) {
            reasons.add(ApprovalReason.LARGE_VALUE);
        }
        if (amlLinked(facts.netPayableMinor(), facts.paidInWindowMinor(), limits.amlThresholdMinor())) {
            reasons.add(ApprovalReason.AML_LINKED);
        }
        // the value-based reasons are this rule's to decide, whatever the caller passed as concerns
        facts.concerns().stream()
                .filter(reason -> !VALUE_BASED.contains(reason))
                .forEach(reasons::add);
        return reasons;
    }

    public static boolean amlLinked(long netPayableMinor, long paidInWindowMinor, long amlThresholdMinor) {
        return Math.addExact(netPayableMinor, paidInWindowMinor) >= amlThresholdMinor;
    }
}
