package org.goldbuying.scale.sim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;

/**
 * What every simulated balance shares: a pan with a load that settles after a while, a zero point and a separate
 * tare memory, a Max above which it reads as overloaded, its own timeout for requests that wait for stability
 * (with one request held at a time, and continuous output), an identity, and a script of line troubles met in
 * the field (garbage, a reply split across reads, two frames in one read, a lost reply, a device that stops
 * answering). Each protocol's simulator reads its maker's commands and formats its frames.
 */
public abstract class BalanceSimulator implements AutoCloseable {
    /** Noise without a terminator: it corrupts the frame that follows, as a glitch on the line does. */
    static final String NOISE = "#\u0002~";

    private enum Trouble {
        SPLIT,
        GARBAGE,
        DROP
    }

    private final SerialLine line;
    private final int decimals;
    private final ScheduledExecutorService delayed;
    private final AtomicReference<Trouble> nextReplyTrouble = new AtomicReference<>();
    private volatile long splitPauseMillis;
    private volatile String joinedExtra;
    private final Object heldLock = new Object();
    private volatile BigDecimal loadGrams = BigDecimal.ZERO;
    /** The load the balance reads as zero (set by zeroing); weights are measured from it. */
    private volatile BigDecimal zeroGrams = BigDecimal.ZERO;
    /** The tare memory: separate from zero, subtracted from the gross to give the net. */
    private volatile BigDecimal tareGrams = BigDecimal.ZERO;

    private volatile BigDecimal capacityGrams = new BigDecimal("2100");
    private volatile long stableAtNanos;
    private volatile long stabilityTimeoutMillis = 3000;
    private volatile String serialNumber;
    private volatile String unitLabel;
    private HeldReply held;
    private ScheduledFuture<?> repeating;
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
    protected void onCommandBytes(byte[] chunk, int offset, int count) {}

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

    /** Out of range above until the next {@link #place} or {@link #clearPan()}. */
    public void overload() {
        overloaded = true;
    }

    /** Out of range below (e.g. the pan lifted off) until the next {@link #place} or {@link #clearPan()}. */
    public void underload() {
        underloaded = true;
    }

    /** The balance's Max: a gross load above it reads as overload. */
    public void capacity(BigDecimal grams) {
        capacityGrams = Objects.requireNonNull(grams);
    }

    /**
     * How long the balance itself waits for a stable reading before it gives up on a request that needs one
     * (a menu or interface setting on real balances). The default is 3 s.
     */
    public void stabilityTimeout(Duration timeout) {
        stabilityTimeoutMillis = timeout.toMillis();
    }

    // ---- identity and settings ----

    public void reportSerialNumber(String serial) {
        serialNumber = serial;
    }

