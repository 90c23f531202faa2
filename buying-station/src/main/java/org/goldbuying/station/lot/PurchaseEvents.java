package org.goldbuying.station.lot;

import java.util.UUID;

import org.goldbuying.contracts.PurchaseEvent;

/** Builds the purchase event (docs/contracts/purchase-event.v1.schema.json) from a paid lot. */
final class PurchaseEvents {
    private PurchaseEvents() {
    }

    static PurchaseEvent paid(Lot lot, String stationId, String region) {
        if (lot.status != LotStatus.PAID) {
            throw new IllegalStateException("only a paid lot becomes a purchase event: " + lot.id);
        }
        return new PurchaseEvent(PurchaseEvent.CONTRACT, UUID.randomUUID(), lot.id, stationId, region,
                lot.stationSequence, lot.paidAt,
                new PurchaseEvent.Seller(lot.sellerId, lot.sellerType),
                new PurchaseEvent.Weighing(lot.deviceId, lot.readingId, lot.grossGrams, lot.weightTyped()
                        ? new PurchaseEvent.TypedOverride(lot.weightOverrideReason, lot.createdBy, lot.approvedBy)
                        : null),
                new PurchaseEvent.Assay(lot.finenessPerMille, lot.assayMethod),
                lot.fineGrams,
                new PurchaseEvent.Price(lot.tickSequence, lot.spotUsdPerTroyOunce, lot.fxLocalPerUsd),
                lot.currency, lot.currencyExponent, lot.grossValueMinor, lot.deductionsMinor(),
                lot.netPayableMinor, lot.verificationCode);
    }
}
