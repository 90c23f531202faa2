package org.goldbuying.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldbuying.local.LocalNetwork;

/**
 * Measures the buying station's footprint on real parts (issue 4's targets: start <= 3 s, RSS after 1,000 lots
 * <= 300 MB): starts the local network (both services as processes, PostgreSQL, Kafka, the pty balance), reads the
 * station's start time from Quarkus's own log line, buys N lots through the REST API exactly as the counter does
 * (weigh on the simulated balance, quote, pay, empty the pan), and reads the station process's resident memory.
 * Not a test: run it with deploy/scripts/footprint.sh, results go to docs/performance.md.
 */
public final class StationFootprint {
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private final LocalNetwork network;

    private StationFootprint(LocalNetwork network) {
        this.network = network;
    }

    public static void main(String[] args) throws Exception {
        int lots = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        long startNanos = System.nanoTime();
        try (LocalNetwork network = LocalNetwork.start(
                LocalNetwork.Settings.forTests(root, root.resolve("deploy/local-network/target/footprint")))) {
            long networkReadyMillis = (System.nanoTime() - startNanos) / 1_000_000;
            new StationFootprint(network).run(lots, networkReadyMillis);
        }
    }

    private void run(int lots, long networkReadyMillis) throws Exception {
        String quarkusStart = quarkusStartSeconds();
        long rssAtStart = rssKiB(network.stationPid());
        CounterCycle counter = CounterCycle.open(network, "Footprint Trader", "FP", true);
        long began = System.nanoTime();
        for (int i = 0; i < lots; i++) {
            counter.buyTypedLot(i);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long rssAfter = rssKiB(network.stationPid());
        // the first start shares the 2 cores with the centre, the brokers and the databases starting too;
        // a restart on its own is the station's own start time
        long restartBegan = System.nanoTime();
        network.killAndRestartStation();
        double restartReadySeconds = (System.nanoTime() - restartBegan) / 1e9;
        String quarkusRestart = quarkusStartSeconds();
        System.out.printf("%n| measure | value |%n|---|---|%n");
        System.out.printf(
                "| station start with everything else starting too (Quarkus's own figure) | %s s |%n", quarkusStart);
        System.out.printf(
                "| station restart alone (Quarkus's own figure: JVM up, DB migrated, Kafka clients) | %s s |%n",
                quarkusRestart);
        System.out.printf(
                "| station restart alone, process launch to ready (health check) | %.1f s |%n", restartReadySeconds);
        System.out.printf(
                "| whole local network ready (2 PostgreSQL, Kafka, pty, 2 services) | %.1f s |%n",
                networkReadyMillis / 1000.0);
        System.out.printf("| station RSS after start | %d MB |%n", rssAtStart / 1024);
        System.out.printf(
                "| lots bought through the API (weigh, quote, approve, pay) | %d in %.1f s (%.1f lots/s) |%n",
                lots, seconds, lots / seconds);
        System.out.printf("| station RSS after %d lots | %d MB |%n", lots, rssAfter / 1024);
    }

    private String quarkusStartSeconds() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(network.stationLog()));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }
}
