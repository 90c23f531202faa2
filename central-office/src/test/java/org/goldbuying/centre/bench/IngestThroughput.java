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
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
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
 * <li>Puts a backlog on gold.purchases.v1 (6 partitions, keyed by station): {@code stations} x {@code lots} valid
 * purchase events, lot by lot across the stations as they would arrive.</li>
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

        // 1. the backlog
        List<String> backlog = events(0, stations, lots);
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

    /** Purchase events of stations [firstStation, firstStation + count), lot by lot across the stations. */
    private static List<String> events(int firstStation, int count, int lots) {
        List<String> events = new ArrayList<>(count * lots);
        Instant paidAt = Instant.parse("2026-11-22T09:00:00Z");
        for (int lot = 1; lot <= lots; lot++) {
            for (int s = firstStation; s < firstStation + count; s++) {
                events.add(event(station(s), lot, paidAt.plusSeconds(lot * 60L + s)));
            }
        }
        return events;
    }

    private static String station(int s) {
        return String.format(Locale.ROOT, "BENCH-%04d", s);
    }

    /** One valid purchase event (the contract's example with new ids, station, sequence and weight). */
    private static String event(String station, int sequence, Instant paidAt) {
        BigDecimal gross = new BigDecimal("12.34").add(BigDecimal.valueOf(sequence % 97, 2));
        BigDecimal fine = gross.multiply(new BigDecimal("0.915")).setScale(4, java.math.RoundingMode.DOWN);
        return """
                {"contract":"purchase-event/1","eventId":"%s","purchaseId":"%s","stationId":"%s","region":"Bench",\
                "stationSequence":%d,"paidAt":"%s","seller":{"id":"S-%06d","type":"INDIVIDUAL"},\
                "weighing":{"deviceId":"counter-1","readingId":%d,"grossGrams":"%s"},\
                "assay":{"finenessPerMille":"915.0","method":"XRF"},"fineGrams":"%s",\
                "price":{"tickSequence":7,"spotUsdPerTroyOunce":"2650.00","fxLocalPerUsd":"3700.00"},\
                "currency":"UGX","currencyExponent":0,"grossValueMinor":3559385,"deductionsMinor":320344,\
                "netPayableMinor":3239041,"verificationCode":"K7Q2M9XA4R"}""".formatted(
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        station,
                        sequence,
                        paidAt,
                        sequence % 5000,
                        1763802930000000L + sequence,
                        gross.toPlainString(),
                        fine.toPlainString());
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
        for (String event : events) {
            parsed.add(Contract.PURCHASE_EVENT.read(event));
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
                        payload, ingested_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
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
                    insert.setTimestamp(25, now);
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
