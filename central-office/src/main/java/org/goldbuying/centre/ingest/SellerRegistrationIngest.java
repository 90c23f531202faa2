package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.goldbuying.centre.integrity.IntegrityIncident;
import org.goldbuying.centre.seller.SellerRegister;
import org.goldbuying.centre.station.StationKeyRegistry;
import org.goldbuying.contracts.SellerRegistration;
import org.jboss.logging.Logger;

/**
 * Takes the stations' signed seller registrations (docs/contracts/seller-registration.v1.schema.json) into the national
 * register, one at a time (they are rare beside purchases). A registration counts only when signed by a key approved
 * for its station, as a purchase does; anything else is an integrity incident and changes nothing: whoever can write to
 * Kafka cannot add, rename or merge a seller.
 */
@ApplicationScoped
public class SellerRegistrationIngest {
    private static final Logger LOG = Logger.getLogger(SellerRegistrationIngest.class);

    private final StationKeyRegistry keys;
    private final SellerRegister register;

    public SellerRegistrationIngest(StationKeyRegistry keys, SellerRegister register) {
        this.keys = keys;
        this.register = register;
    }

    private static Uni<Optional<BatchOutcome.Parked>> refused(
            ValidRegistration valid, IntegrityIncident.Kind kind, String evidence) {
        return Uni.createFrom()
                .item(Optional.of(BatchOutcome.Parked.incident(
                        valid.message(), kind, valid.registration().stationId(), null, evidence)));
    }

    /** A registration that satisfied its contract, with the bytes its signature covers. */
    record ValidRegistration(IncomingPurchase message, SellerRegistration registration, byte[] signedBytes) {}

    /** The registrations refused (parked with their incidents); the others are in the register. */
    Uni<List<BatchOutcome.Parked>> store(List<ValidRegistration> registrations) {
        if (registrations.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom()
                .iterable(registrations)
                .onItem()
                .transformToUniAndConcatenate(valid -> PurchaseIngest.whileTheDatabaseRecovers(one(valid)))
                .filter(Optional::isPresent)
                .map(Optional::get)
                .collect()
                .asList();
    }

    private Uni<Optional<BatchOutcome.Parked>> one(ValidRegistration valid) {
        SellerRegistration r = valid.registration();
        return keys.ofStations(new String[] {r.stationId()}).chain(registered -> {
            Optional<PurchaseTrust.KeyRefusal> untrusted = PurchaseTrust.keyRefusal(
                    registered,
                    r.stationId(),
                    r.stationKeyId(),
                    r.changedAt(),
                    valid.signedBytes(),
                    r.signature(),
                    false,
                    "registration of seller " + r.stationSellerId() + ", " + r.name());
            if (untrusted.isPresent()) {
                return refused(valid, untrusted.get().kind(), untrusted.get().evidence());
            }
            return register.apply(r, valid.message().json())
                    .invoke(applied -> LOG.infof(
                            "Seller %s of station %s (version %d): %s",
                            r.stationSellerId(), r.stationId(), r.version(), applied))
                    .replaceWith(Optional.<BatchOutcome.Parked>empty())
                    // a registration the register cannot take is parked with its incident: it never stops the
                    // stream of purchases behind it
                    .onFailure(SellerRegister.Refused.class)
                    .recoverWithUni(
                            refusal -> refused(valid, IntegrityIncident.Kind.REGISTRATION, refusal.getMessage()))
                    .onFailure(PurchaseIngest::refusedByDatabase)
                    .recoverWithUni(refusal -> refused(
                            valid,
                            IntegrityIncident.Kind.REGISTRATION,
                            "the register's database refused registration of seller " + r.stationSellerId() + ": "
                                    + refusal.getMessage()));
        });
    }
}
