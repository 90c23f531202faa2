package org.goldbuying.station.assay;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import org.goldbuying.contracts.PurchaseEvent.AssayMethod;
import org.goldbuying.station.lot.ApprovalReason;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.pricing.Quote;

/** What {@link AssayDecision} decided for a lot; {@link #applyTo} makes it so through the lot's own methods. */
public sealed interface AssayOutcome {

    /** The averaged result of the shots in use: fineness, mean composition (JSON) and how it was measured. */
    record Measured(BigDecimal finenessPerMille, String compositionJson, AssayMethod method, boolean offLine) {}

    /** Not enough shots yet. */
    record Waiting(String note) implements AssayOutcome {
        @Override
        public List<XrfShotRecord> applyTo(Lot lot) {
            lot.assayNote(note);
            return List.of();
        }
    }

    /** The shots disagree: these are discarded (kept for the audit trail), and the clerk takes new ones. */
    record Reshoot(String note, String discardReason, List<XrfShotRecord> discard) implements AssayOutcome {
        @Override
        public List<XrfShotRecord> applyTo(Lot lot) {
            discard.forEach(shot -> {
                shot.discarded = true;
                shot.discardedReason = discardReason;
            });
            // a result from an earlier set (one the price refused to quote) no longer stands
            lot.assayRestarted(note);
            return discard.stream().filter(shot -> shot.id != null).toList();
        }
    }

    /** Fraud flags (JSON): the lot is held for a supervisor, without a quote. */
    record Flagged(Measured measured, String flagsJson, String note) implements AssayOutcome {
        @Override
        public List<XrfShotRecord> applyTo(Lot lot) {
            measure(lot, measured);
            lot.holdForFlags(flagsJson, note);
            return List.of();
        }
    }

    /** The assay is complete but cannot be quoted (no gold found, no valid price): the note says why. */
    record Unquoted(Measured measured, String note) implements AssayOutcome {
        @Override
        public List<XrfShotRecord> applyTo(Lot lot) {
            measure(lot, measured);
            lot.assayNote(note);
            return List.of();
        }
    }

    /** The assay is complete and the lot quoted, with the approvals the quote needs. */
    record Quoted(Measured measured, Quote quote, EnumSet<ApprovalReason> approvals) implements AssayOutcome {
        @Override
        public List<XrfShotRecord> applyTo(Lot lot) {
            measure(lot, measured);
            lot.quote(quote, approvals);
            return List.of();
        }
    }

    /**
     * Changes the lot (and the shots a re-shoot discards) as decided. Returns the stored shots that changed, which
     * the caller must update.
     */
    List<XrfShotRecord> applyTo(Lot lot);

    private static void measure(Lot lot, Measured measured) {
        lot.assayMeasured(
                measured.finenessPerMille(), measured.compositionJson(), measured.method(), measured.offLine());
    }
}
