package org.goldbuying.scale.and;

import java.util.Objects;
import java.util.Optional;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * A&amp;D balances as a {@link BalanceProtocol}: {@code S} waits for a stable weight, {@code Q} reads it now,
 * {@code ?SN} reports the serial number. Zero ({@code Z}) is acknowledged only when the balance's ACK setting is
 * on, so by default nothing is awaited.
 */
public final class AndProtocol extends CommandTextProtocol {
    /** Weight now (SI does the same on most models). */
    public static final String IMMEDIATE = "Q";

    public static final String STABLE = "S";
    /** Weight continuously until {@link #CANCEL}. */
    public static final String CONTINUOUS = "SIR";

    public static final String CANCEL = "C";
    public static final String REZERO = "Z";
    public static final String TARE = "T";
    public static final String SERIAL_NUMBER = "?SN";
    public static final String MODEL = "?TN";
    /** The acknowledgement byte A&amp;D sends for Z, T and C when that setting is on. */
    public static final String ACK = "\u0006";

    private final String cancelCommand;

    public AndProtocol() {
        this("\r\n");
    }

    public AndProtocol(String terminator) {
        super(
                "a-and-d",
                STABLE + Objects.requireNonNull(terminator),
                IMMEDIATE + terminator,
                Optional.of(SERIAL_NUMBER + terminator),
                REZERO + terminator,
                false,
                true);
        this.cancelCommand = CANCEL + terminator;
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return AndParser.weight(line);
    }

    @Override
    public String parseSerialNumber(String line) {
        return AndParser.serialNumber(line);
    }

    /** C cancels an S the balance still holds (it waits for stability without a time limit). */
    @Override
    public Optional<String> cancelCommand() {
        return Optional.of(cancelCommand);
    }

    /** Acknowledged only when the balance's AK setting is on, which this protocol does not assume. */
    @Override
    public boolean cancelAcknowledged() {
        return false;
    }

    @Override
    public void checkZeroReply(String line) {
        AndParser.acknowledged(line);
    }
}
