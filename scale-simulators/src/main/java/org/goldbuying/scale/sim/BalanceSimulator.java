package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;

/**
 * What every simulated balance shares: a pan with a load that settles after a while, an identity, and a script
 * of line troubles met in the field (garbage, a reply split across reads, two frames in one read, a lost reply,
 * a device that stops answering). Each protocol's simulator only reads commands and formats frames.
 */
public abstract class BalanceSimulator implements AutoCloseable {
    /** Noise without a terminator: it corrupts the frame that follows, as a glitch on the line does. */
    static final String NOISE = "#\u0002~";

    private enum Trouble { SPLIT, GARBAGE, DROP }

    private final SerialLine line;
    private final int decimals;
    private final ScheduledExecutorService delayed;
    private final AtomicReference<Trouble> nextReplyTrouble = new AtomicReference<>();
    private volatile long splitPauseMillis;
    private volatile String joinedExtra;
    private volatile BigDecimal loadGrams = BigDecimal.ZERO;
    private volatile BigDecimal tareGrams = BigDecimal.ZERO;
    private volatile long stableAtNanos;
    private volatile String serialNumber;
    private volatile String unit = "g";
    private volatile boolean overloaded;
    private volatile boolean underloaded;
    private volatile boolean muted;

    protected BalanceSimulator(SerialLine line, String serialNumber, int decimals) {
        this.line = Objects.requireNonNull(line);
        this.serialNumber = Objects.requireNonNull(serialNumber);
        this.decimals = decimals;
        this.delayed = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulator-" + getClass().getSimpleName());
            t.setDaemon(true);
            return t;
        });
    }

    public BalanceSimulator start() {
        line.open(new SerialLine.Listener() {
            @Override
            public void onLine(String text) {
                if (!muted) {
                    // strip(), not trim(): trim() would also remove the ESC that starts every SBI command.
                    onCommandLine(text.strip());
                }
            }

            @Override
            public void onBytes(byte[] chunk, int offset, int count) {
                if (!muted) {
                    onCommandBytes(chunk, offset, count);
                }
            }

            @Override
            public void onFault(ScaleException fault) {
                // the host went away; a real balance just keeps its state
            }
        });
        return this;
    }

    /** A whole command line from the host (terminator removed). */
    protected abstract void onCommandLine(String command);

    /** Raw bytes from the host; only simulators of terminator-less protocols override this. */
    protected void onCommandBytes(byte[] chunk, int offset, int count) {
    }

    // ---- the pan ----

    /** Puts a load on the pan; it reads as unstable until the settling time has passed. */
    public void place(BigDecimal grams, long settlingMillis) {
        overloaded = false;
        underloaded = false;
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

    public void underload() {
        underloaded = true;
    }

    // ---- identity and settings ----

    public void reportSerialNumber(String serial) {
        serialNumber = serial;
    }

    /** Labels frames with another unit symbol (the value is not converted: used to test unit refusal). */
    public void reportUnit(String symbol) {
        unit = symbol;
    }

    // ---- line troubles ----

    /** Sends raw bytes as if the device had produced them (garbage, partial or joined frames). */
    public void sendRaw(String bytes) {
        line.write(bytes);
    }

    /** The next reply leaves in two writes with a pause between, so the host reads it in two chunks. */
    public void splitNextReply(long pauseMillis) {
        splitPauseMillis = pauseMillis;
        nextReplyTrouble.set(Trouble.SPLIT);
    }

    /** Noise bytes arrive just before the next reply and corrupt it. */
    public void garbleNextReply() {
        nextReplyTrouble.set(Trouble.GARBAGE);
    }

    /** The next reply is lost on the way. */
    public void dropNextReply() {
        nextReplyTrouble.set(Trouble.DROP);
    }

    /** The next reply is followed, in the same write, by this extra frame (terminator added). */
    public void joinNextReplyWith(String extraFrame) {
        joinedExtra = extraFrame;
    }

    /** A muted device ignores every command, like one whose cable was pulled on the host side. */
    public void mute(boolean mute) {
        muted = mute;
    }

    // ---- for the protocol simulators ----

    protected boolean stable() {
        return !overloaded && !underloaded && System.nanoTime() >= stableAtNanos;
    }

    protected boolean overloaded() {
        return overloaded;
    }

    protected boolean underloaded() {
        return underloaded;
    }

    protected String serialNumber() {
        return serialNumber;
    }

    protected String unit() {
        return unit;
    }

    protected int decimals() {
        return decimals;
    }

    /** Net weight on the pan at the display resolution. */
    protected BigDecimal net() {
        return loadGrams.subtract(tareGrams).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** Zero (or tare) the pan: a balance refuses while the load is moving. */
    protected boolean zeroPan() {
        if (!stable()) {
            return false;
        }
        tareGrams = loadGrams;
        return true;
    }

    /** Replies now if the load is stable, otherwise as soon as it settles (a "stable only" request). */
    protected void replyWhenStable(Supplier<String> frame) {
        long wait = stableAtNanos - System.nanoTime();
        if (wait <= 0 || overloaded || underloaded) {
            reply(frame.get());
        } else {
            delayed.schedule(() -> reply(frame.get()), wait, TimeUnit.NANOSECONDS);
        }
    }

    /** Writes one reply frame followed by CR LF, applying any scripted trouble. */
    protected void reply(String text) {
        String frame = text + "\r\n";
        String extra = joinedExtra;
        if (extra != null) {
            joinedExtra = null;
            frame = frame + extra + "\r\n";
        }
        Trouble trouble = nextReplyTrouble.getAndSet(null);
        if (trouble == null) {
            write(frame);
            return;
        }
        switch (trouble) {
            case DROP -> {
                // lost on the way
            }
            case GARBAGE -> write(NOISE + frame);
            case SPLIT -> {
                int half = Math.max(1, frame.length() / 2);
                write(frame.substring(0, half));
                String rest = frame.substring(half);
                delayed.schedule(() -> write(rest), splitPauseMillis, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void write(String bytes) {
        try {
            line.write(bytes);
        } catch (ScaleException hostGone) {
            // nobody listens any more; a real balance would not notice either
        }
    }

    @Override
    public void close() {
        delayed.shutdownNow();
        line.close();
    }
}
