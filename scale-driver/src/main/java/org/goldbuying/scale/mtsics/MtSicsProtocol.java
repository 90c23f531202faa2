package org.goldbuying.scale.mtsics;

import java.util.Optional;

import org.goldbuying.scale.balance.BalanceProtocol;
import org.goldbuying.scale.balance.CommandTextProtocol;
import org.goldbuying.scale.balance.WeightFrame;

/**
 * MT-SICS as a {@link BalanceProtocol}: {@code S} for the transaction weight, {@code SI} for the display,
 * {@code I4} for the serial number, {@code Z} to zero. The balance answers {@code S I} itself when the load does
 * not settle in time, so its silence means a dead line, not an unsettled load.
 */
public final class MtSicsProtocol extends CommandTextProtocol {
    /** MT-SICS commands end with CR LF. */
    public MtSicsProtocol() {
        this("\r\n");
    }

    public MtSicsProtocol(String terminator) {
        super("mt-sics", "S" + terminator, "SI" + terminator, Optional.of("I4" + terminator), "Z" + terminator,
                true, false);
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
