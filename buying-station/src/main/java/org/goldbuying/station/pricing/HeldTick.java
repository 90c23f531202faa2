package org.goldbuying.station.pricing;

/** The latest official price tick the station holds: either suspended (with the centre's reason) or priced. */
public record HeldTick(long sequence, boolean suspended, String suspendedReason, PriceTerms terms) {
    public HeldTick {
        if (!suspended && terms == null) {
            throw new IllegalArgumentException("an active tick needs its price terms");
        }
    }
}
