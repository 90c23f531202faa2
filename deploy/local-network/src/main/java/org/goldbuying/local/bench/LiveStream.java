package org.goldbuying.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counter's live stream ({@code GET /api/counter/events}, the SSE the counter page reads), read on a thread of
 * its own, noting when each lot's QUOTED event arrives: the instant the socket read that completed the event's line
 * returned. A plain socket rather than the JDK's HTTP client, whose selector and executor threads would add two thread
 * hand-overs of the harness's own to every event.
 */
final class LiveStream implements AutoCloseable {
    private static final Pattern QUOTED_LOT =
            Pattern.compile("\"type\":\"QUOTED\".*?\"lot\":\\{\"id\":\"([0-9a-f-]{36})\"");

    /** A lot's QUOTED event: when it arrived and its line ({@code data: {...}}). */
    record Quoted(long nanos, String event) {
        /** Whether the quoted lot waits for a supervisor (its approval lists reasons). */
        boolean needsApproval() {
            return !event.contains("\"approval\":{\"reasons\":[]");
        }
    }

    /** Each lot's QUOTED event, completed by the stream's reader thread. */
    private final Map<String, CompletableFuture<Quoted>> quotedAt = new ConcurrentHashMap<>();

    private final Socket socket;

    private LiveStream(Socket socket) {
        this.socket = socket;
    }

    /** Opens the stream as the given user and starts reading it. */
    static LiveStream open(StationApi user) throws IOException {
        URI station = URI.create(user.baseUrl());
        Socket socket = new Socket(station.getHost(), station.getPort());
        socket.setTcpNoDelay(true);
        socket.getOutputStream()
                .write(("GET /api/counter/events HTTP/1.1\r\nHost: " + station.getAuthority() + "\r\nAuthorization: "
                                + user.authorization() + "\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        LiveStream stream = new LiveStream(socket);
        Thread reader = new Thread(stream::read, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /**
     * Blocks (rather than spinning: a spinning thread would take one of the machine's two cores from the station
     * being measured) until the reader thread noted the lot's quote; the instant is the reader's, not this thread's.
     */
    long awaitQuote(String lotId) throws InterruptedException {
        return awaitQuoted(lotId).nanos();
    }

    /** As {@link #awaitQuote}, with the event itself. */
    Quoted awaitQuoted(String lotId) throws InterruptedException {
        try {
            return quoted(lotId).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no quote on the live stream for lot " + lotId, e);
        } finally {
            quotedAt.remove(lotId);
        }
    }

    private CompletableFuture<Quoted> quoted(String lotId) {
        return quotedAt.computeIfAbsent(lotId, id -> new CompletableFuture<>());
    }

    private void read() {
        byte[] chunk = new byte[64 * 1024];
        StringBuilder pending = new StringBuilder();
        try (socket) {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(chunk)) > 0; ) {
                long now = System.nanoTime();
                pending.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                // Only complete lines count: an event split over two reads arrives with the second.
                int end = pending.lastIndexOf("\n");
                if (end < 0) {
                    continue;
                }
                for (String line : pending.substring(0, end).split("\n")) {
                    Matcher m = QUOTED_LOT.matcher(line);
                    if (m.find()) {
                        quoted(m.group(1)).complete(new Quoted(now, line));
                    }
                }
                pending.delete(0, end + 1);
            }
        } catch (IOException e) {
            // the stream ends when the network stops or the stream is closed
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
