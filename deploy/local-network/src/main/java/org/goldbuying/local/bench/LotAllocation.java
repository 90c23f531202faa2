package org.goldbuying.local.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.goldbuying.local.LocalNetwork;

/**
 * What a lot costs the station in allocation (issue 10, item 3: at most 250 KB per lot cycle through the API). Starts
 * the whole local network on free ports (both services as processes, PostgreSQL, Kafka, the pty balance and XRF
 * analyser), attaches to the station's process (its JMX agent, started through the attach API) and counts, exactly,
 * the bytes each of the station's threads allocated ({@code ThreadMXBean.getThreadAllocatedBytes}) over N lot cycles
 * bought through the REST API as the counter does, with the counter's live stream open as the counter page has it.
 * Two cycles: a typed fineness (weigh, quote, supervisor's approval, cash) and the XRF analyser's three shots (weigh,
 * three shots, quote on the live stream, cash). Each is warmed up first, then measured, then run again under a JFR
 * recording of allocation samples (jdk.ObjectAllocationSample, with stack traces) that shows where the bytes go; the
 * exact count is never taken with JFR running. The background (the station idle: scheduler, outbox relay, heartbeat,
 * Kafka clients) is measured over an idle window and shown beside each result. Not a test: run it with
 * deploy/scripts/lot-allocation.sh; results go to docs/performance.md.
 */
public final class LotAllocation {
    private static final int TOP = 12;
    private static final long IDLE_MILLIS = 10_000;

    private final StationProbe probe;
    private final Path recordings;
    private final int lots;
    private final int warmUp;
    private double idleBytesPerSecond;

    private LotAllocation(StationProbe probe, Path recordings, int lots, int warmUp) {
        this.probe = probe;
        this.recordings = recordings;
        this.lots = lots;
        this.warmUp = warmUp;
    }

    /** A lot cycle of one kind; {@code i} counts the lots bought so far. */
    private interface Cycle {
        void buy(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int lots = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Path runDir = root.resolve("deploy/local-network/target/lot-allocation");
        Path recordings = Files.createDirectories(runDir.resolve("jfr"));
        try (LocalNetwork network = LocalNetwork.start(LocalNetwork.Settings.forTests(root, runDir));
                StationProbe probe = StationProbe.attach(network.stationPid())) {
            new LotAllocation(probe, recordings, lots, warmUp).run(network);
        }
    }

    private void run(LocalNetwork network) throws Exception {
        CounterCycle counter = CounterCycle.open(network, "Allocation Trader", "ALLOC", true);
        try (LiveStream stream = LiveStream.open(counter.clerk())) {
            for (int i = 0; i < warmUp; i++) { // the station warm before the idle window too
                counter.buyTypedLot(i);
            }
            StationProbe.Snapshot before = probe.snapshot();
            Thread.sleep(IDLE_MILLIS);
            Window idle = Window.between(before, probe.snapshot(), IDLE_MILLIS / 1000.0, 0);
            idleBytesPerSecond = idle.total() / idle.seconds();
            System.out.printf(
                    "%n### Station idle for %.0f s (the counter's stream open): %,.0f bytes/s%n",
                    idle.seconds(), idleBytesPerSecond);
            printThreads(idle, 1);
            profile("idle", 1, () -> Thread.sleep(IDLE_MILLIS));
            measure("typed fineness (weigh, quote, approve, pay)", "typed", 0, counter::buyTypedLot);
            int[] approvals = new int[1];
            String xrf = "XRF, three shots (weigh, shoot x3, quote on the stream, approve if asked, pay)";
            measure(xrf, "xrf", warmUp, i -> {
                if (counter.buyXrfLot(stream)) {
                    approvals[0]++;
                }
            });
            System.out.printf(
                    "%nXRF lots that needed a supervisor's approval (AML-linked): %d of %d%n",
                    approvals[0], warmUp + 2 * lots);
        }
    }

