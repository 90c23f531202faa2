package org.goldbuying.scale.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.goldbuying.scale.ScaleException;
import org.goldbuying.scale.transport.SerialLine;

/**
 * The host's end of a line that notes every exchange for a {@link Transcript}: each command written, each reply
 * line with its exact bytes and the milliseconds since the command, and the driver's reading of it. Used directly
 * by a test ({@link #send}, {@link #await}, {@link #quiet}) or handed to the driver as its line.
 */
final class TranscriptRecorder implements SerialLine {
    private final SerialLine line;
    private final DriverReadings.ReplyReader reader;
    private final List<Transcript.Exchange> exchanges = new ArrayList<>();
    private final LinkedBlockingQueue<Transcript.Reply> arrived = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private String command;
    private long sentAt;
    private List<Transcript.Reply> replies = new ArrayList<>();
    private long silence = -1;

    TranscriptRecorder(SerialLine line, DriverReadings.ReplyReader reader) {
        this.line = line;
        this.reader = reader;
    }

    /** Opens the line for a test that talks to the balance itself. */
    TranscriptRecorder openRaw() {
        open(new Listener() {
            @Override
            public void onLine(String text) {}

            @Override
            public void onFault(ScaleException fault) {}
        });
        return this;
    }

    @Override
    public void open(Listener listener) {
        line.open(new Listener() {
            @Override
            public void onLine(String text) {
                listener.onLine(text);
            }

            @Override
            public void onFault(ScaleException fault) {
                listener.onFault(fault);
            }

            @Override
            public void onBytes(byte[] chunk, int offset, int count) {
                received(chunk, offset, count);
                listener.onBytes(chunk, offset, count);
            }

            @Override
            public void onReconnected() {
                listener.onReconnected();
            }
        });
    }

    private synchronized void received(byte[] chunk, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            char c = (char) (chunk[i] & 0xff);
            partial.append(c);
            if (c == '\n') {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                String bytes = partial.toString();
                partial.setLength(0);
                Transcript.Reply bare = new Transcript.Reply(millis, bytes, null);
                Transcript.Reply reply =
                        command == null ? bare : new Transcript.Reply(millis, bytes, reader.read(command, bare.line()));
                if (command != null) {
                    replies.add(reply);
                }
                arrived.add(reply);
            }
        }
    }

    @Override
    public synchronized void write(String text) {
        closeExchange();
        command = text;
        replies = new ArrayList<>();
        silence = -1;
        arrived.clear();
        sentAt = System.nanoTime();
        line.write(text);
    }

    private void closeExchange() {
        if (command == null) {
            return;
        }
        if (replies.isEmpty() && silence < 0) {
            silence = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
        }
        exchanges.add(new Transcript.Exchange(command, List.copyOf(replies), silence));
        command = null;
    }

    /** Sends a command and returns the first {@code count} reply lines, failing if they do not come in time. */
    List<Transcript.Reply> send(String text, int count, long maxMillis) throws InterruptedException {
        write(text);
        return await(count, maxMillis);
    }

    /** The next {@code count} reply lines, failing if they do not come within the time. */
    List<Transcript.Reply> await(int count, long maxMillis) throws InterruptedException {
        List<Transcript.Reply> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        while (got.size() < count) {
            Transcript.Reply reply = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertThat(reply)
                    .as(
                            "reply %d of %d to %s within %d ms (got %s)",
                            got.size() + 1, count, Transcript.escape(command == null ? "?" : command), maxMillis, got)
                    .isNotNull();
            got.add(reply);
        }
        return got;
    }

    /**
     * Reads what is still arriving until nothing has come for {@code millis}: after a command that stops a stream
     * (and has no reply of its own), the frames already on their way are read here, not taken for the next reply.
     */
    void drainUntilQuiet(long millis) throws InterruptedException {
        while (arrived.poll(millis, TimeUnit.MILLISECONDS) != null) {
            // a frame sent before the stop: keep reading until the line is quiet
        }
    }

    /** Waits out the time and checks that nothing more arrived (noted as a silence in the transcript). */
    void quiet(long millis) throws InterruptedException {
        Transcript.Reply extra = arrived.poll(millis, TimeUnit.MILLISECONDS);
        assertThat(extra)
                .as("nothing more after %s", Transcript.escape(command == null ? "?" : command))
                .isNull();
        synchronized (this) {
            silence = millis;
        }
    }

    /** The exchanges so far, as one scenario. */
    synchronized Transcript.Scenario scenario(String name, List<String> steps, String outcome) {
        closeExchange();
        return new Transcript.Scenario(name, steps, List.copyOf(exchanges), outcome);
    }

    @Override
    public boolean isOpen() {
        return line.isOpen();
    }

    @Override
    public void close() {
        line.close();
    }
}
