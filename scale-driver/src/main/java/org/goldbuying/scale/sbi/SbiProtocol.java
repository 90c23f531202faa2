package org.goldbuying.scale.sbi;

import java.util.Objects;
import java.util.Optional;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.MassUnit;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Sartorius SBI as a {@link BalanceProtocol}. Every command is ESC and a letter. SBI has no stable-only request:
 * ESC P prints whatever is displayed and stability shows only as a present unit, so a transaction reading is
 * accepted only from a frame that carries its unit.
 */
public final class SbiProtocol extends CommandTextProtocol {
    public static final String ESC = "\u001b";
    /** Print (read) the displayed value. */
    public static final String PRINT = ESC + "P";
    /** Tare and zero combined. */
    public static final String TARE_ZERO = ESC + "T";

    public static final String TARE = ESC + "U";
    public static final String ZERO = ESC + "V";
    public static final String MODEL = ESC + "x1_";
    public static final String SERIAL_NUMBER = ESC + "x2_";
    public static final String SOFTWARE_VERSION = ESC + "x3_";

    private final MassUnit unitWhenBlank;

    /** CR LF after each command; unit-less (unstable) frames read in grams. */
    public SbiProtocol() {
        this("\r\n", MassUnit.GRAM);
    }

    /**
     * @param terminator    what follows each command (a menu setting on some models)
     * @param unitWhenBlank the unit the balance is set to, used to show unstable frames, which carry none
     */
    public SbiProtocol(String terminator, MassUnit unitWhenBlank) {
        // no stable-only request: the same print, and stability read from the frame
        super(
                "sbi",
                PRINT + Objects.requireNonNull(terminator),
                PRINT + terminator,
                Optional.of(SERIAL_NUMBER + terminator),
                ZERO + terminator,
                false,
                false);
        this.unitWhenBlank = Objects.requireNonNull(unitWhenBlank);
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return SbiParser.weight(line, unitWhenBlank);
    }

    @Override
    public String parseSerialNumber(String line) {
        return SbiParser.serialNumber(line);
    }
}
