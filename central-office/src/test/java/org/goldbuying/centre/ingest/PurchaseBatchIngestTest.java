package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.goldbuying.centre.integrity.IntegrityIncident;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * One batch mixing new purchases, duplicates (of a stored purchase and within the batch), poison and a purchase
 * claiming a sequence number another purchase of its station already holds: the good ones are stored once, the
 * refused ones are parked with their reason, and the batch is not poisoned by any of them.
 */
@QuarkusTest
class PurchaseBatchIngestTest {
    @Inject
    PurchaseIngest ingest;

    @Inject
    Pool database;

    @Inject
    DashboardEvents dashboard;

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static IncomingPurchase message(long offset, String station, String json) {
        return new IncomingPurchase(Topics.PURCHASES, 0, offset, station, json);
    }

    long stored(String station) {
        return Purchases.inReserve(database, station);
    }

    boolean stored(UUID purchaseId) {
        return database.preparedQuery("SELECT 1 FROM purchase WHERE purchase_id = $1")
                        .execute(Tuple.of(purchaseId))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .size()
                == 1;
    }

    @Test
    void aMixedBatchStoresTheGoodOnesOnceAndParksTheRestWithTheirReasons() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        String first = Purchases.newPurchase(a, "MIX-01", 900_001);
        BatchOutcome earlier = ingest.ingest(List.of(
                        message(1, "MIX-01", first), message(2, "MIX-01", Purchases.newPurchase(b, "MIX-01", 900_002))))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertThat(earlier.inserted()).isEqualTo(2);

        List<DashboardEvents.Change> changes = new CopyOnWriteArrayList<>();
        Cancellable listening = dashboard.stream().subscribe().with(changes::add);
        UUID c = UUID.randomUUID();
        UUID conflicting = UUID.randomUUID();
        UUID e = UUID.randomUUID();
        String newOne = Purchases.newPurchase(c, "MIX-01", 900_003);
        String claimsSequence2 = Purchases.newPurchase(conflicting, "MIX-01", 900_002);
        String negative =
                Purchases.newPurchase(UUID.randomUUID(), "MIX-01", 900_004).replace("\"12.34\"", "\"-12.34\"");
        String notJson = "mixed batch: not JSON " + UUID.randomUUID();
        BatchOutcome outcome;
        try {
            outcome = ingest.ingest(List.of(
                            message(3, "MIX-01", newOne),
                            message(4, "MIX-01", first),
                            message(5, "MIX-01", newOne),
                            message(6, "MIX-01", notJson),
                            message(7, "MIX-01", negative),
                            message(8, "MIX-01", claimsSequence2),
                            message(9, "MIX-02", Purchases.newPurchase(e, "MIX-02", 900_001))))
                    .await()
                    .atMost(Duration.ofSeconds(30));
        } finally {
            listening.cancel();
        }

        assertThat(outcome.inserted()).isEqualTo(2);
        assertThat(outcome.duplicates()).isEqualTo(2);
        assertThat(outcome.stationsWithNewPurchases()).containsExactlyInAnyOrder("MIX-01", "MIX-02");
        assertThat(outcome.parked()).extracting(p -> p.message().offset()).containsExactlyInAnyOrder(6L, 7L, 8L);
        assertThat(outcome.parked())
                .filteredOn(p -> p.message().offset() == 8)
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains("refused by the database")
                        .contains("(station_id, station_sequence)=(MIX-01, 900002) already exists"));
        assertThat(stored("MIX-01")).isEqualTo(3);
        assertThat(stored("MIX-02")).isEqualTo(1);
        assertThat(stored(c)).isTrue();
        assertThat(stored(e)).isTrue();
        assertThat(stored(conflicting)).isFalse();
        // one notice for the whole batch, naming both stations that got new purchases
        assertThat(changes)
                .filteredOn(change -> change.stationIds().contains("MIX-02"))
                .singleElement()
                .satisfies(change -> assertThat(change.stationIds()).containsExactly("MIX-01", "MIX-02"));

        List<ConsumerRecord<String, String>> parked = kafka().readUntil(
                        Topics.PURCHASES_DEAD_LETTER, r -> claimsSequence2.equals(r.value()), Duration.ofSeconds(30));
        assertThat(reason(parked.get(parked.size() - 1))).contains("already exists");
        assertThat(parked.get(parked.size() - 1).key()).isEqualTo("MIX-01");
        assertThat(parked).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(notJson);
            assertThat(reason(r)).contains("purchase-event/1 violated: not JSON");
        });
        assertThat(parked).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(negative);
            assertThat(reason(r)).contains("purchase-event/1 violated");
        });
    }

    @Test
    void aPurchaseIdRepeatedWithOtherContentInOneBatchIsAnIncidentAndTheFirstStands() {
        UUID id = UUID.randomUUID();
        String original = Purchases.newPurchase(id, "MIX-04", 900_001);
        String altered = original.replace("\"S-000123\"", "\"S-999999\"");
        BatchOutcome outcome = ingest.ingest(List.of(
                        message(1, "MIX-04", original), message(2, "MIX-04", original), message(3, "MIX-04", altered)))
                .await()
                .atMost(Duration.ofSeconds(30));
        assertThat(outcome.inserted()).isEqualTo(1);
        assertThat(outcome.duplicates()).isEqualTo(1);
        assertThat(outcome.parked()).singleElement().satisfies(p -> {
            assertThat(p.message().offset()).isEqualTo(3);
            assertThat(p.reason()).contains("is earlier in the same batch with other content");
            assertThat(p.incident().kind()).isEqualTo(IntegrityIncident.Kind.CONFLICTING_DUPLICATE);
        });
        assertThat(database.preparedQuery("SELECT payload FROM purchase WHERE purchase_id = $1")
                        .execute(Tuple.of(id))
                        .await()
                        .atMost(Duration.ofSeconds(10))
                        .iterator()
                        .next()
                        .getString(0))
                .isEqualTo(original);
    }

    @Test
    void throughKafkaAConflictingPurchaseIsParkedAndTheRestOfItsBatchIsStored() {
        UUID f = UUID.randomUUID();
        UUID h = UUID.randomUUID();
        String purchaseF = Purchases.newPurchase(f, "MIX-03", 900_001);
        String claimsFsSequence = Purchases.newPurchase(UUID.randomUUID(), "MIX-03", 900_001);
        Properties props = new Properties();
        props.put(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfraTestResource.kafka().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String value : List.of(
                    purchaseF,
                    purchaseF,
                    "MIX-03 poison",
                    claimsFsSequence,
                    purchaseF,
                    Purchases.newPurchase(h, "MIX-03", 900_002))) {
                producer.send(new ProducerRecord<>(Topics.PURCHASES, "MIX-03", value));
            }
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(h));
        assertThat(stored(f)).isTrue();
        assertThat(stored("MIX-03")).isEqualTo(2);
        List<ConsumerRecord<String, String>> parked = kafka().readUntil(
                        Topics.PURCHASES_DEAD_LETTER, r -> claimsFsSequence.equals(r.value()), Duration.ofSeconds(30));
        ConsumerRecord<String, String> conflict = parked.get(parked.size() - 1);
        assertThat(reason(conflict)).contains("(station_id, station_sequence)=(MIX-03, 900001) already exists");
        assertThat(new String(conflict.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.PURCHASES);
        assertThat(parked).anySatisfy(r -> assertThat(r.value()).isEqualTo("MIX-03 poison"));
    }

    static String reason(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
