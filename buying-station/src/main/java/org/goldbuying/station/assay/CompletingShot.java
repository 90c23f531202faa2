package org.goldbuying.station.assay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.goldbuying.station.lot.ApprovalReasonsConverter;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.lot.LotAssay;
import org.goldbuying.station.lot.QuoteTerms;

/**
 * The shot that completes a clean assay, and the lot's quote, written by one statement: the lot's update, guarded by
 * its version and state, feeds the shot's insert, so both are stored or neither, in one round trip and without
 * BEGIN and COMMIT. This is the last step of the assay-to-price path (docs/performance.md), so it goes straight to
 * the reactive PostgreSQL client as a prepared statement each connection keeps, without a Hibernate session; every
 * other write of a lot goes through Hibernate's mapping. A test (CompletingShotMappingTest) checks its
 * columns against the entities' mapping, so that a new field of {@link Lot} or {@link XrfShotRecord} is not forgotten.
 */
final class CompletingShot {
    static final String QUOTE_AND_SHOT = """
            WITH quoted AS (
                UPDATE lot SET status = 'QUOTED', fineness_per_mille = $1::numeric, xrf_composition = $2::text,
                    assay_method = $3::text, assay_note = NULL, tick_sequence = $4::int8, fine_grams = $5::numeric,
                    spot_usd_per_troy_ounce = $6::numeric, spot_usd_per_gram = $7::numeric,
                    fx_local_per_usd = $8::numeric, local_per_fine_gram = $9::numeric, currency = $10::text,
                    currency_exponent = $11::int4, gross_value_minor = $12::int8, discount_minor = $13::int8,
                    royalty_minor = $14::int8, fees_minor = $15::int8, net_payable_minor = $16::int8,
                    advance_minor = $17::int8, retention_minor = $18::int8, quoted_at = $19::timestamptz,
                    locked_until = $20::timestamptz, approval_reasons = $21::text, assay_off_line = $35::bool,
                    version = version + 1
                WHERE id = $22::uuid AND version = $23::int4 AND status = 'ASSAYING'
                RETURNING id)
            INSERT INTO xrf_shot (lot_id, shot_id, analyser_model, analyser_serial, measured_at, measurement_millis,
                source, received_via, entered_by, readings, raw, received_at, discarded, discarded_reason)
            SELECT id, $24::text, $25::text, $26::text, $27::timestamptz, $28::int8, $29::text, $30::text, $31::text,
                $32::text, $33::text, $34::timestamptz, FALSE, NULL
            FROM quoted""";

    private CompletingShot() {}

    /** True when stored; false when the lot had changed meanwhile (nothing is stored then). */
    static Uni<Boolean> store(Pool database, Lot lot, XrfShotRecord shot) {
        return database.preparedQuery(QUOTE_AND_SHOT).execute(values(lot, shot)).map(inserted -> {
            if (inserted.rowCount() == 1) {
                lot.versionIncrementedInDatabase();
                return true;
            }
            return false;
        });
    }

    /** The statement's parameters, $1 to $35, in order. */
    static Tuple values(Lot lot, XrfShotRecord shot) {
        LotAssay assay = lot.assay();
        QuoteTerms quote = lot.quote();
        return Tuple.from(Arrays.asList(
                assay.finenessPerMille(),
                assay.composition(),
                assay.method().name(),
                quote.tickSequence(),
                quote.fineGrams(),
                quote.spotUsdPerTroyOunce(),
                quote.spotUsdPerGram(),
                quote.fxLocalPerUsd(),
                quote.localPerFineGram(),
                quote.currency(),
                quote.currencyExponent(),
                quote.grossValueMinor(),
                quote.discountMinor(),
                quote.royaltyMinor(),
                quote.feesMinor(),
                quote.netPayableMinor(),
                quote.advanceMinor(),
                quote.retentionMinor(),
                utc(quote.quotedAt()),
                utc(quote.lockedUntil()),
                ApprovalReasonsConverter.toColumn(lot.approval().reasons()),
                lot.id(),
                lot.version(),
                shot.shotId,
                shot.analyserModel,
                shot.analyserSerial,
                utc(shot.measuredAt),
                shot.measurementMillis,
                shot.source,
                shot.receivedVia,
                shot.enteredBy,
                shot.readings,
                shot.raw,
                utc(shot.receivedAt),
                assay.offLine()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
