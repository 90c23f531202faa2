package org.goldbuying.centre.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.Folders;
import org.goldbuying.infra.KafkaTopic;
import org.goldbuying.infra.LocalKafka;
import org.goldbuying.infra.LocalPostgres;

/**
 * Ingest throughput and backlog catch-up of the packaged central-office (issue 5, item 10). Not a test: run it with
 * deploy/scripts/ingest-bench.sh; results go to docs/performance.md.
 *
 * <ol>
 * <li>Starts a real PostgreSQL and a real KRaft Kafka broker (deploy/embedded-infra) under target/bench/ingest.</li>
 * <li>Prepares the centre as an installation would: starts the packaged service once (it migrates the schema and
 * publishes its first tick), registers one Ed25519 key per station (as two treasury users would approve it), and stops
 * it.</li>
 * <li>Puts a backlog on gold.purchases.v1 (6 partitions, keyed by station): {@code stations} x {@code lots} signed,
 * chained purchase events ({@code purchase-event/2}) priced under that tick, lot by lot across the stations as they
 * would arrive. The service verifies every signature, chain link and the money terms under its own tick.</li>
 * <li>Starts the packaged service (target/quarkus-app/quarkus-run.jar) as a process pointed at both, as production
 * runs it: it migrates the schema with Flyway and its real ingest (Kafka batch consumer, contract validation,
 * multi-row insert, acknowledgement after commit) drains the backlog. <b>Catch-up</b> is the time from the
 * process's launch to the last purchase stored, and from the first purchase stored to the last.</li>
 * <li><b>Live</b>: with the service caught up, the same number of new purchases is produced at full speed while it
 * ingests them (producer and consumer share the cores).</li>
 * <li>Stops the service, then <b>raw</b>: inserts the backlog's rows again into {@code purchase_raw} (same columns,
 * constraints and indexes as {@code purchase}) over JDBC with batched inserts of the same batch size, parsing done
 * beforehand: the database's own speed on this machine, in the same run.</li>
 * </ol>
 *
 * Ingest times come from the rows themselves: the service stamps every row of a batch with {@code ingested_at}
 * (taken just before the batch's insert), so rates need no polling of the table while it is loaded. Completion is
 * noticed from PostgreSQL's statistics (cheap) and confirmed with count(*).
 */
public final class IngestThroughput {
    private static final int BATCH = Integer.getInteger("bench.batch", 500);
    private static final int CONSUMERS = Integer.getInteger("bench.consumers", 1);

    private final Path dir;
    private final int stations;
    private final int lots;
    private LocalPostgres postgres;
    private LocalKafka kafka;
    private PackagedCentre service;
    private final StringBuilder report = new StringBuilder();
    private StationSigningKey[] keys;
    private PriceTick tick;

    private IngestThroughput(Path dir, int stations, int lots) {
        this.dir = dir;
        this.stations = stations;
        this.lots = lots;
    }

    public static void main(String[] args) throws Exception {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int lots = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path dir =
                Path.of(System.getProperty("bench.dir", "target/bench/ingest")).toAbsolutePath();
        Path jar = PackagedCentre.jar();
        Folders.deleteRecursively(dir);
        Files.createDirectories(dir);
        IngestThroughput bench = new IngestThroughput(dir, stations, lots);
        try {
            bench.run(jar);
        } finally {
            bench.stopAll();
        }
    }

