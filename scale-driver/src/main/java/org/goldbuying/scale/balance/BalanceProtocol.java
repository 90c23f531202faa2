package org.goldbuying.scale.balance;

import java.util.Optional;

/**
 * What differs between balance makers, and nothing else: the bytes to send for each request and how to read
 * each reply line. Implementations are pure (no I/O, no clock) so every protocol is tested by feeding it text;
 * {@link SerialBalance} does the talking and applies the same legal-for-trade rules to all of them.
 *
 * <p>Commands are returned complete with their terminator (which differs: CR LF for most, nothing at all for
 * Kern's single-byte commands), so the client writes them as they are.
 */
public interface BalanceProtocol {

    /** Short name for configuration and logs, e.g. {@code mt-sics}. */
    String name();

    /** The request for a weight the balance itself declares stable: the only source of transaction readings. */
    String stableWeightCommand();

    /** The request for the weight right now, stable or not: for the live display only. */
    String liveWeightCommand();

    /**
     * The request for the device's own serial number, or empty when the protocol has none. Without it the
     * device's identity cannot be checked and {@link SerialBalance} refuses to weigh for a transaction.
     */
    Optional<String> serialNumberCommand();

    /** The request to zero (or, where the protocol has no separate zero, tare) the balance. */
    String zeroCommand();

    /** Whether the balance answers {@link #zeroCommand()} with a line that {@link #checkZeroReply} reads. */
    boolean zeroAcknowledged();

    /**
     * Whether the balance holds back its answer to {@link #stableWeightCommand()} until the load settles. For such
     * protocols a missing answer most likely means an unsettled load rather than a dead line.
     */
    boolean stableRequestWaitsForStability();

    /** Reads one weight line; throws a typed {@link org.goldbuying.scale.ScaleException} for anything else. */
    WeightFrame parseWeight(String line);

    /** Reads the reply to {@link #serialNumberCommand()}. */
    String parseSerialNumber(String line);

    /** Checks the reply to {@link #zeroCommand()}; only called when {@link #zeroAcknowledged()}. */
    void checkZeroReply(String line);

    /**
     * Whether the balance holds back its answer to {@link #zeroCommand()} until the load settles (MT-SICS
     * {@code Z}). A missing answer then means an unsettled load or a dead line, as for a stable request.
     */
    default boolean zeroWaitsForStability() {
        return false;
    }

    /**
     * The request that makes the balance abandon a request it still holds (MT-SICS {@code @}), or empty. After a
     * held request went unanswered within the reply timeout, the balance may answer it late or ignore the next
     * command; this request puts it back in a known state first.
     */
    default Optional<String> cancelCommand() {
        return Optional.empty();
    }

    /** Whether the balance answers {@link #cancelCommand()}; if not, the driver only sends it. */
    default boolean cancelAcknowledged() {
        return true;
    }

    /** Reads the reply to {@link #cancelCommand()}: the device's serial number when the reply carries one. */
    default Optional<String> parseCancelReply(String line) {
        return Optional.empty();
    }
}
