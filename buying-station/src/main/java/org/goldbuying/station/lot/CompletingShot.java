package org.goldbuying.station.lot;

import org.goldbuying.station.assay.XrfShotRecord;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The shot that completes a clean assay, and the lot's quote, written by one statement: the lot's update, guarded by
 * its version and state, feeds the shot's insert, so both are stored or neither, in one round trip and without
 * BEGIN and COMMIT. This is the last step of the assay-to-price path (docs/performance.md); every other write of a
 * lot goes through Hibernate's mapping. Keep the columns in step with {@link Lot#applyQuote} and
 * {@link XrfShotRecord}: the XRF tests read the lot and its shots back through Hibernate.
 */
final class CompletingShot {
    static final String QUOTE_AND_SHOT = """
            WITH quoted AS (
                UPDATE lot SET status = 'QUOTED', fineness_per_mille = :fineness, xrf_composition = :composition,
                    assay_method = :assayMethod, assay_note = NULL, tick_sequence = :tick, fine_grams = :fineGrams,
                    spot_usd_per_troy_ounce = :spot, spot_usd_per_gram = :spotPerGram, fx_local_per_usd = :fx,
                    local_per_fine_gram = :localPerFineGram, currency = :currency, currency_exponent = :exponent,
                    gross_value_minor = :gross, discount_minor = :discount, royalty_minor = :royalty,
                    fees_minor = :fees, net_payable_minor = :net, advance_minor = :advance,
                    retention_minor = :retention, quoted_at = :quotedAt, locked_until = :lockedUntil,
                    approval_reasons = :approvals, version = version + 1
                WHERE id = :lot AND version = :version AND status = 'ASSAYING'
                RETURNING id)
            INSERT INTO xrf_shot (lot_id, shot_id, analyser_model, analyser_serial, measured_at, measurement_millis,
                source, received_via, entered_by, readings, raw, received_at, discarded, discarded_reason)
            SELECT id, CAST(:shotId AS text), CAST(:model AS text), CAST(:serial AS text),
                CAST(:measuredAt AS timestamptz), CAST(:millis AS bigint), CAST(:source AS text),
                CAST(:via AS text), CAST(:enteredBy AS text), CAST(:readings AS text), CAST(:raw AS text),
                CAST(:receivedAt AS timestamptz), FALSE, NULL
            FROM quoted""";

    private CompletingShot() {
    }

    /** True when stored; false when the lot had changed meanwhile (nothing is stored then). */
    static Uni<Boolean> store(Mutiny.StatelessSession queries, Lot lot, XrfShotRecord shot) {
        return queries.createNativeQuery(QUOTE_AND_SHOT)
                .setParameter("fineness", lot.finenessPerMille)
                .setParameter("composition", lot.xrfComposition)
                .setParameter("assayMethod", lot.assayMethod.name())
                .setParameter("tick", lot.tickSequence)
                .setParameter("fineGrams", lot.fineGrams)
                .setParameter("spot", lot.spotUsdPerTroyOunce)
                .setParameter("spotPerGram", lot.spotUsdPerGram)
                .setParameter("fx", lot.fxLocalPerUsd)
                .setParameter("localPerFineGram", lot.localPerFineGram)
                .setParameter("currency", lot.currency)
                .setParameter("exponent", lot.currencyExponent)
                .setParameter("gross", lot.grossValueMinor)
                .setParameter("discount", lot.discountMinor)
                .setParameter("royalty", lot.royaltyMinor)
                .setParameter("fees", lot.feesMinor)
                .setParameter("net", lot.netPayableMinor)
                .setParameter("advance", lot.advanceMinor)
                .setParameter("retention", lot.retentionMinor)
                .setParameter("quotedAt", lot.quotedAt)
                .setParameter("lockedUntil", lot.lockedUntil)
                .setParameter("approvals", lot.approvalReasons)
                .setParameter("lot", lot.id)
                .setParameter("version", lot.version)
                .setParameter("shotId", shot.shotId)
                .setParameter("model", shot.analyserModel)
                .setParameter("serial", shot.analyserSerial)
                .setParameter("measuredAt", shot.measuredAt)
                .setParameter("millis", shot.measurementMillis)
                .setParameter("source", shot.source)
                .setParameter("via", shot.receivedVia)
                .setParameter("enteredBy", shot.enteredBy)
                .setParameter("readings", shot.readings)
                .setParameter("raw", shot.raw)
                .setParameter("receivedAt", shot.receivedAt)
                .executeUpdate()
                .map(inserted -> {
                    if (inserted == 1) {
                        lot.version++;
                        return true;
                    }
                    return false;
                });
    }
}
