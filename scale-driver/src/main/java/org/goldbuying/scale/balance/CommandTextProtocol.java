package org.goldbuying.scale.balance;

import java.util.Objects;
import java.util.Optional;

/**
 * The request side of a {@link BalanceProtocol}, which is only data: a maker's command texts (complete with their
 * terminator) and two facts about how its balances answer. Each maker's protocol adds how to read its replies.
 */
public abstract class CommandTextProtocol implements BalanceProtocol {
    private final String name;
    private final String stableWeightCommand;
    private final String liveWeightCommand;
    private final Optional<String> serialNumberCommand;
    private final String zeroCommand;
    private final boolean zeroAcknowledged;
    private final boolean stableRequestWaitsForStability;

    protected CommandTextProtocol(
            String name,
            String stableWeightCommand,
            String liveWeightCommand,
            Optional<String> serialNumberCommand,
            String zeroCommand,
            boolean zeroAcknowledged,
            boolean stableRequestWaitsForStability) {
        this.name = Objects.requireNonNull(name);
        this.stableWeightCommand = Objects.requireNonNull(stableWeightCommand);
        this.liveWeightCommand = Objects.requireNonNull(liveWeightCommand);
        this.serialNumberCommand = Objects.requireNonNull(serialNumberCommand);
        this.zeroCommand = Objects.requireNonNull(zeroCommand);
        this.zeroAcknowledged = zeroAcknowledged;
        this.stableRequestWaitsForStability = stableRequestWaitsForStability;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String stableWeightCommand() {
        return stableWeightCommand;
    }

    @Override
    public final String liveWeightCommand() {
        return liveWeightCommand;
    }

    @Override
    public final Optional<String> serialNumberCommand() {
        return serialNumberCommand;
    }

    @Override
    public final String zeroCommand() {
        return zeroCommand;
    }

    @Override
    public final boolean zeroAcknowledged() {
        return zeroAcknowledged;
    }

    @Override
    public final boolean stableRequestWaitsForStability() {
        return stableRequestWaitsForStability;
    }

    /** Nothing to check where zero is not acknowledged (then it is never called); the others override it. */
    @Override
    public void checkZeroReply(String line) {}
}
