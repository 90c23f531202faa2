package org.goldbuying.centre.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.goldbuying.centre.integrity.IntegrityIncident;
import org.goldbuying.centre.integrity.IntegrityIncidents;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.contracts.SignedPurchases;
import org.jboss.logging.Logger;

/**
 * Adds purchases from every station to the reserve, each exactly once in effect, a batch of Kafka records at a time.
 *
 * <ol>
 * <li>Every record is validated against the purchase contract; one that breaks it is refused with the reason and
 * parked on the dead-letter topic, and the rest of the batch goes on.</li>
 * <li>The valid purchases are inserted with one multi-row statement (one transaction) that does nothing for a
 * purchase id already there, so redeliveries, replays and out-of-order arrivals are harmless.</li>
 * <li>If the database refuses that statement for one row (a second purchase claiming a station's sequence number
 * is an anomaly, refused by a unique constraint), the batch is inserted again row by row: the refused purchases
 * are parked with the database's reason and every other one is added.</li>
 * <li>Only then (after the insert committed and the broker acknowledged every parked copy) is the batch
 * acknowledged, so its offsets are committed only after the database commit.</li>
 * </ol>
 *
 * A database that cannot be reached is retried with back-off for about a minute; after that the batch is refused
 * (not acknowledged, not parked) and the channel stops, so no offset moves past a purchase that is not stored.
 */
@ApplicationScoped
public class PurchaseIngest {
    private static final Logger LOG = Logger.getLogger(PurchaseIngest.class);

    static final String COLUMNS = """
            purchase_id, event_id, station_id, region, station_sequence, paid_at, seller_id, seller_type, device_id,
                reading_id, gross_grams, fineness_per_mille, assay_method, fine_grams, tick_sequence,
                spot_usd_per_troy_ounce, fx_local_per_usd, currency, currency_exponent, gross_value_minor,
                deductions_minor, net_payable_minor, verification_code, payload, station_key_id, previous_hash,
                chain_hash, ingested_at""";

    /**
     * A whole batch in one statement: one array per column (decimals as text, cast here so their exact digits
     * are kept), the ingest time once. RETURNING says which rows were new.
     */
    static final String INSERT_BATCH = "INSERT INTO purchase (" + COLUMNS + """
            )
            SELECT purchase_id, event_id, station_id, region, station_sequence, paid_at, seller_id, seller_type,
                device_id, reading_id, gross_grams::numeric, fineness_per_mille::numeric, assay_method,
                fine_grams::numeric, tick_sequence, spot_usd_per_troy_ounce::numeric, fx_local_per_usd::numeric,
                currency, currency_exponent, gross_value_minor, deductions_minor, net_payable_minor,
                verification_code, payload, station_key_id, previous_hash, chain_hash, $28::timestamptz
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int8[], $6::timestamptz[], $7::text[],
                $8::text[], $9::text[], $10::int8[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int8[],
                $16::text[], $17::text[], $18::text[], $19::int4[], $20::int8[], $21::int8[], $22::int8[],
                $23::text[], $24::text[], $25::text[], $26::text[], $27::text[])
                AS r(purchase_id, event_id, station_id, region, station_sequence, paid_at, seller_id, seller_type,
                device_id, reading_id, gross_grams, fineness_per_mille, assay_method, fine_grams, tick_sequence,
                spot_usd_per_troy_ounce, fx_local_per_usd, currency, currency_exponent, gross_value_minor,
                deductions_minor, net_payable_minor, verification_code, payload, station_key_id, previous_hash,
                chain_hash)
            ON CONFLICT (purchase_id) DO NOTHING
            RETURNING purchase_id, station_id""";

    private final Pool database;
    private final Clock clock;
    private final DashboardEvents dashboard;
    private final PurchaseDeadLetters deadLetters;
    private final IntegrityIncidents incidents;
    private final TrustFactsReader trustFacts;
    private final ReversalIngest reversals;
    private final SellerRegistrationIngest registrations;
    private final StoredInTurn inTurn = new StoredInTurn();

    public PurchaseIngest(
            Pool database,
            Clock clock,
            DashboardEvents dashboard,
            PurchaseDeadLetters deadLetters,
            IntegrityIncidents incidents,
            TrustFactsReader trustFacts,
            ReversalIngest reversals,
            SellerRegistrationIngest registrations,
            MeterRegistry meters) {
        this.reversals = reversals;
        this.registrations = registrations;
        // one verification per station and batch when a station's purchases arrive together (PurchaseTrust.station)
        FunctionCounter.builder("centre.ingest.signatures.verified", PurchaseTrust.SIGNATURES_VERIFIED, LongAdder::sum)
                .description("Ed25519 signatures of purchases verified at ingest")
                .register(meters);
        this.database = database;
        this.trustFacts = trustFacts;
        this.clock = clock;
        this.dashboard = dashboard;
        this.deadLetters = deadLetters;
        this.incidents = incidents;
    }

