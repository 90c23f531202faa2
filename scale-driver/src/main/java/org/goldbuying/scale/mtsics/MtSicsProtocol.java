package org.goldbuying.scale.mtsics;

import java.util.Optional;
import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * MT-SICS as a {@link BalanceProtocol}: {@code S} for the transaction weight, {@code SI} for the display,
 * {@code I4} for the serial number, {@code Z} to zero, all of level 0 so every MT-SICS balance has them.
 * {@code S} and {@code Z} are held by the balance until the load is stable and answered {@code S I} / {@code Z I}
 * only after the balance's own timeout, which may be longer than the host's: silence may be an unsettled load.
 * {@code @} (always executed, answered like {@code I4}) then cancels the held request before anything else is sent,
 * since a balance busy with one command may ignore the next (MT-SICS reference manual, "Tips for programmers").
 */
public final class MtSicsProtocol extends CommandTextProtocol {
    private final String cancelCommand;

    /** MT-SICS commands end with CR LF. */
    public MtSicsProtocol() {
        this("\r\n");
    }

    public MtSicsProtocol(String terminator) {
        super(
                "mt-sics",
                "S" + terminator,
                "SI" + terminator,
                Optional.of("I4" + terminator),
                "Z" + terminator,
                true,
                true);
        this.cancelCommand = "@" + terminator;
    }

    @Override
    public boolean zeroWaitsForStability() {
        return true;
    }

    @Override
    public Optional<String> cancelCommand() {
        return Optional.of(cancelCommand);
    }

    @Override
    public Optional<String> parseCancelReply(String line) {
        return Optional.of(MtSicsParser.serialNumber(MtSicsParser.parse(line)));
    }

    @Override
    public WeightFrame parseWeight(String line) {
        return MtSicsParser.weight(MtSicsParser.parse(line));
    }

    @Override
    public String parseSerialNumber(String line) {
        return MtSicsParser.serialNumber(MtSicsParser.parse(line));
    }

    @Override
    public void checkZeroReply(String line) {
        MtSicsParser.zeroDone(MtSicsParser.parse(line));
    }
}
