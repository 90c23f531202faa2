package org.goldbuying.station.lot;

/**
 * ASSAYING (weighed, waiting for XRF shots) -> QUOTED -> PAID; a lot with a typed fineness starts QUOTED. VOID only
 * by a supervisor. A lot is never deleted.
 */
public enum LotStatus {
    ASSAYING,
    QUOTED,
    PAID,
    VOID
}
