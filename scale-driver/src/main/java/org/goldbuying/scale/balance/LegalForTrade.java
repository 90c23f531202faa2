package org.goldbuying.scale.balance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;

/**
 * The legal-for-trade rules applied to every transaction reading. Pure functions: no I/O, no clock of its own.
 */
public final class LegalForTrade {
    private LegalForTrade() {}

    /** Precious metals are traded only on class I or II balances with e of 0.01 g or finer. */
    static final BigDecimal COARSEST_E_FOR_GOLD_GRAMS = new BigDecimal("0.01");

    /**
     * Checks the device itself before any weighing: fit for gold, verification current and the right serial number.
     */
    public static void checkDevice(RegisteredBalance balance, String reportedSerialNumber, LocalDate today) {
        if (!balance.accuracyClass().allowedForPreciousMetals()
                || balance.verificationIntervalGrams().compareTo(COARSEST_E_FOR_GOLD_GRAMS) > 0) {
            throw new ScaleException(
                    ScaleFault.NOT_FOR_PRECIOUS_METALS,
                    "balance " + balance.deviceId() + " is class " + balance.accuracyClass() + " with e = "
                            + balance.verificationIntervalGrams().toPlainString() + " g");
        }
        if (today.isAfter(balance.verificationExpiry())) {
            throw new ScaleException(
                    ScaleFault.VERIFICATION_EXPIRED,
                    "balance " + balance.deviceId()
                            + " verification (certificate " + balance.certificateNumber() + ") expired on "
                            + balance.verificationExpiry());
        }
        if (!balance.serialNumber().equals(reportedSerialNumber)) {
            throw new ScaleException(
                    ScaleFault.IDENTITY_MISMATCH,
                    "registered serial " + balance.serialNumber() + ", device reports " + reportedSerialNumber);
        }
    }

    /**
     * The legal weight of an indication: rounded (half-even) to a multiple of the verification interval e. When the
     * balance shows digits finer than e (d < e), those digits are not verified and must not be presented as legal;
     * devices such as Sartorius in SBI mode do not mark them, so the host does. With e = d nothing changes.
     */
    public static BigDecimal legalGrams(RegisteredBalance balance, BigDecimal indicatedGrams) {
        BigDecimal e = balance.verificationIntervalGrams();
        BigDecimal steps = indicatedGrams.divide(e, 0, RoundingMode.HALF_EVEN);
        return steps.multiply(e).setScale(Math.max(0, e.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }

    /**
     * Checks one frame for use in a transaction: stable, in grams at the registered display interval d, within
     * Min..Max. A frame in another unit was converted, and a frame at another resolution comes from another range,
     * model or setting than the one verified: neither is what the certificate covers.
     */
    public static void checkFrame(RegisteredBalance balance, WeightFrame frame) {
        if (!frame.stable()) {
            throw new ScaleException(ScaleFault.UNSTABLE, "frame not flagged stable: " + frame.rawFrame());
        }
        if (frame.reportedUnit() != MassUnit.GRAM) {
            throw new ScaleException(
                    ScaleFault.UNIT_MISMATCH,
                    "a legal reading is taken in grams, the unit the balance is verified in; this frame is in "
                            + frame.reportedUnit().symbol() + ": " + frame.rawFrame());
        }
        BigDecimal d = balance.displayIntervalGrams();
        if (frame.grams().scale() != d.stripTrailingZeros().scale()
                || frame.grams().remainder(d).signum() != 0) {
            throw new ScaleException(
                    ScaleFault.RESOLUTION_MISMATCH,
                    "the frame shows " + frame.grams().toPlainString()
                            + " g; the registered balance shows steps of d = " + d.toPlainString() + " g: "
                            + frame.rawFrame());
        }
        if (frame.grams().compareTo(balance.maxGrams()) > 0) {
            throw new ScaleException(
                    ScaleFault.ABOVE_MAX,
                    frame.grams().toPlainString() + " g is above Max "
                            + balance.maxGrams().toPlainString() + " g");
        }
        if (frame.grams().compareTo(balance.minGrams()) < 0) {
            throw new ScaleException(
                    ScaleFault.BELOW_MIN,
                    frame.grams().toPlainString() + " g is below Min "
                            + balance.minGrams().toPlainString() + " g");
        }
    }
}
