package org.goldbuying.station.lot;

/**
 * Why a quoted lot needs a supervisor's approval before payment. The declaration order is the order in which the
 * reasons are stored (column {@code approval_reasons}, comma-separated) and shown.
 */
public enum ApprovalReason {
    /** The net payable is above the large-lot limit. */
    LARGE_VALUE,
    /** Linked transactions of the same seller in the AML window reach the threshold (structuring). */
    AML_LINKED,
    /** The fineness (or an XRF shot) was typed in rather than read from the analyser. */
    MANUAL_ASSAY,
    /** The density test does not match the XRF composition: the inside may differ from the surface. */
    DENSITY_MISMATCH,
    /** The weight was typed by hand: the registered balance did not weigh the lot. */
    TYPED_WEIGHT,
    /**
     * XRF shots did not arrive on the registered analyser's serial line (an imported export or pasted result lines):
     * a supervisor checks them against the analyser before the lot is paid.
     */
    OFF_LINE_ASSAY
}
