package org.goldbuying.station.lot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.station.pricing.Quote;


/** One lot of gold at the counter: the seller, the legal weighing, the assay and the quote pinned to one tick. */
@Entity
@Table(name = "lot")
public class Lot {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public LotStatus status;
    @Column(name = "seller_id")
    public String sellerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "seller_type")
    public PurchaseEvent.SellerType sellerType;

    @Column(name = "mine_site_id")
    public UUID mineSiteId;

    /** The balance's legal-for-trade reading; null when the weight was typed by hand (see weightOverrideReason). */
    @Column(name = "reading_id")
    public Long readingId;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "raw_frame")
    public String rawFrame;
    @Column(name = "weighed_at")
    public Instant weighedAt;
    @Column(name = "gross_grams")
    public BigDecimal grossGrams;
    /** Why the weight was typed by hand instead of read from the balance; such a lot needs a supervisor's approval. */
    @Column(name = "weight_override_reason")
    public String weightOverrideReason;

    @Column(name = "fineness_per_mille")
    public BigDecimal finenessPerMille;
    @Enumerated(EnumType.STRING)
    @Column(name = "assay_method")
    public PurchaseEvent.AssayMethod assayMethod;

    @Column(name = "tick_sequence")
    public Long tickSequence;
    @Column(name = "fine_grams")
    public BigDecimal fineGrams;
    @Column(name = "spot_usd_per_troy_ounce")
    public BigDecimal spotUsdPerTroyOunce;
    @Column(name = "spot_usd_per_gram")
    public BigDecimal spotUsdPerGram;
    @Column(name = "fx_local_per_usd")
    public BigDecimal fxLocalPerUsd;
    @Column(name = "local_per_fine_gram")
    public BigDecimal localPerFineGram;
    public String currency;
    @Column(name = "currency_exponent")
    public Integer currencyExponent;
    @Column(name = "gross_value_minor")
    public Long grossValueMinor;
    @Column(name = "discount_minor")
    public Long discountMinor;
    @Column(name = "royalty_minor")
    public Long royaltyMinor;
    @Column(name = "fees_minor")
    public Long feesMinor;
    @Column(name = "net_payable_minor")
    public Long netPayableMinor;
    @Column(name = "advance_minor")
    public Long advanceMinor;
    @Column(name = "retention_minor")
    public Long retentionMinor;
    @Column(name = "quoted_at")
    public Instant quotedAt;
    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "station_sequence")
    public Long stationSequence;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "payment_method")
    public String paymentMethod;
    /** The bank transfer's reference or the mobile-money operator's transfer reference; null for cash. */
    @Column(name = "payment_reference")
    public String paymentReference;
    @Column(name = "void_reason")
    public String voidReason;
    @Column(name = "voided_by")
    public String voidedBy;
    @Column(name = "voided_at")
    public Instant voidedAt;
    @Column(name = "verification_code")
    public String verificationCode;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "paid_by")
    public String paidBy;
    /** Comma-separated approvals this lot needs before payment (see ApprovalRules); null when none. */
    @Column(name = "approval_reasons")
    public String approvalReasons;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public Instant approvedAt;
    /** Mean composition of the shots that priced the lot: JSON, element symbol to percent (strings). */
    @Column(name = "xrf_composition")
    public String xrfComposition;
    /** What the clerk must do next about the assay (re-shoot, call the supervisor), or why it cannot be quoted. */
    @Column(name = "assay_note")
    public String assayNote;
    /** Fraud flags of the assay: JSON list of {kind, reason}; null when none. */
    @Column(name = "assay_flags")
    public String assayFlags;
    @Column(name = "assay_released_by")
    public String assayReleasedBy;
    @Column(name = "assay_released_at")
    public Instant assayReleasedAt;

    @Column(name = "density_grams_in_water")
    public BigDecimal densityGramsInWater;
    @Column(name = "density_water_celsius")
    public BigDecimal densityWaterCelsius;
    @Column(name = "density_measured")
    public BigDecimal densityMeasured;
    @Column(name = "density_expected")
    public BigDecimal densityExpected;
    @Column(name = "density_difference")
    public BigDecimal densityDifference;
    @Column(name = "density_allowed")
    public BigDecimal densityAllowed;
    @Column(name = "density_flag")
    public String densityFlag;
    @Column(name = "density_by")
    public String densityBy;
    @Column(name = "density_at")
    public Instant densityAt;
    @Version
    public int version;

    public static Lot quoted(UUID id, String sellerId, PurchaseEvent.SellerType sellerType, UUID mineSiteId,
            LotWeighing weighing, PurchaseEvent.AssayMethod assayMethod, Quote quote) {
        Lot lot = weighed(id, sellerId, sellerType, mineSiteId, weighing, assayMethod);
        lot.createdAt = quote.quotedAt();
        lot.applyQuote(quote);
        return lot;
    }

    /** A weighed lot waiting for its XRF shots: no fineness and no quote yet. */
    public static Lot assaying(UUID id, String sellerId, PurchaseEvent.SellerType sellerType, UUID mineSiteId,
            LotWeighing weighing, Instant now) {
        Lot lot = weighed(id, sellerId, sellerType, mineSiteId, weighing, PurchaseEvent.AssayMethod.XRF);
        lot.status = LotStatus.ASSAYING;
        lot.createdAt = now;
        return lot;
    }

    private static Lot weighed(UUID id, String sellerId, PurchaseEvent.SellerType sellerType, UUID mineSiteId,
            LotWeighing weighing, PurchaseEvent.AssayMethod assayMethod) {
        Lot lot = new Lot();
        lot.id = id;
        lot.sellerId = sellerId;
        lot.sellerType = sellerType;
        lot.mineSiteId = mineSiteId;
        lot.readingId = weighing.readingId();
        lot.deviceId = weighing.deviceId();
        lot.rawFrame = weighing.rawFrame();
        lot.weighedAt = weighing.weighedAt();
        lot.grossGrams = weighing.grossGrams();
        lot.weightOverrideReason = weighing.overrideReason();
        lot.assayMethod = assayMethod;
        return lot;
    }

    /** Takes every term of the quote and moves the lot to QUOTED. */
    public void applyQuote(Quote quote) {
        status = LotStatus.QUOTED;
        grossGrams = quote.grossGrams();
        finenessPerMille = quote.finenessPerMille();
        tickSequence = quote.tickSequence();
        fineGrams = quote.fineGrams();
        spotUsdPerTroyOunce = quote.spotUsdPerTroyOunce();
        spotUsdPerGram = quote.spotUsdPerGram();
        fxLocalPerUsd = quote.fxLocalPerUsd();
        localPerFineGram = quote.localPerFineGram();
        currency = quote.currency();
        currencyExponent = quote.currencyExponent();
        grossValueMinor = quote.grossValueMinor();
        discountMinor = quote.discountMinor();
        royaltyMinor = quote.royaltyMinor();
        feesMinor = quote.feesMinor();
        netPayableMinor = quote.netPayableMinor();
        advanceMinor = quote.advanceMinor();
        retentionMinor = quote.retentionMinor();
        quotedAt = quote.quotedAt();
        lockedUntil = quote.lockedUntil();
    }

    /** Held for a supervisor: the assay raised fraud flags nobody has released yet. */
    public boolean assayHeld() {
        return assayFlags != null && assayReleasedBy == null;
    }

    public boolean weightTyped() {
        return weightOverrideReason != null;
    }

    public boolean needsAmlApproval() {
        return approvalReasons != null && approvalReasons.contains(ApprovalRules.AML_LINKED);
    }

    public boolean needsApproval() {
        return approvalReasons != null && !approvalReasons.isEmpty();
    }

    public long deductionsMinor() {
        if (discountMinor == null) {
            return 0;
        }
        return discountMinor + royaltyMinor + feesMinor;
    }
}