    private void measure(String what, String name, int warmUpLots, Cycle cycle) throws Exception {
        for (int i = 0; i < warmUpLots; i++) {
            cycle.buy(i);
        }
        StationProbe.Snapshot before = probe.snapshot();
        long began = System.nanoTime();
        for (int i = 0; i < lots; i++) {
            cycle.buy(i);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Window window = Window.between(before, probe.snapshot(), seconds, lots);
        double background = idleBytesPerSecond * seconds / lots;
        System.out.printf(
                "%n### %s: %d lots after %d warm-up lots, %.1f s (%.1f lots/s)%n%n",
                what, lots, warmUp, seconds, lots / seconds);
        System.out.printf("| measure | bytes per lot |%n|---|---|%n");
        System.out.printf("| station, all threads (exact, ThreadMXBean) | **%,d** |%n", window.total() / lots);
        System.out.printf(
                "| of which the idle background (%,.0f bytes/s x %.1f ms per lot) | %,.0f |%n",
                idleBytesPerSecond, seconds * 1000 / lots, background);
        System.out.printf(
                "| lot cycle without the background | %,.0f |%n", window.total() / (double) lots - background);
        if (!window.ended().isEmpty()) {
            System.out.println("| threads that ended in the window (not counted) | " + window.ended() + " |");
        }
        printThreads(window, lots);
        profile(name, lots, () -> {
            for (int i = 0; i < lots; i++) {
                cycle.buy(i);
            }
        });
    }

    /**
     * The same work again under a JFR recording of allocation samples: where the bytes go, per lot ({@code per}
     * lots; 1 for the idle window). A thread's first sample is left out: its weight is everything the thread
     * allocated since its previous sample, i.e. since before the recording began.
     */
    private void profile(String name, int per, StationProbe.Work work) throws Exception {
        Path file = recordings.resolve(name + ".jfr");
        StationProbe.Snapshot before = probe.snapshot();
        probe.recordAllocations(file, work);
        Window window = Window.between(before, probe.snapshot(), 0, per);
        List<RecordedEvent> samples = new ArrayList<>();
        Set<Long> sampledThreads = new HashSet<>();
        int dropped = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
                    continue;
                }
                long thread = event.getThread("eventThread").getJavaThreadId();
                // a sample's weight is what its thread allocated since the thread's previous sample, which for
                // the thread's first one in a recording (and a few others) reaches back before the recording:
                // those, and any weighing more than the thread allocated in the whole window, are left out
                if (!sampledThreads.add(thread)
                        && window.byId().containsKey(thread)
                        && event.getLong("weight") <= window.byId().get(thread)) {
                    samples.add(event);
                } else {
                    dropped++;
                }
            }
        }
        long sampled = samples.stream().mapToLong(e -> e.getLong("weight")).sum();
        System.out.printf(
                "%nWhere it goes: %,d JFR allocation samples (%s; %d left out), their weights %,d bytes "
                        + "per %s against %,d counted exactly in the same window (JFR running)%n",
                samples.size(),
                file.getFileName(),
                dropped,
                sampled / per,
                per == 1 ? "window" : "lot",
                window.total() / per);
        printTop(
                per,
                "library (first frame outside the JDK)",
                samples,
                e -> library(firstFrame(e, LotAllocation::notJdk)),
                sampled);
        printTop(per, "top frame", samples, e -> frame(e, 0), sampled);
        printTop(per, "first frame outside the JDK", samples, e -> firstFrame(e, LotAllocation::notJdk), sampled);
        printTop(
                per,
                "first frame in the project's code (org.goldbuying)",
                samples,
                e -> firstFrame(e, f -> f.startsWith("org.goldbuying.")),
                sampled);
        printTop(per, "object class", samples, e -> e.getClass("objectClass").getName(), sampled);
    }

    /** The first three parts of a frame's package ({@code io.vertx.core}), or the project's module. */
    private static String library(String frame) {
        String[] parts = frame.split("\\.");
        return parts.length < 4 ? frame : parts[0] + "." + parts[1] + "." + parts[2];
    }

    private static boolean notJdk(String frame) {
        return !(frame.startsWith("java.")
                || frame.startsWith("jdk.")
                || frame.startsWith("sun.")
                || frame.startsWith("com.sun."));
    }

    private static String frame(RecordedEvent event, int index) {
        List<RecordedFrame> frames = event.getStackTrace() == null
                ? List.of()
                : event.getStackTrace().getFrames();
        return index < frames.size() ? name(frames.get(index)) : "(no stack)";
    }

    private static String firstFrame(RecordedEvent event, java.util.function.Predicate<String> wanted) {
        if (event.getStackTrace() != null) {
            for (RecordedFrame f : event.getStackTrace().getFrames()) {
                String name = name(f);
                if (wanted.test(name)) {
                    return name;
                }
            }
        }
        return "(none in the recorded stack)";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static void printTop(
            int per, String by, List<RecordedEvent> samples, Function<RecordedEvent, String> key, long sampled) {
        Map<String, Long> weights = new HashMap<>();
        for (RecordedEvent e : samples) {
            weights.merge(key.apply(e), e.getLong("weight"), Long::sum);
        }
        System.out.printf("%n| by %s | bytes per %s | share |%n|---|---|---|%n", by, per == 1 ? "window" : "lot");
        weights.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach(e -> System.out.printf(
                        "| `%s` | %,d | %.1f %% |%n", e.getKey(), e.getValue() / per, 100.0 * e.getValue() / sampled));
    }

    private static void printThreads(Window window, int lots) {
        System.out.printf("%n| thread | bytes%s | share |%n|---|---|---|%n", lots == 1 ? "" : " per lot");
        window.byThread().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> System.out.printf(
                        "| %s | %,d | %.1f %% |%n",
                        e.getKey(), e.getValue() / lots, 100.0 * e.getValue() / Math.max(1, window.total())));
    }

    /** What the station's threads allocated between two snapshots (threads that started meanwhile from zero). */
    private record Window(
            Map<String, Long> byThread, Map<Long, Long> byId, long total, List<String> ended, double seconds) {
        static Window between(StationProbe.Snapshot before, StationProbe.Snapshot after, double seconds, int lots) {
            Map<String, Long> byThread = new HashMap<>();
            Map<Long, Long> byId = new HashMap<>();
            long total = 0;
            for (Map.Entry<Long, StationProbe.ThreadBytes> t : after.threads().entrySet()) {
                StationProbe.ThreadBytes earlier = before.threads().get(t.getKey());
                long bytes = t.getValue().bytes() - (earlier == null ? 0 : earlier.bytes());
                byThread.merge(t.getValue().name(), bytes, Long::sum);
                byId.put(t.getKey(), bytes);
                total += bytes;
            }
            List<String> ended = before.threads().entrySet().stream()
                    .filter(t -> !after.threads().containsKey(t.getKey()))
                    .map(t -> t.getValue().name())
                    .sorted(Comparator.naturalOrder())
                    .toList();
            return new Window(byThread, byId, total, ended, seconds);
        }
    }
}
