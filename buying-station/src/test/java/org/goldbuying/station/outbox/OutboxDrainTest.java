package org.goldbuying.station.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.infra.LocalKafka;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.Lots;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Shifts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module's real Kafka broker goes down while the counter keeps buying, and comes back on the same address with
 * its data: the payments never wait for it, the relay backs off instead of spinning, and the backlog then reaches
 * the purchases topic exactly once and in station-sequence order.
 */
@QuarkusTest
class OutboxDrainTest {

    @Inject
    OutboxConfig config;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRepository events;

    /** An event Kafka refuses for good, which a test put in the outbox and must take out again. */
    private Long refused;

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    /** Whatever happened in the test, the next test class finds the broker up. */
    @AfterEach
    void brokerBackAndNothingRefusedLeft() throws Throwable {
        InfraTestResource.kafka().restart();
        if (refused != null) {
            Long id = refused;
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> events.deleteById(id)));
            refused = null;
        }
    }

    static JsonPath outbox() {
        return given().get("/api/outbox").then().statusCode(200).extract().jsonPath();
    }

    static long paidCash(String clerk) {
        String id = Lots.quotedAndApproved(clerk, "5.00").getString("id");
        return given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(200)
                .body("status", equalTo("PAID"))
                .extract()
                .jsonPath()
                .getLong("stationSequence");
    }

    @Test
    void whileKafkaIsDownTheCounterKeepsBuyingAndTheRelayBacksOffThenTheBacklogDrainsOnceAndInOrder() {
        PriceTicks.publishActive("2650.00");
        Shifts.openFor("clerk");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().getLong("backlog") == 0);
        long failedRoundsBefore = outbox().getLong("relay.failedRounds");
        LocalKafka kafka = InfraTestResource.kafka();

        long downSince = System.nanoTime();
        kafka.stop();

        // The counter keeps buying: every payment succeeds at once and its event waits in the outbox.
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(paidCash("clerk"));
        }
        // each lot's seller is new: their registration for the national register waits in the outbox too
        assertThat(outbox().getLong("backlog")).isEqualTo(8);

        // The relay fails round after round, and waits longer after each failure instead of spinning.
        JsonPath failing = await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(OutboxDrainTest::outbox, o -> o.getInt("relay.consecutiveFailures") >= 3);
        long downMillis = Duration.ofNanos(System.nanoTime() - downSince).toMillis();
        assertThat(failing.getBoolean("relay.backingOff")).isTrue();
        assertThat(failing.getLong("relay.backoffMillis"))
                .isGreaterThanOrEqualTo(2 * config.pollInterval().toMillis());
        assertThat(failing.getString("relay.nextAttemptAt")).isNotNull();
        assertThat(failing.getString("relay.lastError")).isNotBlank();
        assertThat(failing.getInt("oldestUnsentAttempts")).isGreaterThanOrEqualTo(1);
        assertThat(failing.getString("oldestUnsentError")).isNotBlank();
        assertThat(failing.getLong("relay.failedRounds") - failedRoundsBefore)
                .as("failed rounds in %d ms of outage", downMillis)
                .isLessThanOrEqualTo(maxRoundsWithBackoff(downMillis));

        // Still buying while the relay backs off.
        sequences.add(paidCash("clerk"));
        assertThat(outbox().getLong("backlog")).isEqualTo(10);

        kafka.restart();

        JsonPath drained = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                // the backlog empties when markSent commits; the relay's own state is reset just after
                .until(
                        OutboxDrainTest::outbox,
                        o -> o.getLong("backlog") == 0
                                && !o.getBoolean("relay.backingOff")
                                && o.getInt("relay.consecutiveFailures") == 0);
        assertThat(drained.getBoolean("relay.backingOff")).isFalse();
        assertThat(drained.getInt("relay.consecutiveFailures")).isZero();
        assertThat(drained.getString("oldestUnsentId")).isNull();

        // On the topic: from the first of these purchases on, this station's records are exactly these purchases,
        // each once, in station-sequence order without a gap.
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(sequences.get(i - 1) + 1);
        }
        List<SignedPurchases.Received> received = new KafkaProbe(kafka.bootstrapServers())
                .readAll(Topics.PURCHASES, Duration.ofSeconds(30)).stream()
                        .filter(r -> "TEST-01".equals(r.key()))
                        .map(ConsumerRecord::value)
                        .map(SignedPurchases::readMessage)
                        // the station's purchases; a reversal (another test's) is not one of its chain
                        .filter(SignedPurchases.Received.class::isInstance)
                        .map(SignedPurchases.Received.class::cast)
                        .toList();
        List<PurchaseEvent> station =
                received.stream().map(SignedPurchases.Received::event).toList();
        List<Long> onTopic = station.stream()
                .map(PurchaseEvent::stationSequence)
                .dropWhile(sequence -> sequence < sequences.get(0))
                .toList();
        assertThat(onTopic).containsExactlyElementsOf(sequences);
        List<UUID> purchases = station.stream()
                .filter(e -> sequences.contains(e.stationSequence()))
                .map(PurchaseEvent::purchaseId)
                .toList();
        assertThat(purchases).hasSize(sequences.size()).doesNotHaveDuplicates();
        // ... and chained: each names the chain hash of the one before it, through the outage.
        for (int i = 1; i < received.size(); i++) {
            if (sequences.contains(received.get(i).event().stationSequence())) {
                assertThat(received.get(i).event().previousPurchaseHash())
                        .as("purchase %d names purchase %d", i, i - 1)
                        .isEqualTo(received.get(i - 1).chainHash());
            }
        }

        // The station's price-tick consumer is back too.
        PriceTicks.publishActive("2651.00");
    }

    /**
     * A round stops at the first event Kafka does not take: the events before it are marked sent and never sent again,
     * and no event after it reaches the topic before it does. (Sending a whole batch at once and resending it all
     * after any failure put the later events on the topic ahead of the failed one, and the earlier ones twice.)
     */
    @Test
    void aRefusedEventHoldsBackTheEventsAfterItAndTheOnesBeforeItAreNotResent() throws Throwable {
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox().getLong("backlog") == 0);
        String run = UUID.randomUUID().toString();
        String key = "ORDER-" + run;
        // Written in one transaction, so one round of the relay takes all three; the middle one is larger than the
        // producer's max.request.size (1 MB), which Kafka refuses at once and for good.
        List<OutboxEvent> written = VertxContextSupport.subscribeAndAwait(() ->
                Panache.withTransaction(() -> outbox.append(UUID.randomUUID(), "order-test", key, "before")
                        .chain(before -> outbox.append(UUID.randomUUID(), "order-test", key, "x".repeat(2_000_000))
                                .chain(big -> outbox.append(UUID.randomUUID(), "order-test", key, "after")
                                        .map(after -> List.of(before, big, after))))));
        refused = written.get(1).id;

        JsonPath stuck = await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        OutboxDrainTest::outbox,
                        o -> o.getLong("backlog") == 2
                                && refused.equals(o.getLong("oldestUnsentId"))
                                && o.getInt("oldestUnsentAttempts") >= 2);
        assertThat(stuck.getString("oldestUnsentError")).isNotBlank();
        KafkaProbe probe = new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
        assertThat(valuesFor(probe, key)).containsExactly("before");

        // Once the refused event is taken out (by hand, as an operator would), the one after it follows.
        Long id = refused;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> events.deleteById(id)));
        refused = null;
        await().atMost(Duration.ofSeconds(20)).until(() -> outbox().getLong("backlog") == 0);
        assertThat(valuesFor(probe, key)).containsExactly("before", "after");
    }

    private static List<String> valuesFor(KafkaProbe probe, String key) {
        return probe.readAll(Topics.PURCHASES, Duration.ofSeconds(30)).stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /**
     * The most rounds a relay that backs off can start in the given time: waits of poll interval, doubled after each
     * failure up to the maximum, separate the rounds. A relay that retried every poll would start many more.
     */
    private long maxRoundsWithBackoff(long millis) {
        long poll = config.pollInterval().toMillis();
        long max = config.maxBackoff().toMillis();
        int doublings = 0;
        for (long wait = poll; wait < max; wait *= 2) {
            doublings++;
        }
        return millis / max + doublings + 1;
    }
}
