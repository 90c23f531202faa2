package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A scriptable MT-SICS balance on the device end of a serial line. Answers S, SI, I2, I4, Z, T and @ the way a
 * Mettler Toledo balance does; the script methods put a load on the pan, make it settle slowly, overload, or
 * answer with a different serial number.
 */
public final class MtSicsSimulator implements AutoCloseable {
    private final SerialLine line;
    private final int decimals;
    private volatile BigDecimal loadGrams = BigDecimal.ZERO;
    private volatile BigDecimal tareGrams = BigDecimal.ZERO;
    private volatile long stableAtNanos;
    private volatile String serialNumber;
    private volatile String model = "XPR2003S";
    private volatile boolean overloaded;
    private volatile String unit = "g";

    public MtSicsSimulator(SerialLine line, String serialNumber, int decimals) {
        this.line = Objects.requireNonNull(line);
        this.serialNumber = Objects.requireNonNull(serialNumber);
        this.decimals = decimals;
    }

    public MtSicsSimulator start() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                answer(text.trim());
            }

            @Override
            public void onFault(ScaleException fault) {
                // the host went away; a real balance just keeps its state
            }
        });
        return this;
    }

    /** Puts a load on the pan; it reads as unstable until the settling time has passed. */
    public void place(BigDecimal grams, long settlingMillis) {
        overloaded = false;
        loadGrams = grams;
        stableAtNanos = System.nanoTime() + settlingMillis * 1_000_000L;
    }

    public void place(BigDecimal grams) {
        place(grams, 0);
    }

    public void clearPan() {
        place(BigDecimal.ZERO, 0);
    }

    public void overload() {
        overloaded = true;
    }

    public void reportSerialNumber(String serial) {
        serialNumber = serial;
    }

    public void reportUnit(String symbol) {
        unit = symbol;
    }

    /** Sends raw bytes as if the device had produced them (garbage, partial or joined frames). */
    public void sendRaw(String bytes) {
        line.write(bytes);
    }

    private void answer(String command) {
        switch (command) {
            case "S" -> reply(stable() ? weightLine("S S") : overloaded ? "S +" : "S I");
            case "SI" -> reply(overloaded ? "S +" : weightLine(stable() ? "S S" : "S D"));
            case "I2" -> reply("I2 A \"" + model + "\" 2100.00 g");
            case "I4", "@" -> reply("I4 A \"" + serialNumber + "\"");
            case "Z", "ZI" -> {
                if (!stable()) {
                    reply("Z I");
                } else {
                    tareGrams = loadGrams;
                    reply("Z A");
                }
            }
            case "T" -> {
                if (!stable()) {
                    reply("T I");
                } else {
                    tareGrams = loadGrams;
                    reply(weightLine("T S"));
                }
            }
            default -> reply("ES");
        }
    }

    private boolean stable() {
        return !overloaded && System.nanoTime() >= stableAtNanos;
    }

    private String weightLine(String prefix) {
        BigDecimal net = loadGrams.subtract(tareGrams).setScale(decimals, RoundingMode.HALF_EVEN);
        return String.format("%s %10s %s", prefix, net.toPlainString(), unit);
    }

    private void reply(String text) {
        line.write(text + "\r\n");
    }

    @Override
    public void close() {
        line.close();
    }
}
