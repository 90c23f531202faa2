package org.goldbuying.station.lot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which approvals a quoted lot needs before payment: a large lot, or linked transactions of the same seller over the
 * AML threshold (structuring). Plain Java; the caller supplies what the seller was already paid in the window.
 */
public final class ApprovalRules {
    public static final String LARGE_VALUE = "LARGE_VALUE";
    public static final String AML_LINKED = "AML_LINKED";

    private ApprovalRules() {
    }

    public static List<String> reasons(long netPayableMinor, long paidInWindowMinor, long largeLotMinor,
            long amlThresholdMinor) {
        List<String> reasons = new ArrayList<>(2);
        if (netPayableMinor > largeLotMinor) {
            reasons.add(LARGE_VALUE);
        }
        if (amlLinked(netPayableMinor, paidInWindowMinor, amlThresholdMinor)) {
            reasons.add(AML_LINKED);
        }
        return reasons;
    }

    public static boolean amlLinked(long netPayableMinor, long paidInWindowMinor, long amlThresholdMinor) {
        return Math.addExact(netPayableMinor, paidInWindowMinor) >= amlThresholdMinor;
    }
}
