package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import org.goldbuying.scale.and.AndProtocol;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable A&amp;D balance (FX-i / GX / AD-4212 command set; commands, replies and sources in
 * {@code docs/devices/and.md}). In short:
 * <ul>
 *   <li>{@code S} (and ESC P) answers once the load is stable, waiting as long as it takes, until {@code C}
 *       cancels it; {@code Q} and {@code SI} answer at once ({@code US} while moving); {@code SIR} sends
 *       continuously until {@code C}.</li>
 *   <li>{@code R}, {@code Z} and ESC T are the RE-ZERO key (zero within the zero range, the tare beyond it);
 *       {@code T} is the tare key; {@code ?PT} reads the tare memory, {@code PT:<value> <unit>} sets it.</li>
 *   <li>{@code ?SN}, {@code ?TN}, {@code ?ID} identify the balance; {@code ON}, {@code OFF}, {@code P}
 *       switch the display.</li>
 *   <li>With the "AK, error code" setting on ({@link #acknowledge(boolean)}), control commands are answered
 *       with the ACK byte (RE-ZERO twice: on receipt and when done) and refused ones with {@code EC,Exx}
 *       (E01 undefined command, E02 not ready, E06 format, E07 value out of range). Off (the default, and
 *       what the driver assumes), control commands and errors get no reply.</li>
 * </ul>
 */
public final class AndSimulator extends BalanceSimulator {
    private static final String ACK = AndProtocol.ACK;
    private volatile String comparator;
    private volatile boolean acknowledge;
    private volatile boolean displayOn = true;
    private volatile String model = "GX-224A";

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

    /** The function table's "AK, error code" setting (erCd 1 when on). */
    public void acknowledge(boolean on) {
        acknowledge = on;
    }

    public boolean displayOn() {
        return displayOn;
    }

    @Override
    protected void onCommandLine(String command) {
        if (command.startsWith("PT:")) {
            presetTare(command.substring(3));
            return;
        }
        switch (command) {
            case AndProtocol.STABLE, "\u001bP" -> {
                if (!heldRequest()) {
                    stopRepeating();
                    replyWhenStable(this::weightFrame);
                }
            }
            case AndProtocol.IMMEDIATE, "SI" -> reply(displayOn ? weightFrame() : "EC,E02");
            case AndProtocol.CONTINUOUS -> {
                cancelHeld();
                repeat(100, this::weightFrame);
            }
            case AndProtocol.CANCEL -> {
                cancelHeld();
                stopRepeating();
                acknowledged();
            }
            case AndProtocol.SERIAL_NUMBER -> reply("SN," + serialNumber());
            case AndProtocol.MODEL -> reply("TN,  " + model);
            case "?ID" -> reply("ID,LAB-01");
            case "?PT" -> reply("PT," + data(tare()));
            case "R", AndProtocol.REZERO, "\u001bT" -> reZero();
            case AndProtocol.TARE -> tareKey();
            case "ON" -> {
                displayOn = true;
                acknowledged();
            }
            case "OFF" -> {
                displayOn = false;
                acknowledged();
            }
            case "P" -> {
                displayOn = !displayOn;
                acknowledged();
            }
            default -> error("E01");
        }
    }

    /** RE-ZERO: acknowledged on receipt, done once the load is stable, acknowledged again. */
    private void reZero() {
        if (!displayOn) {
            error("E02");
            return;
        }
        acknowledged();
        holdUntilStable(
                Long.MAX_VALUE,
                () -> {
                    if (!overloaded() && !underloaded()) {
                        if (withinZeroRange()) {
                            setZero();
                        } else {
                            setTareToGross();
                        }
                    }
                    return acknowledge ? ACK : null;
                },
                () -> null);
    }

    private void tareKey() {
        if (!displayOn) {
            error("E02");
            return;
        }
        acknowledged();
        holdUntilStable(
                Long.MAX_VALUE,
                () -> {
                    if (!overloaded() && !underloaded() && gross().signum() >= 0) {
                        setTareToGross();
                    }
                    return acknowledge ? ACK : null;
                },
                () -> null);
    }

    /** PT:+00010.00  g sets the tare memory, in the unit the balance weighs in. */
    private void presetTare(String data) {
        String text = data.strip();
        if (!text.endsWith(unit())) {
            error("E06");
            return;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(
                    text.substring(0, text.length() - unit().length()).strip());
        } catch (NumberFormatException e) {
            error("E06");
            return;
        }
        if (value.signum() < 0 || value.compareTo(capacityGrams()) > 0) {
            error("E07");
            return;
        }
        super.presetTare(value);
        acknowledged();
    }

    private void acknowledged() {
        if (acknowledge) {
            reply(ACK);
        }
    }

    private void error(String code) {
        if (acknowledge) {
            reply("EC," + code);
        }
    }

    @Override
    protected void reply(String text) {
        if (text != null) {
            super.reply(text);
        }
    }

    private String weightFrame() {
        String frame;
        if (overloaded()) {
            frame = "OL,+9999999E+19";
        } else if (underloaded()) {
            frame = "OL,-9999999E+19";
        } else {
            frame = (stable() ? "ST," : "US,") + data(net());
        }
        String result = comparator;
        return result == null ? frame : frame + "," + result;
    }

    /** Sign, eight characters zero-padded with the decimal point, and the unit right-justified in three. */
    private String data(BigDecimal value) {
        String digits = value.abs().toPlainString();
        String padded = "0".repeat(Math.max(0, 8 - digits.length())) + digits;
        return (value.signum() < 0 ? '-' : '+') + padded + String.format("%3s", unit());
    }
}
