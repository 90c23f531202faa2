package org.goldbuying.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.goldbuying.local.LocalNetwork;
import org.goldbuying.scale.xrf.Element;

/**
 * The latency-critical path, end to end on real parts: from the XRF analyser writing the last shot of a lot on its
 * pseudo-terminal to the quote arriving on the counter's live stream (the SSE the counter page reads). The analyser
 * simulator and the stream's reader live in this JVM, so both instants come from the same clock. Issue 4's goal:
 * p99 <= 5 ms. Not a test: run it with deploy/scripts/xrf-latency.sh; results go to docs/performance.md.
 */
public final class XrfToQuoteLatency {
    private static final Pattern QUOTED_LOT = Pattern.compile("\"type\":\"QUOTED\".*?\"lot\":\\{\"id\":\"([0-9a-f-]{36})\"");

    /** When each lot's QUOTED event arrived, completed by the stream's reader thread. */
    private final Map<String, CompletableFuture<Long>> quotedAt = new ConcurrentHashMap<>();
    private final LocalNetwork network;
    private final StationApi clerk;
    private long shots;

    private XrfToQuoteLatency(LocalNetwork network) {
        this.network = network;
        this.clerk = new StationApi(network.stationUrl(), "clerk", "clerk-demo");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        // steady state, as a station that has been open for a while: its code compiled, and the harness's too
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        try (LocalNetwork network = LocalNetwork.start(LocalNetwork.Settings.forTests(root,
                root.resolve("deploy/local-network/target/xrf-latency")))) {
            new XrfToQuoteLatency(network).run(samples, warmUp);
        }
    }

    private void run(int samples, int warmUp) throws Exception {
        clerk.awaitQuotablePrice();
        listen();
        String seller = clerk.post("/api/sellers", """
                {"type":"LICENSED_TRADER","name":"Latency Trader","licenceNumber":"LT-%d","licenceExpiry":"2030-01-01",
                 "site":{"name":"Depot","latitude":"0.3","longitude":"32.5"}}""".formatted(System.nanoTime()));
        String lotRequest = "{\"sellerId\":\"%s\",\"mineSiteId\":\"%s\"}".formatted(StationApi.group(StationApi.ID, seller),
                StationApi.group(StationApi.FIRST_SITE, seller));
        long[] afterWrite = new long[samples];
        long[] beforeWrite = new long[samples];
        for (int i = -warmUp; i < samples; i++) {
            network.balance().clearPan();
            clerk.get("/api/balance/live");
            network.balance().place(new BigDecimal("10.00"));
            String lotId = StationApi.group(StationApi.ID, clerk.post("/api/lots/xrf", lotRequest));
            shoot("91.60");
            shoot("91.62");
            Thread.sleep(30); // let the first two shots be stored: only the last one is on the measured path
            long before = System.nanoTime();
            shoot("91.58");
            long after = System.nanoTime();
            long quoted = awaitQuote(lotId);
            if (i >= 0) {
                beforeWrite[i] = quoted - before;
                afterWrite[i] = quoted - after;
            }
        }
        report("last shot written (after the write returned) -> quote on the live stream", afterWrite);
        report("last shot about to be written -> quote on the live stream", beforeWrite);
    }

    private void shoot(String gold) {
        network.analyser().shoot("LAT-" + (++shots), Map.of(Element.AU, new BigDecimal(gold),
                Element.AG, new BigDecimal("4.10"), Element.CU, new BigDecimal("100").subtract(new BigDecimal(gold))
                        .subtract(new BigDecimal("4.10"))));
    }

    /**
     * Blocks (rather than spinning: a spinning thread would take one of the machine's two cores from the station
     * being measured) until the reader thread noted the lot's quote; the instant is the reader's, not this thread's.
     */
    private long awaitQuote(String lotId) throws InterruptedException {
        try {
            return quoted(lotId).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no quote on the live stream for lot " + lotId, e);
        }
    }

    private CompletableFuture<Long> quoted(String lotId) {
        return quotedAt.computeIfAbsent(lotId, id -> new CompletableFuture<>());
    }

    /**
     * Reads the counter's live stream on its own thread, noting when each lot's QUOTED event arrives: the instant
     * the socket read that completed the event's line returned. A plain socket rather than the JDK's HTTP client,
     * whose selector and executor threads would add two thread hand-overs of the harness's own to every sample.
     */
    private void listen() throws IOException {
        URI station = URI.create(clerk.baseUrl());
        Socket socket = new Socket(station.getHost(), station.getPort());
        socket.setTcpNoDelay(true);
        socket.getOutputStream().write(("GET /api/counter/events HTTP/1.1\r\nHost: " + station.getAuthority()
                + "\r\nAuthorization: " + clerk.authorization() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        Thread reader = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            StringBuilder pending = new StringBuilder();
            try (socket) {
                for (int n; (n = in.read(chunk)) > 0;) {
                    long now = System.nanoTime();
                    pending.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                    // Only complete lines count: an event split over two reads arrives with the second.
                    int end = pending.lastIndexOf("\n");
                    if (end < 0) {
                        continue;
                    }
                    Matcher m = QUOTED_LOT.matcher(pending.substring(0, end));
                    while (m.find()) {
                        quoted(m.group(1)).complete(now);
                    }
                    pending.delete(0, end + 1);
                }
            } catch (IOException e) {
                // the stream ends when the network stops
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%n%s (%d lots)%n| p50 | p90 | p99 | max |%n|---|---|---|---|%n| %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
                what, sorted.length, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
