package org.goldbuying.scale.sim;

import java.util.Locale;

import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable Kern balance speaking the older single-byte protocol: {@code s} prints once the load is stable,
 * {@code w} at once (without a unit while it moves), {@code t} tares silently. The commands come without a
 * terminator, so this simulator reads raw bytes. With {@link #kcp(boolean)} on it also answers the KCP
 * serial-number request {@code I4} (a CR LF line), as models with the newer protocol do. Tagged frames
 * ({@code ST,GS   1.000KG}) are printed when {@link #taggedFrames(boolean)} is on.
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
            if (pendingLine.length() == 0 && (c == 's' || c == 'w' || c == 't')) {
                singleByte(c);
            } else if (c == '\n') {
                String line = pendingLine.toString().trim();
                pendingLine.setLength(0);
                if (kcp && line.equals("I4")) {
                    reply("I4 A \"" + serialNumber() + "\"");
                } else if (kcp) {
                    reply("ES");
                }
            } else if (c != '\r' && pendingLine.length() < 64) {
                pendingLine.append(c);
            }
        }
    }

    private void singleByte(char command) {
        switch (command) {
            case 's' -> replyWhenStable(this::frame);
            case 'w' -> reply(frame());
            default -> zeroPan();
        }
    }

    private String frame() {
        String value = net().toPlainString();
        if (tagged) {
            if (overloaded() || underloaded()) {
                return "OL,GS";
            }
            return (stable() ? "ST" : "US") + ",GS" + String.format("%9s", value) + unit().toUpperCase(Locale.ROOT);
        }
        if (overloaded() || underloaded()) {
            return "Error";
        }
        return String.format("%10s %-3s", value, stable() ? unit() : "");
    }
}
