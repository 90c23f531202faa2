package org.goldbuying.centre.bench;

import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.parsetools.RecordParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldbuying.infra.Folders;
import org.goldbuying.infra.KafkaTopic;
import org.goldbuying.infra.LocalKafka;
import org.goldbuying.infra.LocalPostgres;

/**
 * A price change reaching 1,000 connected public displays (issue 5, item 10: p99 <= 1 s). Not a test: run it with
 * deploy/scripts/display-fanout.sh; results go to docs/performance.md.
 *
 * <ol>
 * <li>Starts a real PostgreSQL and a real KRaft Kafka broker (deploy/embedded-infra) under
 * target/bench/display-fanout, and the packaged service (target/quarkus-app/quarkus-run.jar) as a process pointed at
 * both, in the {@code local} profile (the treasury demo login; nothing else differs from production), with the
 * scheduled publication set to once an hour so that only this harness changes the price.</li>
 * <li>Opens {@code streams} server-sent-event streams on GET /api/display/stream (what each station's screen reads),
 * each on its own TCP connection (Vert.x HTTP client, HTTP/1.1, a pool as large as the number of streams; the
 * harness counts the distinct local ports to prove it), in waves of 100, and waits for every stream's first view.</li>
 * <li>{@code warm-up + changes} times, one second apart: a treasury user runs a publication round now
 * (POST /api/price/publish: feed, guard, new tick stored in PostgreSQL, sent to Kafka with acks=all, then pushed to
 * the displays) and the harness notes, per stream, when the view with the new tick's sequence arrives. Delays are
 * measured from the trigger (just before the POST is sent) and from the tick's {@code publishedAt} (taken by the
 * service inside the publication's transaction, before the commit and the Kafka send); arrival instants are
 * {@link System#nanoTime()} taken first thing in the stream's handler on the client's event loop.</li>
 * </ol>
 *
 * A stream that has not received a change within 10 s of its trigger, or skipped it for a later one, counts as
 * missed. The service's resident memory and CPU time come from /proc.
 */
