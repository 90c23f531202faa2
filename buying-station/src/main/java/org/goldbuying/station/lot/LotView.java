package org.goldbuying.station.lot;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A lot as the API shows it: every weighing, assay and price term. Decimals are strings so that no client reads
 * mass or money through a binary float; money is in integer minor units of {@code currency}.
 */
public record LotView(
        UUID id,
        LotStatus status,
        String sellerId,
        String sellerType,
        Weighing weighing,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal finenessPerMille,
        String assayMethod,
        Quote quote,
        Long stationSequence,
        Instant paidAt,
        String paymentMethod,
        String verificationCode,
        Approval approval,
        String createdBy,
        String paidBy,
        Assay assay,
        String paymentReference,
        Voided voided) {

    /** Who voided the lot, when and why (a supervisor; the lot keeps every other figure). */
    public record Voided(String reason, String by, Instant at) {}

    /**
     * The XRF side of the assay: what the clerk must do next, fraud flags, the averaged composition, every shot and
     * the density test. Empty lists and nulls for a lot whose fineness was typed.
     */
    public record Assay(
            String note,
            List<FlagView> flags,
            String releasedBy,
            Instant releasedAt,
            Map<String, String> composition,
            List<ShotView> shots,
            Density density) {}

    public record Density(
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal gramsInAir,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal gramsInWater,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal waterCelsius,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal measured,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal expected,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal relativeDifference,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal allowed,
            String mismatch,
            String measuredBy,
            Instant measuredAt) {}

    /** Which approvals the lot needs before payment, and who gave them. */
    public record Approval(List<String> reasons, String approvedBy, Instant approvedAt) {}

    /** The balance's reading, or a weight typed by hand ({@code typedOverrideReason}; readingId is then null). */
    public record Weighing(
            Long readingId,
            String deviceId,
            Instant weighedAt,
            String rawFrame,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grossGrams,
            String typedOverrideReason) {}

    public record Quote(
            long tickSequence,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineGrams,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerTroyOunce,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal spotUsdPerGram,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fxLocalPerUsd,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal localPerFineGram,
            String currency,
            int currencyExponent,
            long grossValueMinor,
            long discountMinor,
            long royaltyMinor,
            long feesMinor,
            long netPayableMinor,
            long advanceMinor,
            long retentionMinor,
            Instant quotedAt,
            Instant lockedUntil) {}

    public static LotView of(Lot lot) {
        return of(lot, List.of());
    }

    /** The lot with its XRF shots (oldest first). */
    public static LotView of(Lot lot, List<ShotView> shots) {
        QuoteTerms terms = lot.quote();
        Quote quote = terms == null
                ? null
                : new Quote(
                        terms.tickSequence(),
                        terms.fineGrams(),
                        terms.spotUsdPerTroyOunce(),
                        terms.spotUsdPerGram(),
                        terms.fxLocalPerUsd(),
                        terms.localPerFineGram(),
                        terms.currency(),
                        terms.currencyExponent(),
                        terms.grossValueMinor(),
                        terms.discountMinor(),
                        terms.royaltyMinor(),
                        terms.feesMinor(),
                        terms.netPayableMinor(),
                        terms.advanceMinor(),
                        terms.retentionMinor(),
                        terms.quotedAt(),
                        terms.lockedUntil());
        DensityTest test = lot.density();
        Density density = test == null
                ? null
                : new Density(
                        lot.grossGrams(),
                        test.gramsInWater(),
                        test.waterCelsius(),
                        test.measured(),
                        test.expected(),
                        test.difference(),
                        test.allowed(),
                        test.flag(),
                        test.by(),
                        test.at());
        LotAssay a = lot.assay();
        Assay assay = new Assay(
                a.note(),
                AssayJson.flags(a.flags()),
                a.releasedBy(),
                a.releasedAt(),
                AssayJson.composition(a.composition()),
                shots,
                density);
        LotWeighing w = lot.weighing();
        org.goldbuying.station.lot.Approval approval = lot.approval();
        LotPayment paid = lot.payment();
        Voiding voiding = lot.voiding();
        return new LotView(
                lot.id(),
                lot.status(),
                lot.sellerId(),
                lot.sellerType().name(),
                new Weighing(
                        w.readingId(), w.deviceId(), w.weighedAt(), w.rawFrame(), w.grossGrams(), w.overrideReason()),
                a.finenessPerMille(),
                a.method().name(),
                quote,
                paid == null ? null : paid.stationSequence(),
                paid == null ? null : paid.paidAt(),
                paid == null ? null : paid.method(),
                paid == null ? null : paid.verificationCode(),
                new Approval(
                        approval.reasons().stream().map(Enum::name).toList(),
                        approval.approvedBy(),
                        approval.approvedAt()),
                lot.createdBy(),
                paid == null ? null : paid.paidBy(),
                assay,
                paid == null ? null : paid.reference(),
                voiding == null ? null : new Voided(voiding.reason(), voiding.by(), voiding.at()));
    }
}
