package org.goldbuying.scale.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.goldbuying.scale.transport.LineAssembler;
import org.goldbuying.scale.transport.SerialLine;

/**
 * A serial line without any port: it answers each command the driver writes with the replies a transcript recorded
 * for it, in the recorded order, and fails the test when the driver sends anything else. A recorded silence is
 * replayed as no answer at all, so the driver meets its own timeout as it did on the cable.
 */
final class ReplayLine implements SerialLine {
    private final Deque<Transcript.Exchange> script;
    private volatile Listener listener;
    private LineAssembler assembler;

    ReplayLine(List<Transcript.Exchange> exchanges) {
        this.script = new ArrayDeque<>(exchanges);
    }

    @Override
    public void open(Listener l) {
        listener = l;
        assembler = new LineAssembler(256, l::onLine, overflow -> {});
    }

    @Override
    public synchronized void write(String text) {
        Transcript.Exchange next = script.poll();
        if (next == null) {
            throw new AssertionError("the driver sent " + Transcript.escape(text) + " after the transcript ended");
        }
        if (!next.command().equals(text)) {
            throw new AssertionError("the driver sent " + Transcript.escape(text) + " where the transcript has "
                    + Transcript.escape(next.command()));
        }
        for (Transcript.Reply reply : next.replies()) {
            byte[] bytes = new byte[reply.bytes().length()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) reply.bytes().charAt(i);
            }
            listener.onBytes(bytes, 0, bytes.length);
            assembler.accept(bytes, 0, bytes.length);
        }
    }

    /** Whether every recorded exchange was asked for. */
    synchronized boolean finished() {
        return script.isEmpty();
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
