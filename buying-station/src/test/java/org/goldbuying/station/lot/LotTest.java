package org.goldbuying.station.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.LotRequests.PaymentMethod;
import org.goldbuying.station.pricing.PriceTerms;
import org.goldbuying.station.pricing.QuoteCalculator;
import org.goldbuying.station.pricing.SamplePriceTerms;
import org.junit.jupiter.api.Test;

/** A lot's transitions, checked by the lot itself: a wrong one is refused with a reason, and nothing changes. */
class LotTest {
    static final Instant NOW = Instant.parse("2026-11-22T09:15:00Z");
    static final PriceTerms TERMS = SamplePriceTerms.at(NOW);
    static final Lot.LotSeller SELLER =
            new Lot.LotSeller(UUID.randomUUID().toString(), PurchaseEvent.SellerType.INDIVIDUAL, UUID.randomUUID());

    static Lot typed(EnumSet<ApprovalReason> approvals) {
        LotWeighing weighing = LotWeighing.typed(new BigDecimal("12.34"), "reserve balance, main one broken", NOW);
        Lot lot = Lot.typedFineness(
                UUID.randomUUID(),
                SELLER,
                weighing,
                QuoteCalculator.quote(weighing.grossGrams(), new BigDecimal("915"), TERMS, NOW),
                "clerk");
        lot.requireApprovals(approvals);
        return lot;
    }

    static LotPayment cash() {
        return new LotPayment(1, NOW, PaymentMethod.CASH, null, "ABC123", "clerk");
    }

    /** No shot of the lot was entered by a person (read from the analyser's line, or none). */
    static final Set<String> NOBODY = Set.of();

    static void refused(ThrowingCallable change, StationError error, String because) {
        assertThatThrownBy(change)
                .isInstanceOf(StationException.class)
                .hasMessageContaining(because)
                .extracting(e -> ((StationException) e).error())
                .isEqualTo(error);
    }

    @Test
    void aLotThatNeedsApprovalIsNotPayableUntilASupervisorGivesIt() {
        Lot lot = typed(EnumSet.of(ApprovalReason.MANUAL_ASSAY, ApprovalReason.TYPED_WEIGHT));
        refused(lot::requirePayable, StationError.APPROVAL_REQUIRED, "(MANUAL_ASSAY, TYPED_WEIGHT)");
        refused(() -> lot.approveBy("clerk", NOW, NOBODY), StationError.SELF_APPROVAL, "four eyes");
        lot.approveBy("supervisor", NOW, NOBODY);
        refused(() -> lot.approveBy("other", NOW, NOBODY), StationError.WRONG_STATE, "already approved by supervisor");
        lot.requirePayable();
        lot.markPaid(cash());
        assertThat(lot.status()).isEqualTo(LotStatus.PAID);
        assertThat(lot.payment().stationSequence()).isEqualTo(1);
    }

    @Test
    void nobodyWhoEnteredSomethingOnTheLotApprovesOrVoidsIt() {
        Lot lot = typed(EnumSet.of(ApprovalReason.MANUAL_ASSAY));
        Set<String> shotsBy = Set.of("supervisor-a");
        refused(() -> lot.approveBy("clerk", NOW, shotsBy), StationError.SELF_APPROVAL, "You weighed this lot");
        refused(
                () -> lot.approveBy("supervisor-a", NOW, shotsBy),
                StationError.SELF_APPROVAL,
                "You entered XRF shots on this lot yourself; another supervisor must approve it");
        refused(
                () -> lot.voidBy("clerk", "wrong seller", NOW, 0, shotsBy),
                StationError.SELF_APPROVAL,
                "another supervisor must void it");
        refused(
                () -> lot.voidBy("supervisor-a", "wrong seller", NOW, 0, shotsBy),
                StationError.SELF_APPROVAL,
                "You entered XRF shots");
        assertThat(lot.status()).isEqualTo(LotStatus.QUOTED);
        assertThat(lot.approval().approvedBy()).isNull();
        lot.approveBy("supervisor-b", NOW, shotsBy);
        assertThat(lot.approval().approvedBy()).isEqualTo("supervisor-b");
    }

    @Test
    void newApprovalsWithdrawTheOneGivenForOtherFigures() {
        Lot lot = typed(EnumSet.of(ApprovalReason.MANUAL_ASSAY));
        lot.approveBy("supervisor", NOW, NOBODY);
        lot.requireApprovals(EnumSet.of(ApprovalReason.MANUAL_ASSAY, ApprovalReason.DENSITY_MISMATCH));
        assertThat(lot.approval().approvedBy()).isNull();
        refused(lot::requirePayable, StationError.APPROVAL_REQUIRED, "DENSITY_MISMATCH");
    }

    @Test
    void aPaidLotIsNeitherVoidedNorPaidAgain() {
        Lot lot = typed(EnumSet.noneOf(ApprovalReason.class));
        lot.markPaid(cash());
        refused(() -> lot.voidBy("supervisor", "wrong seller", NOW, 0, NOBODY), StationError.WRONG_STATE, "is PAID");
        refused(() -> lot.markPaid(cash()), StationError.WRONG_STATE, "only a QUOTED lot can be paid");
        refused(() -> lot.approveBy("supervisor", NOW, NOBODY), StationError.WRONG_STATE, "only a QUOTED lot");
    }

    @Test
    void aPendingTransferStopsAVoid() {
        Lot lot = typed(EnumSet.noneOf(ApprovalReason.class));
        refused(
                () -> lot.voidBy("supervisor", "wrong seller", NOW, 1, NOBODY),
                StationError.PAYMENT_PENDING,
                "pending");
        lot.voidBy("supervisor", "  wrong seller ", NOW, 0, NOBODY);
        assertThat(lot.status()).isEqualTo(LotStatus.VOID);
        assertThat(lot.voiding().reason()).isEqualTo("wrong seller");
        refused(() -> lot.markPaid(cash()), StationError.WRONG_STATE, "is VOID");
    }

    @Test
    void aLotBeingAssayedIsNeitherPaidNorApprovedNorQuotedWithoutAFineness() {
        Lot lot = Lot.forXrf(
                UUID.randomUUID(),
                SELLER,
                LotWeighing.typed(BigDecimal.TEN, "reserve balance, main one broken", NOW),
                "clerk",
                NOW);
        refused(lot::requirePayable, StationError.WRONG_STATE, "is ASSAYING");
        refused(() -> lot.releaseAssayBy("supervisor", NOW, NOBODY), StationError.WRONG_STATE, "no flag to approve");
        refused(
                () -> lot.quote(
                        QuoteCalculator.quote(BigDecimal.TEN, new BigDecimal("915"), TERMS, NOW),
                        EnumSet.noneOf(ApprovalReason.class)),
                StationError.WRONG_STATE,
                "no fineness yet");
        refused(lot::requireDensityPossible, StationError.WRONG_STATE, "take the XRF shots first");
        assertThat(lot.status()).isEqualTo(LotStatus.ASSAYING);
        assertThat(lot.concerns()).containsExactly(ApprovalReason.TYPED_WEIGHT);
    }
}
