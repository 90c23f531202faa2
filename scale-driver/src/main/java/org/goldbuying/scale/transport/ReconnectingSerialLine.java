package org.goldbuying.scale.transport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.ScaleFault;

/**
 * A serial line that survives an unplug. When the underlying line reports DISCONNECTED (a failed read: on Linux
 * the port still looks open after an unplug), the listener hears the fault at once so a waiting command fails
 * fast, the dead line is closed, and the device is looked for again at an interval, by {@link DeviceIdentity},
 * because its port name may have changed. When it is back, {@link Listener#onReconnected()} tells the protocol
 * layer, which must check the device's identity again: another device may now be on the cable.
 */
public final class ReconnectingSerialLine implements SerialLine {
    private final DeviceIdentity identity;
    private final Supplier<List<PortDescriptor>> ports;
    private final Function<String, SerialLine> opener;
    private final Duration retryInterval;
    private final ScheduledExecutorService retries;
    private volatile SerialLine current;
    private volatile Listener listener;
    private volatile boolean closed;

    /**
     * @param ports  lists the ports present now (in production {@link JSerialCommLine#availablePorts()})
     * @param opener makes a line for a port path (in production a {@link JSerialCommLine} with the device's settings)
     */
    public ReconnectingSerialLine(
            DeviceIdentity identity,
            Supplier<List<PortDescriptor>> ports,
            Function<String, SerialLine> opener,
            Duration retryInterval) {
        this.identity = Objects.requireNonNull(identity);
        this.ports = Objects.requireNonNull(ports);
        this.opener = Objects.requireNonNull(opener);
        this.retryInterval = Objects.requireNonNull(retryInterval);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serial-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public synchronized void open(Listener l) {
        listener = Objects.requireNonNull(l);
        current = connect();
    }

    private SerialLine connect() {
        PortDescriptor port = identity.find(ports.get())
                .orElseThrow(() -> new ScaleException(ScaleFault.DISCONNECTED, "no serial port matches " + identity));
        SerialLine line = opener.apply(port.systemPath());
        line.open(new Listener() {
            @Override
            public void onLine(String text) {
                listener.onLine(text);
            }

            @Override
            public void onBytes(byte[] chunk, int offset, int count) {
                listener.onBytes(chunk, offset, count);
            }

            @Override
            public void onFault(ScaleException fault) {
                listener.onFault(fault);
                if (fault.fault() == ScaleFault.DISCONNECTED) {
                    lost(line);
                }
            }
        });
        return line;
    }

    private synchronized void lost(SerialLine line) {
        if (closed || current != line) {
            return;
        }
        current = null;
        // Close on another thread: this runs on the dead line's reader thread, which close() may join.
        retries.execute(line::close);
        retries.schedule(this::retry, retryInterval.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void retry() {
        SerialLine fresh;
        synchronized (this) {
            if (closed || current != null) {
                return;
            }
            try {
                fresh = connect();
            } catch (ScaleException notYet) {
                retries.schedule(this::retry, retryInterval.toNanos(), TimeUnit.NANOSECONDS);
                return;
            }
        }
        // The host learns of the reconnect (and forgets the old device's identity) before the line is usable:
        // otherwise a weighing could slip through on a different balance before its serial number is read again.
        listener.onReconnected();
        synchronized (this) {
            if (closed) {
                fresh.close();
                return;
            }
            current = fresh;
        }
    }

    @Override
    public void write(String text) {
        SerialLine line = current;
        if (line == null) {
            throw new ScaleException(ScaleFault.DISCONNECTED, "device " + identity + " is unplugged; reconnecting");
        }
        line.write(text);
    }

    @Override
    public boolean isOpen() {
        SerialLine line = current;
        return line != null && line.isOpen();
    }

    @Override
    public void close() {
        SerialLine line;
        synchronized (this) {
            closed = true;
            line = current;
            current = null;
        }
        retries.shutdownNow();
        // Outside the lock: closing joins the reader thread, which may be waiting for the lock in lost().
        if (line != null) {
            line.close();
        }
    }
}
