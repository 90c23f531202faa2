package org.goldbuying.station.assay;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.goldbuying.assay.AveragingPolicy;
import org.goldbuying.assay.FraudCheck;
import org.goldbuying.assay.FraudFlag;
import org.goldbuying.assay.FraudLimits;
import org.goldbuying.assay.ShotAverager;
import org.goldbuying.assay.XrfResult;
import org.goldbuying.contracts.PurchaseEvent.AssayMethod;
import org.goldbuying.scale.xrf.XrfException;
import org.goldbuying.scale.xrf.XrfFault;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.lot.ApprovalReason;
import org.goldbuying.station.lot.ApprovalRules;
import org.goldbuying.station.lot.AssayJson;
import org.goldbuying.station.lot.Lot;
import org.goldbuying.station.pricing.HeldTick;
import org.goldbuying.station.pricing.PriceValidity;
import org.goldbuying.station.pricing.Quote;
import org.goldbuying.station.pricing.QuoteCalculator;

/**
 * What a lot's XRF shots come to: wait for more, re-shoot, hold for a supervisor, or quote. A pure function of the
 * lot, its shots, the tick held now and the assay office's policy: no I/O, no framework, nothing changed (the caller
 * applies the {@link AssayOutcome}). Averages the shots in use once there are enough, checks the composition for
 * fraud, then quotes against the tick with the approvals the quote needs.
 */
public final class AssayDecision {

    /** The assay office's rules for combining and judging shots, and the amounts that call for a supervisor. */
    public record Policy(AveragingPolicy averaging, FraudLimits fraudLimits, ApprovalRules.Limits approvals) {}

    /** The market the quote is made in: the tick held now, what the seller was paid in the AML window, the time. */
    public record Market(Optional<HeldTick> tick, long paidInWindowMinor, Instant now) {}

    private AssayDecision() {}

    /**
     * @param shots every shot of the lot, stored and new, discarded ones included, oldest first
     * @throws XrfException when the shots cannot be averaged for a reason a re-shoot does not cure
     */
    public static AssayOutcome decide(Lot lot, List<XrfShotRecord> shots, Market market, Policy policy) {
        List<XrfShotRecord> current = shots.stream().filter(r -> !r.discarded).toList();
        int needed = policy.averaging().minShots();
        if (current.size() < needed) {
            return new AssayOutcome.Waiting(
                    "Shot " + current.size() + " of " + needed + " received. Take the next shot on a clean spot.");
        }
        XrfResult result;
        try {
            result =
                    ShotAverager.average(current.stream().map(ShotCodec::toShot).toList(), policy.averaging());
        } catch (XrfException e) {
            if (e.fault() != XrfFault.RESHOOT_REQUIRED) {
                throw e;
            }
            // The disagreeing set is kept for the audit trail but no longer counts: the next shots start afresh.
            return new AssayOutcome.Reshoot(
                    "Re-shoot: " + e.getMessage() + " Take " + needed + " new shots.", e.detail(), current);
        }
        AssayMethod method =
                result.includesManualEntry() ? AssayMethod.MANUAL : lot.assay().method();
        AssayOutcome.Measured measured = new AssayOutcome.Measured(
                result.finenessPerMille(),
                AssayJson.composition(result.meanPercentages()),
                method,
                current.stream().anyMatch(AssayDecision::offLine));
        List<FraudFlag> flags = FraudCheck.check(result, policy.fraudLimits());
        if (!flags.isEmpty()) {
            return new AssayOutcome.Flagged(
                    measured,
                    AssayJson.flags(flags),
                    flags.get(0).kind().clerkMessage() + " ("
                            + String.join(
                                    "; ", flags.stream().map(FraudFlag::reason).toList()) + ")");
        }
        BigDecimal fineness = measured.finenessPerMille();
        if (fineness.signum() <= 0) {
            return new AssayOutcome.Unquoted(
                    measured, "The shots found no gold. Check the item and the analyser, or call the supervisor.");
        }
        Quote quote;
        try {
            quote = QuoteCalculator.quote(
                    lot.grossGrams(), fineness, PriceValidity.require(market.tick(), market.now()), market.now());
        } catch (StationException e) {
            return new AssayOutcome.Unquoted(
                    measured,
                    "Assay complete (" + fineness.toPlainString() + " per mille) but no quote: " + e.getMessage());
        }
        EnumSet<ApprovalReason> concerns = lot.concerns();
        if (method == AssayMethod.MANUAL) {
            concerns.add(ApprovalReason.MANUAL_ASSAY);
        } else if (measured.offLine()) {
            concerns.add(ApprovalReason.OFF_LINE_ASSAY);
        }
        EnumSet<ApprovalReason> approvals = ApprovalRules.reasons(
                new ApprovalRules.Facts(quote.netPayableMinor(), market.paidInWindowMinor(), concerns),
                policy.approvals());
        return new AssayOutcome.Quoted(measured, quote, approvals);
    }

    /** Whether a shot in use came other than over the registered analyser's line (nobody can vouch for it alone). */
    private static boolean offLine(XrfShotRecord shot) {
        return !XrfShotRecord.Via.SERIAL_PORT.name().equals(shot.receivedVia);
    }
}
