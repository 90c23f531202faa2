package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * A purchase paid at a station and never received (lost, held back, deleted from its outbox by someone there) is an
 * incident the treasury sees, found from the reserve alone (this station sends no heartbeat), and the centre resolves
 * it once the purchase arrives. The test runs the watch itself with a window of its own: the test profile's wait
 * (24 h) keeps the scheduled rounds from reporting the gaps other tests leave on purpose.
 */
@QuarkusTest
class MissingPurchaseWatchTest {
    @Inject
    MissingPurchaseWatch watch;

    @Inject
    Pool database;

    private static void send(SigningStation station, SignedPurchases.Signed purchase) {
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, station.id(), purchase.json());
    }

    private long counted(String station) {
        return Purchases.inReserve(database, station);
    }

    private int check(String station, Instant arrivedFrom, Instant arrivedBefore) {
        return watch.check(arrivedFrom, arrivedBefore, new String[] {station})
                .await()
                .atMost(Duration.ofSeconds(10));
    }

    @Test
    void aPurchasePaidAtTheStationThatNeverArrivesIsAnIncidentUntilItArrives() {
        PriceTick tick = Pricing.published(Pricing.publishNow());
        SigningStation station = new SigningStation("MIS-" + System.nanoTime() % 100000);
        station.register();
        send(station, station.next(tick, "2.00", "900.0")); // no. 1
        SignedPurchases.Signed held = station.next(tick, "3.00", "900.0"); // no. 2: never sent, for now
        send(station, station.next(tick, "4.00", "900.0")); // no. 3
        station.next(tick, "1.50", "900.0"); // no. 4: deleted from the station's outbox, say
        SignedPurchases.Signed fifth = station.next(tick, "1.60", "900.0"); // no. 5: sent later
        station.skip(994);
        send(station, station.next(tick, "5.00", "900.0")); // no. 1000: the key signed far ahead
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 3);
        Instant start = Instant.now().minus(Duration.ofHours(1));

        // a purchase above a gap that arrived after the window's end is not looked at yet
        assertThat(check(station.id(), start, start.plusSeconds(60))).isZero();
        assertThat(Incidents.kinds(station.id())).isEmpty();

        assertThat(check(station.id(), start, Instant.now().plusSeconds(60))).isEqualTo(2);
        assertThat(Incidents.kinds(station.id())).containsExactly("MISSING_PURCHASE", "MISSING_PURCHASE");
        assertThat(Incidents.of(station.id(), "evidence"))
                .anySatisfy(evidence -> assertThat(evidence)
                        .startsWith("Station " + station.id() + "'s purchase no. 2 is not in the reserve, though its"
                                + " purchase no. 3 arrived"))
                .anySatisfy(evidence -> assertThat(evidence)
                        .contains("purchases no. 4 to 999 (996) are not in the reserve, though its purchase no. 1000"
                                + " arrived")
                        .contains("deleted from the station's outbox"));
        // one incident per arrival above a gap, however often the watch looks
        assertThat(check(station.id(), start, Instant.now().plusSeconds(60))).isZero();
        assertThat(Incidents.kinds(station.id())).hasSize(2);

        // the held-back purchase arrives: its incident is resolved by the centre
        send(station, held);
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 4);
        assertThat(check(station.id(), start, Instant.now().plusSeconds(60))).isZero();
        assertThat(Incidents.statuses(station.id())).containsExactlyInAnyOrder("RESOLVED", "OPEN");
        assertThat(Incidents.of(station.id(), "resolvedBy"))
                .containsExactlyInAnyOrder(MissingPurchaseWatch.ARRIVED, null);

        // no. 5 arrives without no. 4: a gap inside the earlier, wider report is reported in its own right
        send(station, fifth);
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 5);
        assertThat(check(station.id(), start, Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(Incidents.of(station.id(), "evidence"))
                .anySatisfy(evidence -> assertThat(evidence)
                        .startsWith("Station " + station.id() + "'s purchase no. 4 is not in the reserve, though its"
                                + " purchase no. 5 arrived"));
        assertThat(Incidents.statuses(station.id())).containsExactlyInAnyOrder("RESOLVED", "OPEN", "OPEN");
    }
}
