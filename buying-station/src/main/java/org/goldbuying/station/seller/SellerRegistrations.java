package org.goldbuying.station.seller;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.station.identity.StationIdentity;
import org.goldbuying.station.outbox.Outbox;

/**
 * Sends a seller registered here to the national register: the whole seller as the station knows it, signed with
 * the station's key, into the outbox in the transaction that registered them (or added a site), so the centre hears
 * of every seller the counter sold for, in order with the station's purchases, however long the link was down.
 */
@ApplicationScoped
public class SellerRegistrations {
    private final Outbox outbox;
    private final StationIdentity identity;
    private final Clock clock;

    public SellerRegistrations(Outbox outbox, StationIdentity identity, Clock clock) {
        this.outbox = outbox;
        this.identity = identity;
        this.clock = clock;
    }
    /** Appends the registration itself (version 0); must run in the registration's transaction. */
    public Uni<Void> announceRegistration(Seller seller, String by) {
        return append(seller, by);
    }

    /** Appends the seller's next version (a site added); must run in the change's transaction. */
    public Uni<Void> announceNextVersion(Seller seller, String by) {
        seller.registrationVersion++;
        return append(seller, by);
    }

    private Uni<Void> append(Seller seller, String by) {
        SellerRegistration unsigned = new SellerRegistration(
                SellerRegistration.CONTRACT,
                UUID.randomUUID(),
                identity.stationId(),
                seller.id,
                seller.registrationVersion,
                seller.type,
                seller.name,
                seller.nationalId,
                seller.licenceNumber,
                seller.licenceExpiry,
                seller.mobileMoneyNumber,
                seller.sites.stream()
                        .map(site -> new SellerRegistration.Site(
                                site.id, site.name, site.latitude, site.longitude, site.licenceArea))
                        .toList(),
                seller.registeredAt,
                by,
                clock.instant(),
                identity.signingKey().keyId(),
                null);
        String signed = SignedPurchases.signRegistration(unsigned, identity.signingKey());
        return outbox.append(seller.id, Contract.SELLER_REGISTRATION.name(), identity.stationId(), signed)
                .replaceWithVoid();
    }
}
