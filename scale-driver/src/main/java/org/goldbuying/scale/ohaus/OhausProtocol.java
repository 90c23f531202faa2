package org.goldbuying.scale.ohaus;

import java.util.Objects;
import java.util.Optional;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * Ohaus balances as a {@link BalanceProtocol}: {@code SP} prints only a stable weight (the balance waits),
 * {@code IP} prints the weight now. The serial-number command differs by model and is not confirmed for all:
 * {@code PSN} is the default and it can be set per device.
 */
public final class OhausProtocol implements BalanceProtocol {
    public static final String IMMEDIATE_PRINT = "IP";
    public static final String STABLE_PRINT = "SP";
    /** Continuous print; stopped with {@code 0P} on the models that have it. */
    public static final String CONTINUOUS_PRINT = "CP";
    public static final String PRINT = "P";
    public static final String ZERO = "Z";
    public static final String TARE = "T";
    public static final String UNIT = "U";
    public static final String DEFAULT_SERIAL_NUMBER = "PSN";

    private final String terminator;
    private final String serialNumberCommand;

    public OhausProtocol() {
        this("\r\n", DEFAULT_SERIAL_NUMBER);
    }

    public OhausProtocol(String terminator, String serialNumberCommand) {
        this.terminator = Objects.requireNonNull(terminator);
        this.serialNumberCommand = Objects.requireNonNull(serialNumberCommand);
    }

    @Override
    public String name() {
        return "ohaus";
    }

    @Override
    public String stableWeightCommand() {
        return STABLE_PRINT + terminator;
    }

    @Override
    public String liveWeightCommand() {
        return IMMEDIATE_PRINT + terminator;
    }

    @Override
    public Optional<String> serialNumberCommand() {
        return Optional.of(serialNumberCommand + terminator);
    }

    @Override
    public String zeroCommand() {
        return ZERO + terminator;
    }

    @Override
    public boolean zeroAcknowledged() {
        return false;
    }

    @Override
    public boolean stableRequestWaitsForStability() {
        return true;
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return OhausParser.weight(line);
    }

    @Override
    public String parseSerialNumber(String line) {
        return OhausParser.serialNumber(line);
    }

    @Override
    public void checkZeroReply(String line) {
        // Ohaus does not acknowledge Z; never called because zeroAcknowledged() is false.
    }
}
