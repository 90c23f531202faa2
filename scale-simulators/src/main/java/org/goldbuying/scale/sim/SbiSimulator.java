package org.goldbuying.scale.sim;

import java.math.BigDecimal;

import org.goldbuying.scale.sbi.SbiProtocol;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Sartorius balance speaking SBI. ESC P prints the displayed weight at once (blank unit while it
 * moves), ESC x2_ prints the serial number, ESC V / T / U zero or tare silently. Frames are 16 characters, or 22
 * with an identifier when {@link #longFrames(boolean)} is on, as the balance's menu allows.
 */
public final class SbiSimulator extends BalanceSimulator {
    private volatile boolean longFrames;

    public SbiSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
    }

    @Override
    public SbiSimulator start() {
        super.start();
        return this;
    }

    /** Prefixes frames with the 6-character identifier ("N     ") for the 22-character layout. */
    public void longFrames(boolean on) {
        longFrames = on;
    }

    @Override
    protected void onCommandLine(String command) {
        if (command.equals(SbiProtocol.PRINT)) {
            reply(weightFrame());
        } else if (command.equals(SbiProtocol.SERIAL_NUMBER)) {
            reply(String.format("%14s", serialNumber()));
        } else if (command.equals(SbiProtocol.MODEL)) {
            reply(String.format("%14s", "SECURA225D"));
        } else if (command.equals(SbiProtocol.ZERO) || command.equals(SbiProtocol.TARE)
                || command.equals(SbiProtocol.TARE_ZERO)) {
            zeroPan();
        }
        // SBI ignores anything else.
    }

    private String weightFrame() {
        String id = longFrames ? "N     " : "";
        if (overloaded()) {
            return id + "        H     ";
        }
        if (underloaded()) {
            return id + "        L     ";
        }
        BigDecimal net = net();
        char sign = net.signum() < 0 ? '-' : '+';
        String unit = stable() ? unit() : "";
        return id + String.format("%c %8s %-3s", sign, net.abs().toPlainString(), unit);
    }
}