    /**
     * The Kafka side: one poll's records in, acknowledged only once they are stored and parked. Two batches are in
     * the service at a time: the next one is read and checked against its contract (CPU work, on every core) while
     * the one before is judged and stored (mostly the database's work), so the cores do not wait for the insert.
     * Batches are still judged and stored one after another, in poll order: a batch's trust checks read the chain
     * positions the batch before it stored. The returned stage completes when this batch's storing has begun, which
     * lets the connector deliver the next batch.
     */
    @Incoming("purchases")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<IncomingPurchase> messages = new ArrayList<>(batch.getRecords().size());
        for (var record : batch.getRecords()) {
            messages.add(IncomingPurchase.of(record));
        }
        return inTurn.next(
                () -> read(messages),
                sorted -> store(sorted).chain(outcome -> Uni.createFrom().completionStage(batch.ack())),
                failure -> {
                    LOG.errorf(
                            failure,
                            "A batch of %d purchase messages could not be stored; not acknowledged",
                            messages.size());
                    batch.nack(failure);
                });
    }

    /** Validates, stores and parks one batch; completes when the rows are committed and refusals parked. */
    public Uni<BatchOutcome> ingest(List<IncomingPurchase> messages) {
        return read(messages).chain(this::store);
    }

    /** Each message checked against its contract: CPU work, kept off the event loop. */
    private static Uni<Sorted> read(List<IncomingPurchase> messages) {
        return Uni.createFrom()
                .item(() -> Sorted.of(messages))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Judges a read batch against what is stored, then stores it and parks what was refused. */
    private Uni<BatchOutcome> store(Sorted read) {
        return whileTheDatabaseRecovers(trustFacts.of(read.valid()))
                // signature checks are CPU work too
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(facts -> read.trusted(PurchaseTrust.judge(read.valid(), facts)))
                .chain(sorted -> {
                    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                    // reversals after the purchases: one may follow its purchase in the same batch
                    return insert(sorted, now)
                            .chain(outcome ->
                                    reversals.store(sorted.reversals(), now).map(outcome::withReversals))
                            .chain(outcome ->
                                    registrations.store(sorted.registrations()).map(outcome::withParked));
                })
                // the incidents first: a refusal the treasury cannot see must not leave the batch acknowledged
                .call(outcome -> incidents.record(outcome.incidents()))
                .call(outcome -> park(outcome.parked()))
                .invoke(outcome -> {
                    dashboard.purchasesIngested(outcome.stationsWithNewPurchases());
                    LOG.debugf(
                            "Purchase batch of %d: %d new, %d already there, %d reversals, %d parked",
                            read.valid().size()
                                    + read.refused().size()
                                    + read.reversals().size()
                                    + read.registrations().size(),
                            outcome.inserted(),
                            outcome.duplicates(),
                            outcome.reversed(),
                            outcome.parked().size());
                });
    }

    private Uni<BatchOutcome> insert(Sorted sorted, OffsetDateTime now) {
        if (sorted.valid().isEmpty()) {
            return Uni.createFrom().item(new BatchOutcome(0, sorted.repeats(), sorted.refused(), Set.of(), 0));
        }
        return whileTheDatabaseRecovers(insertTogether(sorted, now)
                .onFailure(PurchaseIngest::refusedByDatabase)
                .recoverWithUni(refusal -> {
                    LOG.warnf(
                            "Batch insert refused (%s); inserting its %d purchases one by one",
                            reason(refusal), sorted.valid().size());
                    return insertOneByOne(sorted, now);
                }));
    }

    /**
     * A database step of the batch, retried with back-off (about a minute in all) while the database cannot answer;
     * a refusal of the data itself is not retried.
     */
    static <T> Uni<T> whileTheDatabaseRecovers(Uni<T> step) {
        return step.onFailure(failure -> !refusedByDatabase(failure))
                .retry()
                .withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .atMost(10);
    }

    private Uni<BatchOutcome> insertTogether(Sorted sorted, OffsetDateTime now) {
        return database.preparedQuery(INSERT_BATCH)
                .execute(columns(sorted.valid(), now))
                .chain(rows -> {
                    Set<String> stations = new HashSet<>();
                    Set<UUID> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getUUID(0));
                        stations.add(row.getString(1));
                    }
                    List<Valid> already = sorted.valid().stream()
                            .filter(v -> !inserted.contains(v.event().purchaseId()))
                            .toList();
                    return conflicting(already).map(conflicts -> {
                        List<BatchOutcome.Parked> parked = new ArrayList<>(sorted.refused());
                        parked.addAll(conflicts);
                        return new BatchOutcome(
                                inserted.size(),
                                already.size() - conflicts.size() + sorted.repeats(),
                                parked,
                                stations,
                                0);
                    });
                });
    }

    /**
     * Of the purchases whose id was already in the reserve, those whose message differs from the one stored: a
     * redelivery is byte for byte the same (the station's outbox sends its stored text), so another content under a
     * known id is an attempt to change a purchase after the fact. Refused as an incident; the stored one stands.
     */
    private Uni<List<BatchOutcome.Parked>> conflicting(List<Valid> already) {
        if (already.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        UUID[] ids = already.stream().map(v -> v.event().purchaseId()).toArray(UUID[]::new);
        return database.preparedQuery("SELECT purchase_id, payload FROM purchase WHERE purchase_id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<UUID, String> stored = new HashMap<>();
                    for (Row row : rows) {
                        stored.put(row.getUUID(0), row.getString(1));
                    }
                    List<BatchOutcome.Parked> conflicts = new ArrayList<>();
                    for (Valid valid : already) {
                        String before = stored.get(valid.event().purchaseId());
                        if (before != null && !before.equals(valid.message().json())) {
                            conflicts.add(
                                    conflict(valid, SignedPurchases.read(before).event(), "in the reserve", "stored"));
                        }
                    }
                    return conflicts;
                });
    }

    /** A purchase id that came again with other content than {@code kept}, which stands. */
    static BatchOutcome.Parked conflict(Valid received, PurchaseEvent kept, String where, String which) {
        String evidence = "purchase " + received.event().purchaseId() + " is " + where
                + " with other content; the one " + which + " stands (" + which + " " + summary(kept) + ", received "
                + summary(received.event()) + ")";
        return new BatchOutcome.Parked(
                received.message(),
                "integrity: " + evidence,
                new IntegrityIncident(
                        IntegrityIncident.Kind.CONFLICTING_DUPLICATE,
                        received.event().stationId(),
                        received.event().purchaseId(),
                        evidence,
                        received.message().json()));
    }

    private static String summary(PurchaseEvent event) {
        return event.weighing().grossGrams().toPlainString() + " g gross, "
                + event.fineGrams().toPlainString()
                + " fine g, " + event.netPayableMinor() + " " + event.currency() + " net, station sequence "
                + event.stationSequence();
    }

    private Uni<BatchOutcome> insertOneByOne(Sorted sorted, OffsetDateTime now) {
        return Multi.createFrom()
                .iterable(sorted.valid())
                // the same statement with one row: one SQL text and one column mapping for both paths
                .onItem()
                .transformToUniAndConcatenate(valid -> database.preparedQuery(INSERT_BATCH)
                        .execute(columns(List.of(valid), now))
                        .map(RowSet::rowCount)
                        .map(count -> new RowResult(valid, count == 1, null, false))
                        .onFailure(PurchaseIngest::refusedByDatabase)
                        .recoverWithItem(refusal -> new RowResult(
                                valid, false, "refused by the database: " + reason(refusal), duplicateKey(refusal))))
                .collect()
                .asList()
                .chain(results -> conflicting(results.stream()
                                .filter(r -> r.refusal() == null && !r.inserted())
                                .map(RowResult::valid)
                                .toList())
                        .map(conflicts -> {
                            int inserted = 0;
                            int duplicates = sorted.repeats();
                            List<BatchOutcome.Parked> parked = new ArrayList<>(sorted.refused());
                            Set<String> stations = new HashSet<>();
                            for (RowResult result : results) {
                                if (result.refusal() != null) {
                                    parked.add(refused(result));
                                } else if (result.inserted()) {
                                    inserted++;
                                    stations.add(result.valid().event().stationId());
                                } else {
                                    duplicates++;
                                }
                            }
                            parked.addAll(conflicts);
                            return new BatchOutcome(inserted, duplicates - conflicts.size(), parked, stations, 0);
                        }));
    }

    /**
     * A row the database refused; a second purchase claiming a station sequence number another one holds is an
     * integrity incident (a station never numbers two purchases alike).
     */
    private static BatchOutcome.Parked refused(RowResult result) {
        if (!result.duplicateKey()) {
            return new BatchOutcome.Parked(result.valid().message(), result.refusal());
        }
        PurchaseEvent event = result.valid().event();
        String evidence = "station " + event.stationId() + " sequence " + event.stationSequence()
                + " is held by another purchase in the reserve; purchase " + event.purchaseId() + " ("
                + summary(event) + ") was refused: " + result.refusal();
        return new BatchOutcome.Parked(
                result.valid().message(),
                result.refusal(),
                new IntegrityIncident(
                        IntegrityIncident.Kind.DUPLICATE_SEQUENCE,
                        event.stationId(),
                        event.purchaseId(),
                        evidence,
                        result.valid().message().json()));
    }

    /** A unique constraint refused the row (SQLSTATE 23505). */
    private static boolean duplicateKey(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private Uni<Void> park(List<BatchOutcome.Parked> parked) {
        if (parked.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join()
                .all(parked.stream().map(deadLetters::park).toList())
                .andFailFast()
                .replaceWithVoid();
    }

    /** A constraint refused the data (SQLSTATE class 23): retrying cannot help, the row must be parked. */
    static boolean refusedByDatabase(Throwable failure) {
        return failure instanceof PgException pg
                && pg.getSqlState() != null
                && pg.getSqlState().startsWith("23");
    }

    private static String reason(Throwable failure) {
        if (failure instanceof PgException pg) {
            return pg.getErrorMessage() + (pg.getDetail() == null ? "" : " (" + pg.getDetail() + ")");
        }
        return String.valueOf(failure.getMessage());
    }

    /** The batch statement's parameters: one array per column, in {@link #COLUMNS} order, then the ingest time. */
    private static Tuple columns(List<Valid> rows, OffsetDateTime now) {
        int n = rows.size();
        UUID[] purchaseId = new UUID[n];
        UUID[] eventId = new UUID[n];
        String[] stationId = new String[n];
        String[] region = new String[n];
        Long[] stationSequence = new Long[n];
        OffsetDateTime[] paidAt = new OffsetDateTime[n];
        String[] sellerId = new String[n];
        String[] sellerType = new String[n];
        String[] deviceId = new String[n];
        Long[] readingId = new Long[n];
        String[] grossGrams = new String[n];
        String[] fineness = new String[n];
        String[] assayMethod = new String[n];
        String[] fineGrams = new String[n];
        Long[] tickSequence = new Long[n];
        String[] spot = new String[n];
        String[] fx = new String[n];
        String[] currency = new String[n];
        Integer[] currencyExponent = new Integer[n];
        Long[] grossValue = new Long[n];
        Long[] deductions = new Long[n];
        Long[] netPayable = new Long[n];
        String[] verificationCode = new String[n];
        String[] payload = new String[n];
        String[] stationKeyId = new String[n];
        String[] previousHash = new String[n];
        String[] chainHash = new String[n];
        for (int i = 0; i < n; i++) {
            PurchaseEvent e = rows.get(i).event();
            purchaseId[i] = e.purchaseId();
            eventId[i] = e.eventId();
            stationId[i] = e.stationId();
            region[i] = e.region();
            stationSequence[i] = e.stationSequence();
            paidAt[i] = OffsetDateTime.ofInstant(e.paidAt(), ZoneOffset.UTC);
            sellerId[i] = e.seller().id();
            sellerType[i] = e.seller().type().name();
            deviceId[i] = e.weighing().deviceId();
            readingId[i] = e.weighing().readingId();
            grossGrams[i] = e.weighing().grossGrams().toPlainString();
            fineness[i] = e.assay().finenessPerMille().toPlainString();
            assayMethod[i] = e.assay().method().name();
            fineGrams[i] = e.fineGrams().toPlainString();
            tickSequence[i] = e.price().tickSequence();
            spot[i] = e.price().spotUsdPerTroyOunce().toPlainString();
            fx[i] = e.price().fxLocalPerUsd().toPlainString();
            currency[i] = e.currency();
            currencyExponent[i] = e.currencyExponent();
            grossValue[i] = e.grossValueMinor();
            deductions[i] = e.deductionsMinor();
            netPayable[i] = e.netPayableMinor();
            verificationCode[i] = e.verificationCode();
            payload[i] = rows.get(i).message().json();
            stationKeyId[i] = e.stationKeyId();
            previousHash[i] = e.previousPurchaseHash();
            chainHash[i] = rows.get(i).chainHash();
        }
        return Tuple.from(Arrays.asList(
                purchaseId,
                eventId,
                stationId,
                region,
                stationSequence,
                paidAt,
                sellerId,
                sellerType,
                deviceId,
                readingId,
                grossGrams,
                fineness,
                assayMethod,
                fineGrams,
                tickSequence,
                spot,
                fx,
                currency,
                currencyExponent,
                grossValue,
                deductions,
                netPayable,
                verificationCode,
                payload,
                stationKeyId,
                previousHash,
                chainHash,
                now));
    }

    /** A message that satisfied its contract, with its bound event, the bytes its signature covers, its chain hash. */
    record Valid(IncomingPurchase message, PurchaseEvent event, byte[] signedBytes, String chainHash) {}

    /** A reversal that satisfied its contract, with the bytes its signature covers. */
    record ValidReversal(IncomingPurchase message, PurchaseReversal reversal, byte[] signedBytes) {}

    private record RowResult(Valid valid, boolean inserted, String refusal, boolean duplicateKey) {}

    /**
     * A batch split by the contract: the valid purchases (the first of each purchase id, in arrival order), how
     * many repeated a purchase id already in the batch, and the refused messages with their reasons.
     */
    record Sorted(
            List<Valid> valid,
            int repeats,
            List<BatchOutcome.Parked> refused,
            List<ValidReversal> reversals,
            List<SellerRegistrationIngest.ValidRegistration> registrations) {
        static Sorted of(List<IncomingPurchase> messages) {
            // Checking the contract is most of the service's CPU per purchase (docs/performance.md), and the messages
            // are independent: check them on every core, then sort them in arrival order. Every copy of a purchase
            // id stays until the trust checks: a forged copy ahead of the genuine one must not take its place.
            List<Object> checked = messages.parallelStream().map(Sorted::check).toList();
            List<Valid> valid = new ArrayList<>();
            List<BatchOutcome.Parked> refused = new ArrayList<>();
            List<ValidReversal> reversals = new ArrayList<>();
            List<SellerRegistrationIngest.ValidRegistration> registrations = new ArrayList<>();
            for (Object result : checked) {
                if (result instanceof SellerRegistrationIngest.ValidRegistration registration) {
                    registrations.add(registration);
                } else if (result instanceof ValidReversal reversal) {
                    reversals.add(reversal);
                } else if (result instanceof Valid purchase) {
                    valid.add(purchase);
                } else {
                    refused.add((BatchOutcome.Parked) result);
                }
            }
            return new Sorted(valid, 0, refused, reversals, registrations);
        }

        /** A valid purchase, or the message parked with its reason. */
        private static Object check(IncomingPurchase message) {
            if (message.json() == null) {
                return new BatchOutcome.Parked(message, Contract.PURCHASE_EVENT.name() + " violated: empty message");
            }
            SignedPurchases.StationMessage read;
            try {
                read = SignedPurchases.readMessage(message.json());
            } catch (ContractViolation violation) {
                return new BatchOutcome.Parked(message, violation.getMessage());
            }
            if (read instanceof SignedPurchases.ReceivedRegistration registration) {
                return new SellerRegistrationIngest.ValidRegistration(
                        message, registration.registration(), registration.signedBytes());
            }
            if (read instanceof SignedPurchases.ReceivedReversal reversal) {
                return new ValidReversal(message, reversal.reversal(), reversal.signedBytes());
            }
            SignedPurchases.Received received = (SignedPurchases.Received) read;
            PurchaseEvent event = received.event();
            Optional<String> discrepancy = PurchaseArithmetic.discrepancy(event);
            if (discrepancy.isPresent()) {
                return new BatchOutcome.Parked(
                        message,
                        "integrity: the figures do not add up: " + discrepancy.get(),
                        new IntegrityIncident(
                                IntegrityIncident.Kind.ARITHMETIC,
                                event.stationId(),
                                event.purchaseId(),
                                discrepancy.get(),
                                message.json()));
            }
            return new Valid(message, event, received.signedBytes(), received.chainHash());
        }

        /**
         * The same batch without the purchases the centre cannot trust, which are parked with their incidents, and with
         * one copy of each purchase id: the first trusted one. A redelivery within the batch is byte for byte that
         * copy; a trusted copy with other content is an incident.
         */
        Sorted trusted(PurchaseTrust.Judged judged) {
            List<BatchOutcome.Parked> parked = new ArrayList<>(refused);
            parked.addAll(judged.refused());
            Map<UUID, Valid> first = new LinkedHashMap<>();
            int repeated = repeats;
            for (Valid purchase : judged.trusted()) {
                Valid kept = first.putIfAbsent(purchase.event().purchaseId(), purchase);
                if (kept == null) {
                    continue;
                }
                if (kept.message().json().equals(purchase.message().json())) {
                    repeated++;
                } else {
                    parked.add(conflict(purchase, kept.event(), "earlier in the same batch", "received first"));
                }
            }
            return new Sorted(List.copyOf(first.values()), repeated, parked, reversals, registrations);
        }
    }
}
