package org.goldbuying.station.lot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which approvals a quoted lot needs before payment: a large lot, linked transactions of the same seller over the
 * AML threshold (structuring), a fineness typed by hand (nothing but the clerk's word stands behind it), or a density
 * test that contradicts the XRF composition. Plain
 * Java; the caller supplies what the seller was already paid in the window.
 */
public final class ApprovalRules {
    public static final String LARGE_VALUE = "LARGE_VALUE";
    public static final String AML_LINKED = "AML_LINKED";
    /** The fineness (or an XRF shot) was typed in rather than read from the analyser. */
    public static final String MANUAL_ASSAY = "MANUAL_ASSAY";
    /** The density test does not match the XRF composition: the inside may differ from the surface. */
    public static final String DENSITY_MISMATCH = "DENSITY_MISMATCH";

    private ApprovalRules() {
    }

    public static List<String> reasons(long netPayableMinor, long paidInWindowMinor, long largeLotMinor,
            long amlThresholdMinor, boolean manualAssay, boolean densityMismatch) {
        List<String> reasons = new ArrayList<>(4);
        if (netPayableMinor > largeLotMinor) {
            reasons.add(LARGE_VALUE);
        }
        if (amlLinked(netPayableMinor, paidInWindowMinor, amlThresholdMinor)) {
            reasons.add(AML_LINKED);
        }
        if (manualAssay) {
            reasons.add(MANUAL_ASSAY);
        }
        if (densityMismatch) {
            reasons.add(DENSITY_MISMATCH);
        }
        return reasons;
    }

    public static boolean amlLinked(long netPayableMinor, long paidInWindowMinor, long amlThresholdMinor) {
        return Math.addExact(netPayableMinor, paidInWindowMinor) >= amlThresholdMinor;
    }
}
