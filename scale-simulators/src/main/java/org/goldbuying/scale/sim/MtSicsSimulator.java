package org.goldbuying.scale.sim;

import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable MT-SICS balance on the device end of a serial line. Answers S, SI, I2, I4, Z, T and @ the way a
 * Mettler Toledo balance does; the script methods of {@link BalanceSimulator} put a load on the pan, make it
 * settle slowly, overload, answer with a different serial number or disturb the line.
 */
public final class MtSicsSimulator extends BalanceSimulator {
    private volatile String model = "XPR2003S";

    public MtSicsSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
    }

    @Override
    public MtSicsSimulator start() {
        super.start();
        return this;
    }

    @Override
    protected void onCommandLine(String command) {
        switch (command) {
            case "S" -> reply(stable() ? weightLine("S S") : overloaded() ? "S +" : underloaded() ? "S -" : "S I");
            case "SI" -> reply(overloaded() ? "S +" : underloaded() ? "S -" : weightLine(stable() ? "S S" : "S D"));
            case "I2" -> reply("I2 A \"" + model + "\" 2100.00 g");
            case "I4", "@" -> reply("I4 A \"" + serialNumber() + "\"");
            case "Z", "ZI" -> reply(zeroPan() ? "Z A" : "Z I");
            case "T" -> reply(zeroPan() ? weightLine("T S") : "T I");
            default -> reply("ES");
        }
    }

    private String weightLine(String prefix) {
        return String.format("%s %10s %s", prefix, net().toPlainString(), unit());
    }
}
