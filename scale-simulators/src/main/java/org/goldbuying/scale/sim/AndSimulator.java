package org.goldbuying.scale.sim;

import java.math.BigDecimal;

import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable A&amp;D balance. {@code S} answers once the load is stable, {@code Q} and {@code SI} at once
 * ({@code US} while it moves), {@code ?SN} gives the serial number, {@code Z} and {@code T} zero or tare without
 * an acknowledgement (the balance's ACK setting off), unknown commands get {@code EC,E01}.
 */
public final class AndSimulator extends BalanceSimulator {
    private volatile String comparator;

    public AndSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
    }

    @Override
    public AndSimulator start() {
        super.start();
        return this;
    }

    /** Appends a comparator result (OK, HI, LO) to every weight frame; null for none. */
    public void comparator(String result) {
        comparator = result;
    }

    @Override
    protected void onCommandLine(String command) {
        switch (command) {
            case AndProtocol.STABLE -> replyWhenStable(this::weightFrame);
            case AndProtocol.IMMEDIATE, "SI" -> reply(weightFrame());
            case AndProtocol.SERIAL_NUMBER -> reply("SN," + serialNumber());
            case AndProtocol.MODEL -> reply("TN,  GX-224A");
            case AndProtocol.REZERO, AndProtocol.TARE -> zeroPan();
            case AndProtocol.CANCEL -> {
                // nothing is streaming in this simulator
            }
            default -> reply("EC,E01");
        }
    }

    private String weightFrame() {
        String frame;
        if (overloaded()) {
            frame = "OL,+9999999E+19";
        } else if (underloaded()) {
            frame = "OL,-9999999E+19";
        } else {
            BigDecimal net = net();
            String digits = net.abs().toPlainString();
            String padded = "0".repeat(Math.max(0, 8 - digits.length())) + digits;
            frame = (stable() ? "ST," : "US,") + (net.signum() < 0 ? '-' : '+') + padded
                    + String.format("%3s", unit());
        }
        String result = comparator;
        return result == null ? frame : frame + "," + result;
    }
}