    /** Labels frames with another unit symbol (the value is not converted: used to test unit refusal). */
    public void reportUnit(String symbol) {
        unitLabel = symbol;
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

    /** Settled and within range. */
    protected boolean stable() {
        return !overloaded() && !underloaded() && System.nanoTime() >= stableAtNanos;
    }

    protected boolean overloaded() {
        return overloaded || gross().compareTo(capacityGrams) > 0;
    }

    protected boolean underloaded() {
        return underloaded;
    }

    protected String serialNumber() {
        return serialNumber;
    }

    /** The unit symbol frames carry: grams unless {@link #reportUnit} changed the label. */
    protected String unit() {
        String label = unitLabel;
        return label == null ? "g" : label;
    }

    /** The label set by {@link #reportUnit}, if any. */
    protected String unitLabelOverride() {
        return unitLabel;
    }

    protected int decimals() {
        return decimals;
    }

    protected BigDecimal capacityGrams() {
        return capacityGrams;
    }

    protected long stabilityTimeoutMillis() {
        return stabilityTimeoutMillis;
    }

    /** Weight on the pan measured from the zero point, at the display resolution. */
    protected BigDecimal gross() {
        return loadGrams.subtract(zeroGrams).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** Net weight on the pan (gross less the tare memory) at the display resolution. */
    protected BigDecimal net() {
        return loadGrams.subtract(zeroGrams).subtract(tareGrams).setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /** Net weight before rounding to the display resolution (for frames in another unit). */
    protected BigDecimal exactNet() {
        return loadGrams.subtract(zeroGrams).subtract(tareGrams);
    }

    /** The tare memory before rounding to the display resolution. */
    protected BigDecimal exactTare() {
        return tareGrams;
    }

    /** The tare memory at the display resolution (zero when no tare is set). */
    protected BigDecimal tare() {
        return tareGrams.setScale(decimals, RoundingMode.HALF_EVEN);
    }

    /**
     * Sets the zero point to the load now on the pan and clears the tare memory. The caller checks stability and
     * range first; a balance zeroes only within its zero-setting range ({@link #withinZeroRange()}).
     */
    protected void setZero() {
        zeroGrams = loadGrams;
        tareGrams = BigDecimal.ZERO;
    }

    /**
     * Whether the load now on the pan may be zeroed: within 2 % of Max of the zero found at switch-on (OIML R 76
     * allows 4 % in all for zero-setting; balances split it between the initial and the semi-automatic zero).
     */
    protected boolean withinZeroRange() {
        return loadGrams.abs().compareTo(capacityGrams.multiply(new BigDecimal("0.02"))) <= 0;
    }

    /** Stores the gross weight now on the pan in the tare memory. */
    protected void setTareToGross() {
        tareGrams = loadGrams.subtract(zeroGrams);
    }

    /** Stores a known tare value (a preset tare) in the tare memory. */
    protected void presetTare(BigDecimal grams) {
        tareGrams = grams;
    }

    protected void clearTare() {
        tareGrams = BigDecimal.ZERO;
    }

    /**
     * Holds a reply until the load is stable (or out of range, which is an answer too), for at most the given
     * time; then sends {@code timedOut} instead. Only one request is held at a time, as on a balance that
     * processes one command after the other; {@link #heldRequest()} tells whether one is waiting.
     */
    protected void holdUntilStable(long timeoutMillis, Supplier<String> settled, Supplier<String> timedOut) {
        if (stable() || overloaded() || underloaded()) {
            reply(settled.get());
            return;
        }
        long deadline = timeoutMillis == Long.MAX_VALUE
                ? Long.MAX_VALUE
                : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        HeldReply hold = new HeldReply(deadline, settled, timedOut);
        synchronized (heldLock) {
            held = hold;
            hold.poll = delayed.scheduleWithFixedDelay(() -> checkHeld(hold), 5, 5, TimeUnit.MILLISECONDS);
        }
    }

    /** Replies now if the load is stable, otherwise as soon as it settles, however long that takes. */
    protected void replyWhenStable(Supplier<String> frame) {
        holdUntilStable(Long.MAX_VALUE, frame, frame);
    }

    /** Whether a request is being held for a stable reading. */
    protected boolean heldRequest() {
        synchronized (heldLock) {
            return held != null;
        }
    }

    /** Drops the request being held, if any: it will never be answered (a reset or cancel command). */
    protected void cancelHeld() {
        synchronized (heldLock) {
            if (held != null) {
                held.poll.cancel(false);
                held = null;
            }
        }
    }

    private void checkHeld(HeldReply hold) {
        Supplier<String> answer;
        synchronized (heldLock) {
            if (held != hold) {
                return;
            }
            if (stable() || overloaded() || underloaded()) {
                answer = hold.settled;
            } else if (System.nanoTime() - hold.deadline >= 0 && hold.deadline != Long.MAX_VALUE) {
                answer = hold.timedOut;
            } else {
                return;
            }
            hold.poll.cancel(false);
            held = null;
        }
        reply(answer.get());
    }

    /** Sends a frame every period until {@link #stopRepeating()} (continuous output such as MT-SICS SIR). */
    protected void repeat(long periodMillis, Supplier<String> frame) {
        synchronized (heldLock) {
            stopRepeatingLocked();
            repeating = delayed.scheduleAtFixedRate(() -> reply(frame.get()), 0, periodMillis, TimeUnit.MILLISECONDS);
        }
    }

    protected boolean repeating() {
        synchronized (heldLock) {
            return repeating != null;
        }
    }

    protected void stopRepeating() {
        synchronized (heldLock) {
            stopRepeatingLocked();
        }
    }

    private void stopRepeatingLocked() {
        if (repeating != null) {
            repeating.cancel(false);
            repeating = null;
        }
    }

    /** Runs an action later on the simulator's own thread (multi-line replies, delayed events). */
    protected void later(long millis, Runnable action) {
        delayed.schedule(action, millis, TimeUnit.MILLISECONDS);
    }

    private static final class HeldReply {
        final long deadline;
        final Supplier<String> settled;
        final Supplier<String> timedOut;
        ScheduledFuture<?> poll;

        HeldReply(long deadline, Supplier<String> settled, Supplier<String> timedOut) {
            this.deadline = deadline;
            this.settled = settled;
            this.timedOut = timedOut;
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
