package org.goldbuying.station.seller;

/** Whether the station may buy from a seller. Blocking is reversible and always carries a reason. */
public enum SellerStatus {
    ACTIVE,
    BLOCKED
}
