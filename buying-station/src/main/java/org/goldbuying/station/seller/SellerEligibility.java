package org.goldbuying.station.seller;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** Whether a registered seller may sell from a declared mine site today. Plain Java, no I/O. */
public final class SellerEligibility {
    private SellerEligibility() {}

    public static Optional<SellerRefusal> check(Seller seller, UUID mineSiteId, LocalDate today) {
        if (seller == null) {
            return Optional.of(new SellerRefusal(
                    SellerRefusal.Reason.UNKNOWN_SELLER,
                    "This seller is not registered at the station. Register them with their ID and licence first."));
        }
        if (seller.nationalStatus == SellerStatus.BLOCKED) {
            return Optional.of(new SellerRefusal(
                    SellerRefusal.Reason.SELLER_BLOCKED,
                    "This seller is blocked by the national register: " + seller.nationalStatusReason
                            + ". No purchase is possible at any station."));
        }
        if (seller.status == SellerStatus.BLOCKED) {
            return Optional.of(new SellerRefusal(
                    SellerRefusal.Reason.SELLER_BLOCKED,
                    "This seller is blocked: " + seller.statusReason + ". No purchase is possible."));
        }
        if (seller.licenceExpiry != null && today.isAfter(seller.licenceExpiry)) {
            return Optional.of(new SellerRefusal(
                    SellerRefusal.Reason.LICENCE_EXPIRED,
                    "The seller's licence " + seller.licenceNumber + " expired on " + seller.licenceExpiry
                            + ". The seller must renew it before selling."));
        }
        if (mineSiteId == null || seller.sites.stream().noneMatch(site -> site.id.equals(mineSiteId))) {
            return Optional.of(new SellerRefusal(
                    SellerRefusal.Reason.UNKNOWN_MINE_SITE,
                    "The mine site is not one this seller declared. Declare the site on the seller's record first."));
        }
        return Optional.empty();
    }
}
