package org.goldbuying.station.lot;

import java.util.ArrayList;
import java.util.List;

/**
 * Which approvals a quoted lot needs before payment: a large lot, linked transactions of the same seller over the
 * AML threshold (structuring), a fineness typed by hand (nothing but the clerk's word stands behind it), a density
 * test that contradicts the XRF composition, or a weight typed by hand instead of read from the balance. Plain
 * Java; the caller supplies what the seller was already paid in the window.
 */
public final class ApprovalRules {
    public static final String LARGE_VALUE = "LARGE_VALUE";
    public static final String AML_LINKED = "AML_LINKED";
    /** The fineness (or an XRF shot) was typed in rather than read from the analyser. */
    public static final String MANUAL_ASSAY = "MANUAL_ASSAY";
    /** The density test does not match the XRF composition: the inside may differ from the surface. */
    public static final String DENSITY_MISMATCH = "DENSITY_MISMATCH";
    /** The weight was typed by hand: the registered balance did not weigh the lot. */
    public static final String TYPED_WEIGHT = "TYPED_WEIGHT";

    private ApprovalRules() {
    }

    public static List<String> reasons(long netPayableMinor, long paidInWindowMinor, long largeLotMinor,
            long amlThresholdMinor, boolean manualAssay, boolean densityMismatch, boolean typedWeight) {
        List<String> reasons = new ArrayList<>(5);
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
        if (typedWeight) {
            reasons.add(TYPED_WEIGHT);
        }
        return reasons;
    }

    public static boolean amlLinked(long netPayableMinor, long paidInWindowMinor, long amlThresholdMinor) {
        return Math.addExact(netPayableMinor, paidInWindowMinor) >= amlThresholdMinor;
    }
}
