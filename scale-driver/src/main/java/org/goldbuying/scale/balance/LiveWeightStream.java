package org.goldbuying.scale.balance;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.goldbuying.scale.ScaleException;

/**
 * The weight for the counter display, polled at a fixed interval. Frames may be unstable (and say so); they are
 * never transaction readings. Polls share the balance's command lock, so a transaction weighing simply waits for
 * the poll in progress. Polling also lets the balance notice the pan returning to zero between lots.
 */
public final class LiveWeightStream implements AutoCloseable {
    private final SerialBalance balance;
    private final Duration pollInterval;
    private final Consumer<WeightFrame> onWeight;
    private final Consumer<ScaleException> onFault;
    private final ScheduledExecutorService poller;

    public LiveWeightStream(
            SerialBalance balance,
            Duration pollInterval,
            Consumer<WeightFrame> onWeight,
            Consumer<ScaleException> onFault) {
        this.balance = Objects.requireNonNull(balance);
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.onWeight = Objects.requireNonNull(onWeight);
        this.onFault = Objects.requireNonNull(onFault);
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-weight-" + balance.registered().deviceId());
            t.setDaemon(true);
            return t;
        });
    }

    public LiveWeightStream start() {
        // Fixed delay, not fixed rate: a slow reply must not make polls pile up behind it.
        poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toNanos(), TimeUnit.NANOSECONDS);
        return this;
    }

    private void poll() {
        try {
            onWeight.accept(balance.readLive());
        } catch (ScaleException e) {
            onFault.accept(e);
        } catch (RuntimeException displayFailed) {
            // A callback that throws would silently end a scheduled task; the display's own bug must not
            // freeze the weight shown at the counter, so polling goes on.
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
