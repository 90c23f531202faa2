package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.util.Locale;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Kern balance (commands, replies and sources in {@code docs/devices/kern.md}). In short:
 * <ul>
 *   <li>The "rE Cr" remote control of the KB / PCB / EW families: single-byte commands without CR LF.
 *       {@code s} sends the weight once stable, {@code w} at once (the unit blank while it moves), {@code t}
 *       tares and sends nothing. Frames are 16 characters plus CR LF: {@code M}-flag, sign, 10-character
 *       value, space, 3-character unit; a fault prints {@code Error} right-aligned.</li>
 *   <li>With {@link #taggedFrames(boolean)} the FKB/KFN/GAB style: {@code S}, {@code W}, {@code T} and also
 *       {@code Z} (zero), answered as {@code ST,GS     1.50G} / {@code US,...} / {@code OL,GS}.</li>
 *   <li>With {@link #kcp(boolean)} the KERN Communications Protocol lines (CR LF), MT-SICS-like: {@code @},
 *       {@code I4}, {@code S}, {@code SI}, {@code Z}, {@code ZI}, {@code T}, {@code TA}, {@code TAC};
 *       anything else {@code ES}.</li>
 * </ul>
 * A new single-byte command drops an {@code s} still waiting for stability (the manuals give no cancel; the
 * simulator's choice, so that a host's {@code w} after its own timeout is not followed by a late answer).
 */
public final class KernSimulator extends BalanceSimulator {
    private final StringBuilder pendingLine = new StringBuilder();
    private volatile boolean kcp;
    private volatile boolean tagged;

    public KernSimulator(SerialLine line, String serialNumber, int decimals) {
        super(line, serialNumber, decimals);
    }

    @Override
    public KernSimulator start() {
        super.start();
        return this;
    }

    public void kcp(boolean on) {
        kcp = on;
    }

    public void taggedFrames(boolean on) {
        tagged = on;
    }

    @Override
    protected void onCommandLine(String command) {
        // Lines are assembled from the bytes in onCommandBytes, where single-byte commands are seen at once.
    }

    @Override
    protected void onCommandBytes(byte[] chunk, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = (char) (chunk[i] & 0xff);
            if (pendingLine.length() == 0 && isSingleByte(c)) {
                singleByte(Character.toLowerCase(c));
            } else if (c == '\n') {
                String line = pendingLine.toString().trim();
                pendingLine.setLength(0);
                if (kcp) {
                    kcpCommand(line);
                }
            } else if (c != '\r' && pendingLine.length() < 64) {
                pendingLine.append(c);
            }
        }
    }

    private boolean isSingleByte(char c) {
        return c == 's' || c == 'w' || c == 't' || (tagged && (c == 'S' || c == 'W' || c == 'T' || c == 'Z'));
    }

    private void singleByte(char command) {
        cancelHeld();
        switch (command) {
            case 's' -> replyWhenStable(this::frame);
            case 'w' -> reply(frame());
            case 'z' -> {
                if (stable() && withinZeroRange()) {
                    setZero();
                }
            }
            default -> {
                if (stable() && gross().signum() >= 0) {
                    setTareToGross();
                }
            }
        }
    }

    private void kcpCommand(String line) {
        switch (line) {
            case "@" -> {
                cancelHeld();
                reply("I4 A \"" + serialNumber() + "\"");
            }
            case "I4" -> reply("I4 A \"" + serialNumber() + "\"");
            case "S" -> holdUntilStable(stabilityTimeoutMillis(), () -> kcpWeight("S"), () -> "S I");
            case "SI" -> reply(kcpWeight("S"));
            case "Z", "ZI" -> reply(kcpZero(line));
            case "T" -> holdUntilStable(stabilityTimeoutMillis(), this::kcpTare, () -> "T I");
            case "TA" -> reply("TA A " + value(tare()));
            case "TAC" -> {
                clearTare();
                reply("TAC A");
            }
            default -> reply("ES");
        }
    }

    private String kcpWeight(String id) {
        if (overloaded()) {
            return id + " +";
        }
        if (underloaded()) {
            return id + " -";
        }
        return id + (stable() ? " S " : " D ") + value(net());
    }

    private String kcpZero(String id) {
        if (overloaded() || underloaded()) {
            return id + (overloaded() ? " +" : " -");
        }
        if (id.equals("Z") && !stable()) {
            return "Z I";
        }
        if (!withinZeroRange()) {
            return id + " +";
        }
        setZero();
        return id.equals("Z") ? "Z A" : "ZI " + (stable() ? "S" : "D");
    }

    private String kcpTare() {
        if (overloaded() || underloaded()) {
            return "T " + (overloaded() ? "+" : "-");
        }
        setTareToGross();
        return "T S " + value(tare());
    }

    private String value(BigDecimal grams) {
        return String.format("%10s %s", grams.toPlainString(), unit());
    }

    private String frame() {
        if (tagged) {
            if (overloaded() || underloaded()) {
                return "OL,GS";
            }
            return (stable() ? "ST" : "US") + ",GS" + String.format("%9s", net().toPlainString())
                    + unit().toUpperCase(Locale.ROOT);
        }
        if (overloaded() || underloaded()) {
            return "           Error";
        }
        BigDecimal net = net();
        String unit = stable() ? unit() : "";
        return String.format(
                " %c%10s %-3s", net.signum() < 0 ? '-' : ' ', net.abs().toPlainString(), unit);
    }
}
