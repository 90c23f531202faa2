package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Sartorius balance speaking SBI, as the Sartorius operating instructions describe the data interface
 * (commands, replies and sources in {@code docs/devices/sbi.md}). Commands are ESC and a letter (format 1) or
 * ESC, a small letter, digits and an underline (format 2); CR LF after them is optional. In short:
 * <ul>
 *   <li>ESC P prints the display: at once (unit blank while the load moves), or, with
 *       {@link #printAfterStability(boolean)}, held until the load is stable (the menu's "after stability").
 *       With {@link #autoPrint(boolean)} ESC P starts and stops continuous printing instead.</li>
 *   <li>ESC T tares and zeroes in one (zero within the zero range, tare beyond it), ESC U (and ESC f4_) tares,
 *       ESC V (and ESC f3_) zeroes; none of them answers. The tare memory is separate from zero: taring an empty
 *       pan clears it.</li>
 *   <li>ESC x1_ model, x2_ serial number, x3_ software version; ESC O / R block and unblock the keys; ESC Q beeps;
 *       ESC K, L, M, N set the ambient filter; ESC S restarts; ESC s3_ (the CF key) cancels a held print.</li>
 *   <li>Overload and underload print the special codes {@code H} and {@code L}; anything else is ignored, as
 *       the balance does with input it cannot use.</li>
 * </ul>
 * Frames are 16 characters, or 22 with an identifier when {@link #longFrames(boolean)} is on, as the menu allows.
 */
public final class SbiSimulator extends BalanceSimulator {
    private volatile boolean longFrames;
    private volatile boolean afterStability;
    private volatile boolean autoPrintMode;
    private volatile boolean keysBlocked;
    private volatile char ambientFilter = 'L';
    private volatile int beeps;
    private final StringBuilder pending = new StringBuilder();

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

    /** The menu's print setting "after stability": ESC P waits for a stable weight (without a time limit). */
    public void printAfterStability(boolean on) {
        afterStability = on;
    }

    /** The menu's auto print: ESC P starts printing every display update, and the next ESC P stops it. */
    public void autoPrint(boolean on) {
        autoPrintMode = on;
    }

    public boolean keysBlocked() {
        return keysBlocked;
    }

    /** K very stable, L stable, M unstable, N very unstable. */
    public char ambientFilter() {
        return ambientFilter;
    }

    public int beeps() {
        return beeps;
    }

    @Override
    protected void onCommandLine(String line) {
        // commands are read from the bytes: CR LF after them is optional, so they may arrive without a line end
    }

    @Override
    protected void onCommandBytes(byte[] chunk, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = (char) (chunk[i] & 0xff);
            if (c == '\u001b') {
                pending.setLength(0);
                pending.append(c);
            } else if (pending.length() == 0 || c == '\r' || c == '\n') {
                continue;
            } else if (pending.length() == 1 && c >= 'A' && c <= 'Z') {
                // format 1: ESC and one capital letter
                pending.setLength(0);
                command(String.valueOf(c));
            } else if (c == '_') {
                // format 2: ESC, a small letter, digits or letters, and an underline
                String body = pending.substring(1) + c;
                pending.setLength(0);
                command(body);
            } else if (pending.length() < 24) {
                pending.append(c);
            } else {
                pending.setLength(0);
            }
        }
    }

    private void command(String body) {
        switch (body) {
            case "P" -> print();
            case "T" -> tareOrZero();
            case "U", "f4_" -> tarePan();
            case "V", "f3_" -> zeroWithinRange();
            case "x1_" -> reply(String.format("%-14s", "SECURA225D-1S"));
            case "x2_" -> reply(String.format("%14s", serialNumber()));
            case "x3_" -> reply(String.format("%-14s", "00-40-08"));
            case "O" -> keysBlocked = true;
            case "R" -> keysBlocked = false;
            case "Q" -> beeps++;
            case "K", "L", "M", "N" -> ambientFilter = body.charAt(0);
            case "S" -> restart();
            case "s3_" -> {
                cancelHeld();
                stopRepeating();
            }
            default -> {
                // the balance ignores input it has no use for
            }
        }
    }

    private void print() {
        if (autoPrintMode) {
            if (repeating()) {
                stopRepeating();
            } else {
                repeat(200, this::weightFrame);
            }
        } else if (afterStability && !heldRequest()) {
            replyWhenStable(this::weightFrame);
        } else if (!heldRequest()) {
            reply(weightFrame());
        }
    }

    /** ESC T, the TARE key: zeroes within the zero range, tares beyond it; nothing while moving. */
    private void tareOrZero() {
        if (!stable()) {
            return;
        }
        if (withinZeroRange()) {
            setZero();
        } else {
            setTareToGross();
        }
    }

    private void tarePan() {
        if (stable() && gross().signum() >= 0) {
            setTareToGross();
        }
    }

    private void zeroWithinRange() {
        if (stable() && withinZeroRange()) {
            setZero();
        }
    }

    private void restart() {
        cancelHeld();
        stopRepeating();
        keysBlocked = false;
        ambientFilter = 'L';
    }

    private String weightFrame() {
        String id = longFrames ? "N     " : "";
        if (overloaded()) {
            return (longFrames ? "Stat  " : "") + "        H     ";
        }
        if (underloaded()) {
            return (longFrames ? "Stat  " : "") + "        L     ";
        }
        BigDecimal net = net();
        char sign = net.signum() < 0 ? '-' : '+';
        String unit = stable() ? unit() : "";
        return id + String.format("%c %8s %-3s", sign, net.abs().toPlainString(), unit);
    }
}
