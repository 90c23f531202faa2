package org.goldbuying.station.lot;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.PurchaseEvent.AssayMethod;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.pricing.Quote;

/**
 * One lot of gold at the counter: the seller, the legal weighing, the assay and the quote pinned to one tick.
 * ASSAYING -> QUOTED -> PAID, or VOID (see {@link LotStatus}). Nobody outside writes its fields: every change goes
 * through a method here that checks the transition and refuses a wrong one with a reason the clerk can read.
 */
@Entity
@Table(name = "lot")
public class Lot {
    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    private LotStatus status;

    @Column(name = "seller_id")
    private String sellerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "seller_type")
    private PurchaseEvent.SellerType sellerType;

    @Column(name = "mine_site_id")
    private UUID mineSiteId;

    @Embedded
    private LotWeighing weighing;

    @Embedded
    private LotAssay assay;
    /** Null until the lot is quoted. */
    @Embedded
    private QuoteTerms quote;
    /** Null when the lot needs no approval (see {@link #approval()}). */
    @Embedded
    private Approval approval;
    /** Null until a density test is recorded. */
    @Embedded
    private DensityTest density;
    /** Null until the lot is paid. */
    @Embedded
    private LotPayment payment;
    /** Null unless a supervisor voided the lot. */
    @Embedded
    private Voiding voiding;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    private int version;

    protected Lot() {}

    private Lot(UUID id, LotSeller seller, LotWeighing weighing, LotAssay assay, String createdBy, Instant createdAt) {
        this.id = id;
        this.sellerId = seller.sellerId();
        this.sellerType = seller.type();
        this.mineSiteId = seller.mineSiteId();
        this.weighing = weighing;
        this.assay = assay;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Who sells the lot and from which declared mine site. */
    public record LotSeller(String sellerId, PurchaseEvent.SellerType type, UUID mineSiteId) {}

    /** A lot quoted at once at a fineness typed by hand (assay MANUAL); its approvals are marked afterwards. */
    public static Lot typedFineness(UUID id, LotSeller seller, LotWeighing weighing, Quote quote, String clerk) {
        Lot lot = new Lot(id, seller, weighing, LotAssay.typed(quote.finenessPerMille()), clerk, quote.quotedAt());
        lot.status = LotStatus.QUOTED;
        lot.quote = QuoteTerms.of(quote);
        return lot;
    }

    /** A weighed lot waiting for its XRF shots: no fineness and no quote yet. */
    public static Lot forXrf(UUID id, LotSeller seller, LotWeighing weighing, String clerk, Instant now) {
        Lot lot = new Lot(id, seller, weighing, LotAssay.awaitingShots("Weighed. Take the XRF shots now."), clerk, now);
        lot.status = LotStatus.ASSAYING;
        return lot;
    }

    // ---- the assay (XRF path) ----

    /** Refuses shots unless the lot is being assayed and not held for a supervisor. */
    public void requireTakesShots() {
        if (status != LotStatus.ASSAYING) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is " + status + "; XRF shots are taken only while a lot is ASSAYING.");
        }
        if (assay.held()) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is held for a supervisor (" + assay.note() + "); no more shots are taken.");
        }
    }

    /** Tells the clerk what the assay needs next (another shot, why it cannot be quoted). */
    public void assayNote(String note) {
        requireAssaying("an assay note is written");
        assay = assay.withNote(note);
    }

    /**
     * The averaged result of the shots in use: fineness, mean composition (JSON), how it was measured, and whether
     * any of those shots came other than over the analyser's serial line.
     */
    public void assayMeasured(
            BigDecimal finenessPerMille, String compositionJson, AssayMethod method, boolean offLine) {
        requireAssaying("an assay result is recorded");
        assay = assay.measured(finenessPerMille, compositionJson, method, offLine);
    }

    /** The shots disagreed: the result of an earlier set no longer stands, and the clerk re-shoots. */
    public void assayRestarted(String note) {
        requireAssaying("the assay is restarted");
        assay = assay.measured(null, null, assay.method(), false).withNote(note);
    }

    /** Fraud flags (JSON) hold the lot for a supervisor: no quote, no more shots. */
    public void holdForFlags(String flagsJson, String note) {
        requireAssaying("the assay is held");
        assay = assay.flagged(flagsJson, note);
    }

    /**
     * A supervisor releases an assay held for fraud flags (four eyes: see {@link #requireNoHandIn}); the caller quotes
     * it next.
     */
    public void releaseAssayBy(String supervisor, Instant at, Set<String> shotsEnteredBy) {
        requireNoHandIn(supervisor, shotsEnteredBy, "release its assay");
        if (!assay.held()) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is still being assayed and "
                            + "has no flag to approve; finish the XRF shots first.");
        }
        assay = assay.releasedBy(supervisor, at);
    }

    // ---- the quote and its approvals ----

    /**
     * Takes every term of the quote and the approvals it needs, and moves the lot to QUOTED. Any approval given
     * before no longer counts: the supervisor approved other figures.
     */
    public void quote(Quote newQuote, Set<ApprovalReason> reasons) {
        if (status != LotStatus.ASSAYING && status != LotStatus.QUOTED) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is " + status + "; only a lot not yet paid or voided can be quoted.");
        }
        if (assay.finenessPerMille() == null) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " has no fineness yet; it is quoted when the assay is complete.");
        }
        status = LotStatus.QUOTED;
        quote = QuoteTerms.of(newQuote);
        assay = assay.withNote(null);
        approval = Approval.required(reasons);
    }

    /** Refuses anything but a QUOTED lot, saying what was tried ("can be quoted again"). */
    public void requireQuoted(String what) {
        if (status != LotStatus.QUOTED) {
            throw new StationException(
                    StationError.WRONG_STATE, "Lot " + id + " is " + status + "; only a QUOTED lot " + what + ".");
        }
    }

    /** Marks the approvals a QUOTED lot needs now; an approval given before no longer counts. */
    public void requireApprovals(Set<ApprovalReason> reasons) {
        requireQuoted("needs approvals");
        approval = Approval.required(reasons);
    }

    /** A supervisor approves a quoted lot that needs it (four eyes: see {@link #requireNoHandIn}). */
    public void approveBy(String supervisor, Instant at, Set<String> shotsEnteredBy) {
        requireNoHandIn(supervisor, shotsEnteredBy, "approve it");
        requireQuoted("can be approved");
        Approval current = approval();
        if (!current.needed()) {
            throw new StationException(StationError.WRONG_STATE, "Lot " + id + " needs no approval.");
        }
        if (current.approvedBy() != null) {
            throw new StationException(
                    StationError.WRONG_STATE, "Lot " + id + " was already approved by " + current.approvedBy() + ".");
        }
        approval = current.givenBy(supervisor, at);
    }

    /**
     * Four eyes: whoever approves, releases or voids a lot entered nothing on it. Not the clerk who weighed and quoted
     * it, not whoever typed, pasted or imported its XRF shots ({@code shotsEnteredBy}; shots read from the analyser's
     * line name nobody), not whoever measured its density.
     */
    private void requireNoHandIn(String supervisor, Set<String> shotsEnteredBy, String action) {
        if (supervisor.equals(createdBy)) {
            throw handIn("weighed this lot", action);
        }
        if (shotsEnteredBy.contains(supervisor)) {
            throw handIn("entered XRF shots on this lot", action);
        }
        if (density != null && supervisor.equals(density.by())) {
            throw handIn("measured this lot's density", action);
        }
    }

    /** Only a paid lot can be reversed (an unpaid one is voided). */
    public void requireReversible() {
        if (status != LotStatus.PAID) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is " + status + "; only a paid purchase is reversed (an unpaid lot is voided).");
        }
    }

    /**
     * Whoever approves a reversal had no hand in the lot: not who weighed it, entered shots or density, nor who paid
     * it out (four eyes: see {@link #requireNoHandIn}).
     */
    public void requireReversalApprovableBy(String supervisor, Set<String> shotsEnteredBy) {
        requireReversible();
        requireNoHandIn(supervisor, shotsEnteredBy, "approve its reversal");
        if (supervisor.equals(payment.paidBy())) {
            throw handIn("paid this lot", "approve its reversal");
        }
    }

    private static StationException handIn(String entered, String action) {
        return new StationException(
                StationError.SELF_APPROVAL,
                "You " + entered + " yourself; another supervisor must " + action + " (four eyes).");
    }

    // ---- the density test ----

    /**
     * Records a density test. A mismatch on a lot still being assayed holds it like any fraud flag ({@code
     * flagsWithMismatch}, the flags' JSON with this one added, and {@code note}); on a quoted lot the caller asks for
     * the approvals again.
     */
    public void recordDensity(DensityTest test, String flagsWithMismatch, String note) {
        requireDensityPossible();
        density = test;
        if (test.mismatch() && status == LotStatus.ASSAYING) {
            assay = assay.flagged(flagsWithMismatch, note);
        }
    }

    /** Refuses a density test unless the lot is unpaid, has an XRF composition and no test yet. */
    public void requireDensityPossible() {
        if (status != LotStatus.ASSAYING && status != LotStatus.QUOTED) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is " + status + "; a density test is recorded only before payment.");
        }
        if (assay.composition() == null) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "The density test is compared with the XRF composition, and lot " + id
                            + " has none yet: take the XRF shots first.");
        }
        if (density != null) {
            throw new StationException(
                    StationError.DUPLICATE,
                    "Lot " + id + " already has a density test ("
                            + density.measured().toPlainString() + " g/cm3); it is kept as recorded.");
        }
    }

    // ---- payment and void ----

    /** Refuses payment unless the lot is QUOTED and every approval it needs was given. */
    public void requirePayable() {
        requireQuoted("can be paid");
        if (!approval().satisfied()) {
            throw new StationException(
                    StationError.APPROVAL_REQUIRED,
                    "This lot needs a supervisor's approval (" + approval().describe() + ") before it may be paid.");
        }
    }

    /**
     * The lot becomes PAID. Only its state is checked here: the money has moved when this is called (a confirmed
     * transfer), and {@link #requirePayable} was checked before the payment started.
     */
    public void markPaid(LotPayment paid) {
        requireQuoted("can be paid");
        status = LotStatus.PAID;
        payment = paid;
    }

    /**
     * A supervisor voids a QUOTED lot with a reason (four eyes: see {@link #requireNoHandIn}). Nothing is deleted. A
     * paid lot is not voided here (its purchase is on its way to the centre), nor one with a mobile-money transfer
     * still pending.
     */
    public void voidBy(
            String supervisor, String reason, Instant at, long pendingTransfers, Set<String> shotsEnteredBy) {
        if (status == LotStatus.PAID) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is PAID; a paid purchase "
                            + "cannot be voided at the station (it is already reported to the centre).");
        }
        requireQuoted("can be voided");
        requireNoHandIn(supervisor, shotsEnteredBy, "void it");
        if (pendingTransfers > 0) {
            throw new StationException(
                    StationError.PAYMENT_PENDING,
                    "A mobile money transfer for lot " + id
                            + " is pending; it cannot be voided until the transfer is confirmed or has failed.");
        }
        status = LotStatus.VOID;
        voiding = new Voiding(reason.strip(), supervisor, at);
    }

    /**
     * For the XRF fast path only ({@code CompletingShot}), whose statement increments the version column itself:
     * keeps the lot in memory in step with the row.
     */
    public void versionIncrementedInDatabase() {
        version++;
    }

    private void requireAssaying(String what) {
        if (status != LotStatus.ASSAYING) {
            throw new StationException(
                    StationError.WRONG_STATE,
                    "Lot " + id + " is " + status + "; " + what + " only while a lot is ASSAYING.");
        }
    }

    // ---- reading ----

    public UUID id() {
        return id;
    }

    public LotStatus status() {
        return status;
    }

    public String sellerId() {
        return sellerId;
    }

    public PurchaseEvent.SellerType sellerType() {
        return sellerType;
    }

    public UUID mineSiteId() {
        return mineSiteId;
    }

    public LotWeighing weighing() {
        return weighing;
    }

    public BigDecimal grossGrams() {
        return weighing.grossGrams();
    }

    public LotAssay assay() {
        return assay;
    }

    /** The quote's terms; null until the lot is quoted. */
    public QuoteTerms quote() {
        return quote;
    }

    public Approval approval() {
        return approval == null ? Approval.NONE : approval;
    }

    /** The density test; null until one is recorded. */
    public DensityTest density() {
        return density;
    }

    /** How the lot was paid; null until it is. */
    public LotPayment payment() {
        return payment;
    }

    /** Who voided the lot; null unless voided. */
    public Voiding voiding() {
        return voiding;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public int version() {
        return version;
    }

    public boolean needsAmlApproval() {
        return approval().needs(ApprovalReason.AML_LINKED);
    }

    /** What about the lot needs a supervisor whatever its value: a typed fineness or weight, shots not from the
     * analyser's line, a density mismatch. */
    public EnumSet<ApprovalReason> concerns() {
        EnumSet<ApprovalReason> concerns = EnumSet.noneOf(ApprovalReason.class);
        if (assay.method() == AssayMethod.MANUAL) {
            concerns.add(ApprovalReason.MANUAL_ASSAY);
        } else if (assay.offLine()) {
            concerns.add(ApprovalReason.OFF_LINE_ASSAY);
        }
        if (density != null && density.mismatch()) {
            concerns.add(ApprovalReason.DENSITY_MISMATCH);
        }
        if (weighing.typed()) {
            concerns.add(ApprovalReason.TYPED_WEIGHT);
        }
        return concerns;
    }

    /** The facts {@link ApprovalRules} judge when this lot is quoted at {@code net}. */
    public ApprovalRules.Facts approvalFacts(long netPayableMinor, long paidInWindowMinor) {
        return new ApprovalRules.Facts(netPayableMinor, paidInWindowMinor, concerns());
    }
}
