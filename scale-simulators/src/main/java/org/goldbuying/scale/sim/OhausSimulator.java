package org.goldbuying.scale.sim;

import org.goldbuying.scale.ohaus.OhausProtocol;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Ohaus balance. {@code SP} prints once the load is stable, {@code IP} at once with {@code ?} while it
 * moves, {@code PSN} prints the serial number, {@code Z} and {@code T} zero or tare silently, anything else gets
 * {@code ES}. Ohaus's overload output is not confirmed, so over- and underload are printed as {@code ES}: the
 * driver refuses the weighing without inventing a format.
 */
public final class OhausSimulator extends BalanceSimulator {

    public OhausSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
    }

    @Override
    public OhausSimulator start() {
        super.start();
        return this;
    }

    @Override
    protected void onCommandLine(String command) {
        switch (command) {
            case OhausProtocol.STABLE_PRINT -> replyWhenStable(this::weightLine);
            case OhausProtocol.IMMEDIATE_PRINT, OhausProtocol.PRINT -> reply(weightLine());
            case OhausProtocol.DEFAULT_SERIAL_NUMBER -> reply("SN: " + serialNumber());
            case OhausProtocol.ZERO, OhausProtocol.TARE -> zeroPan();
            default -> reply("ES");
        }
    }

    private String weightLine() {
        if (overloaded() || underloaded()) {
            return "ES";
        }
        return String.format("%11s %s%s", net().toPlainString(), unit(), stable() ? "" : " ?");
    }
}
