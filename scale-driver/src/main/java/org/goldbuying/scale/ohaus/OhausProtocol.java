package org.goldbuying.scale.ohaus;

import java.util.Objects;
import java.util.Optional;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Ohaus balances as a {@link BalanceProtocol}: {@code SP} prints only a stable weight (the balance waits),
 * {@code IP} prints the weight now. The serial-number command differs by model and is not confirmed for all:
 * {@code PSN} is the default and it can be set per device.
 */
public final class OhausProtocol extends CommandTextProtocol {
    public static final String IMMEDIATE_PRINT = "IP";
    public static final String STABLE_PRINT = "SP";
    /** Continuous print; stopped with {@code 0P} on the models that have it. */
    public static final String CONTINUOUS_PRINT = "CP";

    public static final String PRINT = "P";
    public static final String ZERO = "Z";
    public static final String TARE = "T";
    public static final String UNIT = "U";
    public static final String DEFAULT_SERIAL_NUMBER = "PSN";
    /** Ends interval, continuous and on-stability printing. */
    public static final String END_PRINTING = "0P";

    private final String cancelCommand;

    public OhausProtocol() {
        this("\r\n", DEFAULT_SERIAL_NUMBER);
    }

    public OhausProtocol(String terminator, String serialNumberCommand) {
        super(
                "ohaus",
                STABLE_PRINT + Objects.requireNonNull(terminator),
                IMMEDIATE_PRINT + terminator,
                Optional.of(Objects.requireNonNull(serialNumberCommand) + terminator),
                ZERO + terminator,
                false,
                true);
        this.cancelCommand = END_PRINTING + terminator;
    }

    /** 0P ends a pending print on stability (and interval or continuous printing). */
    @Override
    public Optional<String> cancelCommand() {
        return Optional.of(cancelCommand);
    }

    /** Answered only with the balance's "OK!" response enabled (1RL), which this protocol does not assume. */
    @Override
    public boolean cancelAcknowledged() {
        return false;
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return OhausParser.weight(line);
    }

    @Override
    public String parseSerialNumber(String line) {
        return OhausParser.serialNumber(line);
    }
}