    private void run(Path jar) throws Exception {
        line("load average at start: %s", PackagedCentre.loadAverage());
        line(
                "purchases: %d stations x %d lots = %d; service batch (max.poll.records): %d, consumers: %d",
                stations, lots, stations * lots, BATCH, CONSUMERS);
        postgres = LocalPostgres.start(dir.resolve("postgres"), 0, false).createDatabase("centre");
        kafka = LocalKafka.start(dir.resolve("kafka"), 0, false).createTopics(KafkaTopic.all());
        prepare(jar);

        // 1. the backlog
        long signingStart = System.nanoTime();
        List<String> backlog = events(0, stations, lots);
        line(
                "backlog signed and chained: %d events in %.1f s (every core)",
                backlog.size(), (System.nanoTime() - signingStart) / 1e9);
        double produceSeconds = produce(backlog);
        line(
                "backlog produced to Kafka: %d events in %.1f s (%.0f/s)",
                backlog.size(), produceSeconds, backlog.size() / produceSeconds);

        // 2. catch-up by the packaged service
        Instant launched = Instant.now();
        service = PackagedCentre.start(
                jar,
                dir,
                postgres,
                kafka,
                Map.of(
                        "CENTRE_PUBLISH_INTERVAL",
                        "PT1H",
                        "CENTRE_INGEST_BATCH_SIZE",
                        Integer.toString(BATCH),
                        "CENTRE_INGEST_CONSUMERS",
                        Integer.toString(CONSUMERS)));
        long detected = awaitStored(backlog.size(), Duration.ofMinutes(10));
        Instant detectedAt = Instant.now();
        Phase catchUp = phase(0, stations);
        line("");
        line("CATCH-UP of %d purchases (backlog on the topic before the service started):", backlog.size());
        line(
                "  launch -> last purchase stored: %.2f s (noticed by polling at %.2f s)",
                seconds(launched, catchUp.last), seconds(launched, detectedAt));
        line(
                "  launch -> first purchase stored: %.2f s (JVM start, Flyway, consumer joining the group)",
                seconds(launched, catchUp.first));
        line(
                "  first -> last purchase stored: %.2f s, %.0f purchases/s",
                seconds(catchUp.first, catchUp.last), catchUp.rows / seconds(catchUp.first, catchUp.last));
        line("  sustained rate between 10 %% and 90 %% of the rows: %.0f purchases/s", catchUp.steadyRate);
        if (detected != backlog.size()) {
            throw new IllegalStateException("expected " + backlog.size() + " rows, found " + detected);
        }

        // 3. live: produce while the service ingests
        List<String> live = events(stations, stations, lots);
        Instant liveStart = Instant.now();
        double liveProduce = produce(live);
        Instant produced = Instant.now();
        awaitStored(backlog.size() + live.size(), Duration.ofMinutes(10));
        Phase livePhase = phase(stations, 2 * stations);
        line("");
        line("LIVE: %d purchases produced at full speed while the service ingests them:", live.size());
        line(
                "  produced in %.1f s (%.0f/s, sharing the cores with the service)",
                liveProduce, live.size() / liveProduce);
        line(
                "  first produced -> last stored: %.2f s; last produced -> last stored: %.2f s",
                seconds(liveStart, livePhase.last), seconds(produced, livePhase.last));
        line(
                "  first -> last purchase stored: %.0f purchases/s; between 10 %% and 90 %%: %.0f purchases/s",
                livePhase.rows / seconds(livePhase.first, livePhase.last), livePhase.steadyRate);
        stopService();

        // 4. raw batched insert of the backlog's rows, database only
        double rawSeconds = rawInsert(backlog);
        double rawRate = backlog.size() / rawSeconds;
        line("");
        line(
                "RAW batched JDBC insert of the same %d rows into purchase_raw (same constraints and indexes, %d rows",
                backlog.size(), BATCH);
        line("  per batch and per transaction, parsing done beforehand): %.2f s, %.0f rows/s", rawSeconds, rawRate);
        line("");
        line(
                "RATIOS in this run: catch-up sustained / raw = %.2f; live sustained / raw = %.2f",
                catchUp.steadyRate / rawRate, livePhase.steadyRate / rawRate);
        line("load average at end: %s", PackagedCentre.loadAverage());
        Files.writeString(dir.resolve("results.txt"), report);
        System.out.println("results also in " + dir.resolve("results.txt"));
    }