public final class DisplayFanout {
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\":(\\d+)");
    private static final Pattern SPOT = Pattern.compile("\"spotUsdPerTroyOunce\":\"?([0-9.]+)");
    private static final Pattern PUBLISHED_AT = Pattern.compile("\"publishedAt\":\"([^\"]+)\"");
    private static final byte[] SEQUENCE_KEY = "\"sequence\":".getBytes(StandardCharsets.US_ASCII);
    private static final int WAVE = 100;
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(10);
    private static final long GAP_MILLIS = 1000;

    private final Path dir;
    private final int streams;
    private final int changes;
    private final int warmUp;
    private final StringBuilder report = new StringBuilder();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private PackagedCentre service;
    private Vertx vertx;

    /** Base sequence (the tick on screen when the streams open); arrivals[stream][sequence - base]. */
    private long baseSequence;

    private long[][] arrivals;
    private AtomicInteger[] received;
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final Set<Integer> localPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> clientThreads = ConcurrentHashMap.newKeySet();

    private DisplayFanout(Path dir, int streams, int changes, int warmUp) {
        this.dir = dir;
        this.streams = streams;
        this.changes = changes;
        this.warmUp = warmUp;
    }

    public static void main(String[] args) throws Exception {
        int streams = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int changes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench/display-fanout"))
                .toAbsolutePath();
        requireFileDescriptors(streams);
        Path jar = PackagedCentre.jar();
        Folders.deleteRecursively(dir);
        Files.createDirectories(dir);
        DisplayFanout bench = new DisplayFanout(dir, streams, changes, warmUp);
        try {
            bench.run(jar);
        } finally {
            bench.stopAll();
        }
    }

    /**
     * Each stream is one socket in this process and one in the service (which inherits this process's limit): say
     * so plainly rather than fail later with "Too many open files" in the middle of the connections.
     */
    private static void requireFileDescriptors(int streams) {
        long needed = streams + 512L;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os
                && os.getMaxFileDescriptorCount() < needed) {
            throw new IllegalStateException(String.format(
                    Locale.ROOT,
                    "open files limit (ulimit -n) is %d; %d streams need at least %d in this process and in the "
                            + "service it starts. Raise it in the shell first, e.g. `ulimit -n %d`, then rerun.",
                    os.getMaxFileDescriptorCount(),
                    streams,
                    needed,
                    Math.max(4096, needed)));
        }
    }

    private void run(Path jar) throws Exception {
        line(
                "load average at start: %s; %d cores; open files limit %s",
                PackagedCentre.loadAverage(), Runtime.getRuntime().availableProcessors(), fileLimit());
        line(
                "streams: %d; price changes: %d measured after %d warm-up, %d ms apart",
                streams, changes, warmUp, GAP_MILLIS);
        postgres = LocalPostgres.start(dir.resolve("postgres"), 0, false).createDatabase("centre");
        kafka = LocalKafka.start(dir.resolve("kafka"), 0, false).createTopics(KafkaTopic.all());
        Instant launched = Instant.now();
        // the simulated feed steps every 0.5 s (instead of 10 s), so that each round publishes a new spot price
        service = PackagedCentre.start(
                jar,
                dir,
                postgres,
                kafka,
                Map.of(
                        "QUARKUS_PROFILE",
                        "local",
                        "CENTRE_PUBLISH_INTERVAL",
                        "PT1H",
                        "CENTRE_FEED_SIMULATED_STEP_INTERVAL",
                        "PT0.5S"));
        service.awaitReady(Duration.ofSeconds(90));
        baseSequence = awaitFirstTick();
        line(
                "service ready with tick %d in %.1f s (pid %d, -Xmx512m, JVM defaults otherwise)",
                baseSequence, Duration.between(launched, Instant.now()).toNanos() / 1e9, service.pid());
        Usage idle = Usage.of(service.pid());

        int rounds = warmUp + changes;
        arrivals = new long[streams][rounds + 1];
        received = new AtomicInteger[rounds + 1];
        for (int i = 0; i <= rounds; i++) {
            received[i] = new AtomicInteger();
        }
        vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        long connectStart = System.nanoTime();
        openStreams();
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        Usage connected = Usage.of(service.pid());
        line(
                "%d streams open, each showing tick %d, in %.1f s: %d distinct TCP connections (client local ports), "
                        + "read by %d client event-loop threads",
                received[0].get(), baseSequence, connectSeconds, localPorts.size(), clientThreads.size());
        line("service RSS: %.0f MB idle, %.0f MB with the streams open", idle.rssMb, connected.rssMb);

        long[] rtt = new long[rounds];
        long[] publishedNanos = new long[rounds];
        long[] triggers = new long[rounds];
        String[] spots = new String[rounds];
        long cpuClientStart = clientCpuNanos();
        Usage before = null;
        long measureStart = 0;
        for (int r = 0; r < rounds; r++) {
            if (r == warmUp) {
                before = Usage.of(service.pid());
                cpuClientStart = clientCpuNanos();
                measureStart = System.nanoTime();
            }
            Thread.sleep(GAP_MILLIS);
            service.checkAlive();
            // wall clock and monotonic clock read together: converts the tick's publishedAt to the arrivals' clock
            Instant wall = Instant.now();
            long wallNanos = System.nanoTime();
            long trigger = System.nanoTime();
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/price/publish"))
                            .header("Authorization", basic("treasury", "treasury-demo"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(
                        "publication round " + r + " answered " + answer.statusCode() + ": " + answer.body());
            }
            long sequence = Long.parseLong(group(SEQUENCE, answer.body()));
            if (sequence != baseSequence + r + 1) {
                throw new IllegalStateException("expected tick " + (baseSequence + r + 1) + ", published " + sequence
                        + " (did another round run?)");
            }
            Instant publishedAt = Instant.parse(group(PUBLISHED_AT, answer.body()));
            spots[r] = group(SPOT, answer.body());
            triggers[r] = trigger;
            rtt[r] = answered - trigger;
            publishedNanos[r] = wallNanos + Duration.between(wall, publishedAt).toNanos();
            long deadline = trigger + ROUND_TIMEOUT.toNanos();
            while (received[r + 1].get() < streams && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        double measureSeconds = (System.nanoTime() - measureStart) / 1e9;
        Usage after = Usage.of(service.pid());
        long clientCpu = clientCpuNanos() - cpuClientStart;
        Thread.sleep(500); // late arrivals still count as arrivals, but stay missed in the figures if past 10 s

        // all (change, stream) pairs of the measured rounds
        long[] fromTrigger = new long[changes * streams];
        long[] fromPublished = new long[changes * streams];
        int n = 0;
        int missed = 0;
        int priceChanged = 0;
        StringBuilder csv = new StringBuilder("round,stream,trigger_to_arrival_ns,published_at_to_arrival_ns\n");
        StringBuilder perRound = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            long[] roundDelays = new long[streams];
            int got = 0;
            int roundMissed = 0;
            for (int s = 0; s < streams; s++) {
                long at = arrivals[s][r + 1];
                if (at == 0 || at - triggers[r] > ROUND_TIMEOUT.toNanos()) {
                    roundMissed++;
                    continue;
                }
                roundDelays[got++] = at - triggers[r];
                if (r >= warmUp) {
                    fromTrigger[n] = at - triggers[r];
                    fromPublished[n] = at - publishedNanos[r];
                    n++;
                    csv.append(r - warmUp)
                            .append(',')
                            .append(s)
                            .append(',')
                            .append(at - triggers[r])
                            .append(',')
                            .append(at - publishedNanos[r])
                            .append('\n');
                }
            }
            if (r >= warmUp) {
                missed += roundMissed;
                if (!spots[r].equals(spots[r - 1 < 0 ? 0 : r - 1])) {
                    priceChanged++;
                }
            }
            long[] sorted = Arrays.copyOf(roundDelays, got);
            Arrays.sort(sorted);
            perRound.append(String.format(
                    Locale.ROOT,
                    "| %s%d | %d | %s | %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    r < warmUp ? "warm-up " : "",
                    r < warmUp ? r + 1 : r - warmUp + 1,
                    baseSequence + r + 1,
                    spots[r],
                    rtt[r] / 1e6,
                    (publishedNanos[r] - triggers[r]) / 1e6,
                    ms(sorted, 0.0),
                    ms(sorted, 0.5),
                    ms(sorted, 1.0),
                    roundMissed));
        }
        Files.writeString(dir.resolve("samples.csv"), csv);
        fromTrigger = Arrays.copyOf(fromTrigger, n);
        fromPublished = Arrays.copyOf(fromPublished, n);
        Arrays.sort(fromTrigger);
        Arrays.sort(fromPublished);

        line("");
        line("PER ROUND (ms; trigger = just before POST /api/price/publish is sent):");
        line("| round | tick | spot USD/ozt | POST answered | publishedAt | first stream | median stream | last stream "
                + "| missed |");
        line("|---|---|---|---|---|---|---|---|---|");
        report.append(perRound);
        System.out.print(perRound);
        line("");
        line("ALL %d (change, stream) pairs of the %d measured changes x %d streams, ms:", n, changes, streams);
        line("| measured from | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|");
        line(
                "| trigger (POST about to be sent) | %.1f | %.1f | %.1f | %.1f |",
                ms(fromTrigger, 0.50), ms(fromTrigger, 0.95), ms(fromTrigger, 0.99), ms(fromTrigger, 1.0));
        line(
                "| tick's publishedAt (in the service) | %.1f | %.1f | %.1f | %.1f |",
                ms(fromPublished, 0.50), ms(fromPublished, 0.95), ms(fromPublished, 0.99), ms(fromPublished, 1.0));
        line("measured changes whose spot price differs from the previous tick's: %d of %d", priceChanged, changes);
        line(
                "missed updates (a stream without the change within %d s): %d of %d; streams closed by the server: %d",
                ROUND_TIMEOUT.toSeconds(), missed, changes * streams, closed.get());
        line("");
        line(
                "service over the %d measured rounds (%.1f s): CPU %.2f s (%.0f %% of one core),"
                        + " RSS %.0f MB at the end",
                changes,
                measureSeconds,
                (after.cpuNanos - before.cpuNanos) / 1e9,
                100.0 * (after.cpuNanos - before.cpuNanos) / 1e9 / measureSeconds,
                after.rssMb);
        line(
                "this client over the same rounds: CPU %.2f s (%.0f %% of one core)",
                clientCpu / 1e9, 100.0 * clientCpu / 1e9 / measureSeconds);
        line("load average at end: %s", PackagedCentre.loadAverage());
        Files.writeString(dir.resolve("results.txt"), report);
        System.out.println(
                "results also in " + dir.resolve("results.txt") + ", every sample in " + dir.resolve("samples.csv"));
    }

    /** Waits for the service's first scheduled round, which publishes soon after start. */
    private long awaitFirstTick() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> price = http.send(
                    HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/price"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (price.statusCode() == 200) {
                return Long.parseLong(group(SEQUENCE, price.body()));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no price tick published within 60 s; see " + service.log());
    }

    /**
     * Opens the streams in waves, each on its own connection: HTTP/1.1 carries one streaming response per
     * connection, and the pool is as large as the number of streams, so no request waits for another to end.
     */
    private void openStreams() throws InterruptedException {
        URI base = URI.create(service.baseUrl());
        io.vertx.core.http.HttpClient client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setPipelining(false).setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(streams).setMaxWaitQueueSize(-1));
        // A connection is read on the event loop of the context that opened it: one context per event loop, made
        // from as many threads (Vert.x gives each outside thread its own context, event loops in turn), so the
        // streams are spread over every event loop rather than all read by one.
        Context[] contexts = new Context[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < contexts.length; i++) {
            int index = i;
            Thread maker = new Thread(() -> contexts[index] = vertx.getOrCreateContext());
            maker.start();
            maker.join();
        }
        for (int first = 0; first < streams; first += WAVE) {
            int last = Math.min(streams, first + WAVE);
            for (int s = first; s < last; s++) {
                int stream = s;
                contexts[s % contexts.length].runOnContext(ignored -> client.request(
                                HttpMethod.GET, base.getPort(), base.getHost(), "/api/display/stream")
                        .compose(request -> request.putHeader("Accept", "text/event-stream")
                                .send()
                                .onSuccess(response -> localPorts.add(
                                        request.connection().localAddress().port())))
                        .onSuccess(response -> {
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException("stream answered " + response.statusCode());
                            }
                            opened.incrementAndGet();
                            response.handler(RecordParser.newDelimited("\n\n", event -> arrived(stream, event)));
                            response.endHandler(end -> closed.incrementAndGet());
                            response.exceptionHandler(failure -> closed.incrementAndGet());
                        })
                        .onFailure(failure -> System.err.println("stream " + stream + " failed: " + failure)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received[0].get() < last && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            if (received[0].get() < last) {
                throw new IllegalStateException(String.format(
                        Locale.ROOT,
                        "only %d of %d streams opened and showed the first view within 30 s (%d answered); see %s",
                        received[0].get(),
                        last,
                        opened.get(),
                        service.log()));
            }
        }
        if (localPorts.size() != streams) {
            throw new IllegalStateException(
                    "the client shared connections: " + localPorts.size() + " for " + streams + " streams");
        }
    }

    /** One complete SSE event on a stream's connection (client event loop): notes its tick's arrival, once. */
    private void arrived(int stream, Buffer event) {
        long now = System.nanoTime();
        int at = indexOf(event, SEQUENCE_KEY);
        if (at < 0) {
            return;
        }
        long sequence = 0;
        for (int i = at + SEQUENCE_KEY.length; i < event.length(); i++) {
            byte b = event.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            sequence = sequence * 10 + (b - '0');
        }
        int index = (int) (sequence - baseSequence);
        long[] mine = arrivals[stream];
        if (index >= 0 && index < mine.length && mine[index] == 0) {
            mine[index] = now;
            received[index].incrementAndGet(); // publishes mine[index] to the main thread
            if (index == 0) {
                clientThreads.add(Thread.currentThread().getName());
            }
        }
    }

    private static int indexOf(Buffer buffer, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= buffer.length(); i++) {
            for (int k = 0; k < key.length; k++) {
                if (buffer.getByte(i + k) != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private record Usage(long cpuNanos, double rssMb) {
        static Usage of(long pid) throws IOException {
            long cpu = ProcessHandle.of(pid)
                    .flatMap(p -> p.info().totalCpuDuration())
                    .map(Duration::toNanos)
                    .orElse(0L);
            double rss = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return new Usage(cpu, rss);
        }
    }

    private static long clientCpuNanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(0L);
    }

    private static String fileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os
                ? Long.toString(os.getMaxFileDescriptorCount())
                : "unknown";
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return m.group(1);
    }

    /** The quantile (nearest rank) of sorted nanoseconds, in milliseconds; 1.0 is the maximum. */
    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private void stopAll() throws InterruptedException {
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(10, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
        if (service != null) {
            service.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
