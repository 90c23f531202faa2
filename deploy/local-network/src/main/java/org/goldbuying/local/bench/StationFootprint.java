package org.goldbuying.local.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern SITE = Pattern.compile("\"sites\":\\[\\{\"id\":\"([0-9a-f-]{36})\"");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String auth = basic("clerk:clerk-demo");
    private final String supervisor = basic("supervisor:supervisor-demo");
    private final LocalNetwork network;

    private StationFootprint(LocalNetwork network) {
        this.network = network;
    }

    public static void main(String[] args) throws Exception {
        int lots = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        long startNanos = System.nanoTime();
        try (LocalNetwork network = LocalNetwork.start(LocalNetwork.Settings.forTests(root,
                root.resolve("deploy/local-network/target/footprint")))) {
            long networkReadyMillis = (System.nanoTime() - startNanos) / 1_000_000;
            new StationFootprint(network).run(lots, networkReadyMillis);
        }
    }

    private void run(int lots, long networkReadyMillis) throws Exception {
        String quarkusStart = quarkusStartSeconds();
        long rssAtStart = rssKiB(network.stationPid());
        awaitPrice();
        String seller = post("/api/sellers", """
                {"type":"LICENSED_TRADER","name":"Footprint Trader","licenceNumber":"FP-%d","licenceExpiry":"2030-01-01",
                 "site":{"name":"Depot","latitude":"0.3","longitude":"32.5"}}""".formatted(System.nanoTime()));
        String sellerId = group(ID, seller);
        String siteId = group(SITE, seller);
        // cash is paid from the clerk's open shift's drawer: a float no run of this benchmark can exhaust
        post("/api/shifts", "{\"floatMinor\":100000000000000,\"currency\":\"UGX\"}");
        long began = System.nanoTime();
        for (int i = 0; i < lots; i++) {
            network.balance().clearPan();
            get("/api/balance/live");
            network.balance().place(new BigDecimal("2.00").add(BigDecimal.valueOf(i % 300, 2)));
            String lot = post("/api/lots", """
                    {"sellerId":"%s","mineSiteId":"%s","finenessPerMille":"900"}""".formatted(sellerId, siteId));
            String id = group(ID, lot);
            // a typed fineness is a manual assay: a supervisor approves it, as at a real counter
            send(HttpRequest.newBuilder(URI.create(network.stationUrl() + "/api/lots/" + id + "/approval"))
                    .header("Authorization", supervisor).POST(HttpRequest.BodyPublishers.noBody()).build());
            post("/api/lots/" + id + "/payment", "{\"method\":\"CASH\"}");
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
        System.out.printf("| station start with everything else starting too (Quarkus's own figure) | %s s |%n",
                quarkusStart);
        System.out.printf("| station restart alone (Quarkus's own figure: JVM up, DB migrated, Kafka clients) | %s s |%n",
                quarkusRestart);
        System.out.printf("| station restart alone, process launch to ready (health check) | %.1f s |%n",
                restartReadySeconds);
        System.out.printf("| whole local network ready (2 PostgreSQL, Kafka, pty, 2 services) | %.1f s |%n",
                networkReadyMillis / 1000.0);
        System.out.printf("| station RSS after start | %d MB |%n", rssAtStart / 1024);
        System.out.printf("| lots bought through the API (weigh, quote, approve, pay) | %d in %.1f s (%.1f lots/s) |%n", lots,
                seconds, lots / seconds);
        System.out.printf("| station RSS after %d lots | %d MB |%n", lots, rssAfter / 1024);
    }

    private void awaitPrice() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!get("/api/price").contains("\"quotable\":true")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the station never received a price");
            }
            Thread.sleep(200);
        }
    }

    private String quarkusStartSeconds() throws IOException {
        Matcher m = STARTED.matcher(Files.readString(network.stationLog()));
        String last = "?";
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(network.stationUrl() + path)).header("Authorization", auth)
                .GET().build());
    }

    private String post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(network.stationUrl() + path)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found in " + text);
        }
        return m.group(1);
    }
}
