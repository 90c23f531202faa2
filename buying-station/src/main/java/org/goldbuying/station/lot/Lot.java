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
import org.goldbuying.scale.balance.TransactionReading;
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

    @Column(name = "reading_id")
    public long readingId;
    @Column(name = "device_id")
    public String deviceId;
    @Column(name = "raw_frame")
    public String rawFrame;
    @Column(name = "weighed_at")
    public Instant weighedAt;
    @Column(name = "gross_grams")
    public BigDecimal grossGrams;

    @Column(name = "fineness_per_mille")
    public BigDecimal finenessPerMille;
    @Enumerated(EnumType.STRING)
    @Column(name = "assay_method")
    public PurchaseEvent.AssayMethod assayMethod;

    @Column(name = "tick_sequence")
    public long tickSequence;
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
    public int currencyExponent;
    @Column(name = "gross_value_minor")
    public long grossValueMinor;
    @Column(name = "discount_minor")
    public long discountMinor;
    @Column(name = "royalty_minor")
    public long royaltyMinor;
    @Column(name = "fees_minor")
    public long feesMinor;
    @Column(name = "net_payable_minor")
    public long netPayableMinor;
    @Column(name = "advance_minor")
    public long advanceMinor;
    @Column(name = "retention_minor")
    public long retentionMinor;
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
    @Version
    public int version;

    public static Lot quoted(UUID id, String sellerId, PurchaseEvent.SellerType sellerType, UUID mineSiteId,
            TransactionReading reading, PurchaseEvent.AssayMethod assayMethod, Quote quote) {
        Lot lot = new Lot();
        lot.id = id;
        lot.status = LotStatus.QUOTED;
        lot.sellerId = sellerId;
        lot.sellerType = sellerType;
        lot.mineSiteId = mineSiteId;
        lot.readingId = reading.readingId();
        lot.deviceId = reading.deviceId();
        lot.rawFrame = reading.rawFrame();
        lot.weighedAt = reading.readAt();
        lot.grossGrams = quote.grossGrams();
        lot.finenessPerMille = quote.finenessPerMille();
        lot.assayMethod = assayMethod;
        lot.tickSequence = quote.tickSequence();
        lot.fineGrams = quote.fineGrams();
        lot.spotUsdPerTroyOunce = quote.spotUsdPerTroyOunce();
        lot.spotUsdPerGram = quote.spotUsdPerGram();
        lot.fxLocalPerUsd = quote.fxLocalPerUsd();
        lot.localPerFineGram = quote.localPerFineGram();
        lot.currency = quote.currency();
        lot.currencyExponent = quote.currencyExponent();
        lot.grossValueMinor = quote.grossValueMinor();
        lot.discountMinor = quote.discountMinor();
        lot.royaltyMinor = quote.royaltyMinor();
        lot.feesMinor = quote.feesMinor();
        lot.netPayableMinor = quote.netPayableMinor();
        lot.advanceMinor = quote.advanceMinor();
        lot.retentionMinor = quote.retentionMinor();
        lot.quotedAt = quote.quotedAt();
        lot.lockedUntil = quote.lockedUntil();
        lot.createdAt = quote.quotedAt();
        return lot;
    }

    public boolean needsApproval() {
        return approvalReasons != null && !approvalReasons.isEmpty();
    }

    public long deductionsMinor() {
        return discountMinor + royaltyMinor + feesMinor;
    }
}
