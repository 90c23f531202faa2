package org.goldbuying.scale.balance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;

/** A serial line without hardware: each write is answered by a script (null = no answer). */
public class FakeSerialLine implements SerialLine {
    private final Function<String, String> device;
    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    private volatile Listener listener;

    public FakeSerialLine(Function<String, String> device) {
        this.device = device;
    }

    @Override
    public void open(Listener l) {
        listener = l;
    }

    @Override
    public void write(String text) {
        written.add(text);
        String reply = device.apply(text);
        if (reply != null) {
            listener.onLine(reply);
        }
    }

    /** A line from the device that no write asked for (or a second line to one). */
    public void deliver(String line) {
        listener.onLine(line);
    }

    public void fault(ScaleException e) {
        listener.onFault(e);
    }

    public List<String> written() {
        return written;
    }

    @Override
    public boolean isOpen() {
        return listener != null;
    }

    @Override
    public void close() {
        listener = null;
    }
}
