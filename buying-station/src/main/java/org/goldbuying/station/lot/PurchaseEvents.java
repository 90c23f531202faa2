package org.goldbuying.station.lot;

import java.util.UUID;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.station.identity.StationIdentity;

/**
 * Builds the purchase event (docs/contracts/purchase-event.v2.schema.json) from a paid lot, ready to be signed with
 * the station's key.
 */
final class PurchaseEvents {
    private PurchaseEvents() {}

    static PurchaseEvent paid(Lot lot, StationIdentity station, String previousPurchaseHash) {
        if (lot.status() != LotStatus.PAID) {
            throw new IllegalStateException("only a paid lot becomes a purchase event: " + lot.id());
        }
        LotWeighing weighing = lot.weighing();
        QuoteTerms quote = lot.quote();
        LotPayment payment = lot.payment();
        return new PurchaseEvent(
                PurchaseEvent.SIGNED_CONTRACT,
                UUID.randomUUID(),
                lot.id(),
                station.stationId(),
                station.region(),
                payment.stationSequence(),
                payment.paidAt(),
                new PurchaseEvent.Seller(lot.sellerId(), lot.sellerType()),
                new PurchaseEvent.Weighing(
                        weighing.deviceId(),
                        weighing.readingId(),
                        weighing.grossGrams(),
                        weighing.typed()
                                ? new PurchaseEvent.TypedOverride(
                                        weighing.overrideReason(),
                                        lot.createdBy(),
                                        lot.approval().approvedBy())
                                : null),
                new PurchaseEvent.Assay(
                        lot.assay().finenessPerMille(), lot.assay().method()),
                quote.fineGrams(),
                new PurchaseEvent.Price(quote.tickSequence(), quote.spotUsdPerTroyOunce(), quote.fxLocalPerUsd()),
                quote.currency(),
                quote.currencyExponent(),
                quote.grossValueMinor(),
                quote.deductionsMinor(),
                quote.netPayableMinor(),
                payment.verificationCode(),
                station.signingKey().keyId(),
                previousPurchaseHash,
                null);
    }
}
