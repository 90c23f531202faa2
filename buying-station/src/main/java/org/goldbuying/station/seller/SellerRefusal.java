package org.goldbuying.station.seller;

/** Why a seller may not sell now: a code for programs and a sentence the clerk can read out. */
public record SellerRefusal(Reason reason, String message) {
    public enum Reason {
        UNKNOWN_SELLER,
        SELLER_BLOCKED,
        LICENCE_EXPIRED,
        UNKNOWN_MINE_SITE,
        CAP_EXCEEDED
    }
}
