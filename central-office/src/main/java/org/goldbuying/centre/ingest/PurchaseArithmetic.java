package org.goldbuying.centre.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.pricing.PriceBasis;
import org.goldbuying.pricing.PurchasePricing;
import org.goldbuying.pricing.PurchaseValue;

/**
 * Whether a purchase's own figures add up, by the rules every station prices with (pricing-rules): fine grams are the
 * gross grams at the fineness, the gross value is those fine grams at the spot and FX rate the event names, and the
 * net payable is the gross value less the deductions. An event whose figures do not add up was not made by a station
 * (or was altered on the way): it never counts in the reserve. Plain Java.
 */
public final class PurchaseArithmetic {
    private PurchaseArithmetic() {}

    /**
     * What in a purchase's money terms is not what the tick (as the centre published it) gives for its gross grams and
     * fineness: the spot and FX rate it names, its currency, and its gross value, deductions and net payable under the
     * tick's policy. Empty when all agree.
     */
    public static Optional<String> underTick(PurchaseEvent event, PriceTick tick) {
        List<String> wrong = new ArrayList<>();
        if (tick.spotUsdPerTroyOunce().compareTo(event.price().spotUsdPerTroyOunce()) != 0
                || tick.fxLocalPerUsd().compareTo(event.price().fxLocalPerUsd()) != 0) {
            wrong.add("spot " + event.price().spotUsdPerTroyOunce().toPlainString() + " USD/ozt and FX "
                    + event.price().fxLocalPerUsd().toPlainString() + ", but tick " + tick.sequence() + " published "
                    + tick.spotUsdPerTroyOunce().toPlainString() + " and "
                    + tick.fxLocalPerUsd().toPlainString());
        }
        if (!tick.currency().equals(event.currency()) || tick.currencyExponent() != event.currencyExponent()) {
            wrong.add("currency " + event.currency() + " (exponent " + event.currencyExponent() + "), but tick "
                    + tick.sequence() + " is in " + tick.currency() + " (exponent " + tick.currencyExponent() + ")");
        }
        if (!wrong.isEmpty()) {
            return Optional.of(String.join("; ", wrong));
        }
        PurchaseValue expected = PurchasePricing.value(
                event.weighing().grossGrams(), event.assay().finenessPerMille(), basis(tick));
        long expectedDeductions = expected.grossValueMinor() - expected.netPayableMinor();
        if (expected.grossValueMinor() != event.grossValueMinor()
                || expectedDeductions != event.deductionsMinor()
                || expected.netPayableMinor() != event.netPayableMinor()) {
            return Optional.of("gross value " + event.grossValueMinor() + ", deductions " + event.deductionsMinor()
                    + ", net payable " + event.netPayableMinor() + " " + event.currency() + ", but tick "
                    + tick.sequence() + "'s policy gives " + expected.grossValueMinor() + ", " + expectedDeductions
                    + " and " + expected.netPayableMinor() + " for "
                    + event.weighing().grossGrams().toPlainString() + " g at "
                    + event.assay().finenessPerMille().toPlainString() + " per mille");
        }
        return Optional.empty();
    }

    /** The terms a station prices with under this tick: its spot, FX rate, currency and policy. */
    public static PriceBasis basis(PriceTick tick) {
        PriceTick.Policy policy = tick.policy();
        return new PriceBasis(
                tick.spotUsdPerTroyOunce(),
                tick.fxLocalPerUsd(),
                tick.currencyExponent(),
                policy.discountPercent(),
                policy.royaltyPercent(),
                policy.feesPercent(),
                policy.advancePercent());
    }

    /** What does not add up, with the figures, or empty when everything does. */
    public static Optional<String> discrepancy(PurchaseEvent event) {
        PurchaseValue expected;
        try {
            // the percentages do not change the fine grams or the gross value: only the deductions' total, checked
            // below
            PriceBasis basis = new PriceBasis(
                    event.price().spotUsdPerTroyOunce(),
                    event.price().fxLocalPerUsd(),
                    event.currencyExponent(),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    new BigDecimal("100"));
            expected = PurchasePricing.value(
                    event.weighing().grossGrams(), event.assay().finenessPerMille(), basis);
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.of("the figures cannot be priced: " + e.getMessage());
        }
        List<String> wrong = new ArrayList<>();
        if (expected.fineGrams().compareTo(event.fineGrams()) != 0) {
            wrong.add("fine grams " + event.fineGrams().toPlainString() + " but "
                    + event.weighing().grossGrams().toPlainString() + " g at "
                    + event.assay().finenessPerMille().toPlainString() + " per mille is "
                    + expected.fineGrams().toPlainString() + " g");
        }
        if (expected.grossValueMinor() != event.grossValueMinor()) {
            wrong.add("gross value " + event.grossValueMinor() + " but "
                    + expected.fineGrams().toPlainString()
                    + " fine g at spot " + event.price().spotUsdPerTroyOunce().toPlainString() + " USD/ozt and FX "
                    + event.price().fxLocalPerUsd().toPlainString() + " is " + expected.grossValueMinor());
        }
        if (event.deductionsMinor() < 0 || event.deductionsMinor() > event.grossValueMinor()) {
            wrong.add("deductions " + event.deductionsMinor() + " outside 0.." + event.grossValueMinor());
        }
        if (event.netPayableMinor() != event.grossValueMinor() - event.deductionsMinor()) {
            wrong.add("net payable " + event.netPayableMinor() + " but gross value less deductions is "
                    + (event.grossValueMinor() - event.deductionsMinor()));
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", wrong));
    }
}