    /**
     * The installation: the service started once migrates the schema and publishes its first tick; every station of
     * both phases gets its key registered (approved by a second user, as the registry requires), straight into the
     * table; then the service stops, so that the catch-up below starts from a cold launch.
     */
    private void prepare(Path jar) throws Exception {
        service = PackagedCentre.start(jar, dir, postgres, kafka, Map.of("CENTRE_PUBLISH_INTERVAL", "PT1H"));
        service.awaitReady(Duration.ofMinutes(2));
        keys = new StationSigningKey[2 * stations];
        try (Connection c = jdbc();
                Statement s = c.createStatement()) {
            String payload = null;
            for (int attempt = 0; attempt < 240 && payload == null; attempt++) {
                try (ResultSet rs = s.executeQuery(
                        "SELECT payload FROM price_tick WHERE status = 'ACTIVE' ORDER BY sequence LIMIT 1")) {
                    if (rs.next()) {
                        payload = rs.getString(1);
                    } else {
                        Thread.sleep(250);
                    }
                }
            }
            if (payload == null) {
                throw new IllegalStateException("the service published no active tick within a minute");
            }
            tick = Contract.PRICE_TICK.read(payload);
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO station_key (key_id, station_id, region, public_key, status, proposed_by, proposed_at,
                        proposal_reason, approved_by, approved_at)
                    VALUES (?, ?, 'Bench', ?, 'ACTIVE', 'bench-treasury-1', now(), 'benchmark station', \
                    'bench-treasury-2', now())""")) {
                for (int s2 = 0; s2 < keys.length; s2++) {
                    keys[s2] = StationSigningKey.of(Ed25519.generate().getPrivate());
                    insert.setString(1, keys[s2].keyId());
                    insert.setString(2, station(s2));
                    insert.setString(3, keys[s2].publicKey().text());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            c.commit();
        }
        stopService();
        line("prepared: %d station keys registered, purchases priced under tick %d", keys.length, tick.sequence());
    }

    /**
     * Purchase events of stations [firstStation, firstStation + count), each station's chained and signed with its
     * key (stations in parallel), then put lot by lot across the stations as they would arrive.
     */
    private List<String> events(int firstStation, int count, int lots) {
        // paid while the tick is in force, as a station pays (the centre checks it)
        Instant paidAt = tick.publishedAt();
        List<List<String>> byStation = IntStream.range(firstStation, firstStation + count)
                .parallel()
                .mapToObj(s -> {
                    List<String> chain = new ArrayList<>(lots);
                    String previous = null;
                    for (int lot = 1; lot <= lots; lot++) {
                        SignedPurchases.Signed signed = SignedPurchases.sign(
                                event(s, lot, paidAt.plusSeconds(lot * 60L + s), previous), keys[s]);
                        chain.add(signed.json());
                        previous = signed.chainHash();
                    }
                    return chain;
                })
                .toList();
        List<String> events = new ArrayList<>(count * lots);
        for (int lot = 0; lot < lots; lot++) {
            for (List<String> chain : byStation) {
                events.add(chain.get(lot));
            }
        }
        return events;
    }

    private static String station(int s) {
        return String.format(Locale.ROOT, "BENCH-%04d", s);
    }

    /** One purchase of station {@code s}, priced under the centre's tick, ready to be signed. */
    private PurchaseEvent event(int s, int sequence, Instant paidAt, String previousHash) {
        BigDecimal gross = new BigDecimal("12.34").add(BigDecimal.valueOf(sequence % 97, 2));
        return SigningStation.priced(
                tick,
                station(s),
                "Bench",
                sequence,
                paidAt,
                gross,
                new BigDecimal("915.0"),
                keys[s].keyId(),
                previousHash);
    }

    private double produce(List<String> events) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String event : events) {
                String station = event.substring(event.indexOf("\"stationId\":\"") + 13);
                String key = station.substring(0, station.indexOf('"'));
                producer.send(new ProducerRecord<>(Topics.PURCHASES, key, event));
            }
            producer.flush();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection(
                postgres.jdbcUrl("centre") + "?reWriteBatchedInserts=true", LocalPostgres.USER, LocalPostgres.PASSWORD);
    }

    /**
     * Waits until {@code expected} purchases are stored: polls the table's insert counter in PostgreSQL's
     * statistics every 250 ms (no scan of the growing table), then confirms with count(*).
     */
    private long awaitStored(long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = jdbc();
                Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (service != null) {
                    service.checkAlive();
                }
                long inserted = 0;
                try (ResultSet rs = s.executeQuery(
                        "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'purchase'")) {
                    rs.next();
                    inserted = rs.getLong(1);
                } catch (SQLException notYetMigrated) {
                    // the service has not created the table yet
                }
                if (inserted >= expected) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM purchase")) {
                        rs.next();
                        long count = rs.getLong(1);
                        if (count >= expected) {
                            return count;
                        }
                    }
                }
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("fewer than " + expected + " purchases stored within " + timeout);
    }

    private record Phase(long rows, Instant first, Instant last, double steadyRate) {}

    /**
     * From the rows of stations [from, to): first and last ingest time, and the rate between the 10th and 90th
     * percentile of their ingest times.
     */
    private Phase phase(int from, int to) throws SQLException {
        try (Connection c = jdbc();
                PreparedStatement s = c.prepareStatement("""
                SELECT count(*), min(ingested_at), max(ingested_at),
                       percentile_disc(0.1) WITHIN GROUP (ORDER BY ingested_at),
                       percentile_disc(0.9) WITHIN GROUP (ORDER BY ingested_at)
                FROM purchase WHERE station_id >= ? AND station_id < ?""")) {
            s.setString(1, station(from));
            s.setString(2, station(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long rows = rs.getLong(1);
                Instant first = rs.getTimestamp(2).toInstant();
                Instant last = rs.getTimestamp(3).toInstant();
                Instant p10 = rs.getTimestamp(4).toInstant();
                Instant p90 = rs.getTimestamp(5).toInstant();
                // rows stamped at or after p10 and before p90: about 80 % of them, over that span
                double steady = 0.8 * rows / seconds(p10, p90);
                return new Phase(rows, first, last, steady);
            }
        }
    }

    /** Inserts the events' rows into purchase_raw with batched JDBC inserts; returns the seconds taken. */
    private double rawInsert(List<String> events) throws SQLException {
        List<PurchaseEvent> parsed = new ArrayList<>(events.size());
        List<String> hashes = new ArrayList<>(events.size());
        for (String event : events) {
            SignedPurchases.Received received = SignedPurchases.read(event);
            parsed.add(received.event());
            hashes.add(received.chainHash());
        }
        try (Connection c = jdbc();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE purchase_raw (LIKE purchase INCLUDING ALL)");
            s.execute("CHECKPOINT");
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long start = System.nanoTime();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO purchase_raw (purchase_id, event_id, station_id, region, station_sequence, paid_at,
                        seller_id, seller_type, device_id, reading_id, gross_grams, fineness_per_mille, assay_method,
                        fine_grams, tick_sequence, spot_usd_per_troy_ounce, fx_local_per_usd, currency,
                        currency_exponent, gross_value_minor, deductions_minor, net_payable_minor, verification_code,
                        payload, station_key_id, previous_hash, chain_hash, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (purchase_id) DO NOTHING""")) {
                for (int i = 0; i < parsed.size(); i++) {
                    PurchaseEvent e = parsed.get(i);
                    insert.setObject(1, e.purchaseId());
                    insert.setObject(2, e.eventId());
                    insert.setString(3, e.stationId());
                    insert.setString(4, e.region());
                    insert.setLong(5, e.stationSequence());
                    insert.setObject(
                            6, OffsetDateTime.ofInstant(e.paidAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                    insert.setString(7, e.seller().id());
                    insert.setString(8, e.seller().type().name());
                    insert.setString(9, e.weighing().deviceId());
                    insert.setLong(10, e.weighing().readingId());
                    insert.setBigDecimal(11, e.weighing().grossGrams());
                    insert.setBigDecimal(12, e.assay().finenessPerMille());
                    insert.setString(13, e.assay().method().name());
                    insert.setBigDecimal(14, e.fineGrams());
                    insert.setLong(15, e.price().tickSequence());
                    insert.setBigDecimal(16, e.price().spotUsdPerTroyOunce());
                    insert.setBigDecimal(17, e.price().fxLocalPerUsd());
                    insert.setString(18, e.currency());
                    insert.setInt(19, e.currencyExponent());
                    insert.setLong(20, e.grossValueMinor());
                    insert.setLong(21, e.deductionsMinor());
                    insert.setLong(22, e.netPayableMinor());
                    insert.setString(23, e.verificationCode());
                    insert.setString(24, events.get(i));
                    insert.setString(25, e.stationKeyId());
                    insert.setString(26, e.previousPurchaseHash());
                    insert.setString(27, hashes.get(i));
                    insert.setTimestamp(28, now);
                    insert.addBatch();
                    if ((i + 1) % BATCH == 0 || i == parsed.size() - 1) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM purchase_raw")) {
                rs.next();
                if (rs.getLong(1) != events.size()) {
                    throw new IllegalStateException("raw insert stored " + rs.getLong(1) + " rows");
                }
            }
            return seconds;
        }
    }

    private void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    private void stopAll() throws InterruptedException {
        stopService();
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
