package org.goldbuying.centre.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/** Ingest against the real broker and database: duplicates count once, poison is parked, the consumer goes on. */
@QuarkusTest
class PurchaseIngestTest {

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static JsonPath reserve() {
        return given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static long purchases() {
        return reserve().getLong("purchases");
    }

    @Test
    void theSamePurchaseDeliveredThreeTimesIsCountedOnce() {
        long before = purchases();
        BigDecimal fineBefore = fineGrams();
        String event = Purchases.newPurchase(UUID.randomUUID(), "DUP-01");
        for (int i = 0; i < 3; i++) {
            kafka().send(Topics.PURCHASES, "DUP-01", event);
        }
        UUID markerId = UUID.randomUUID();
        kafka().send(Topics.PURCHASES, "DUP-01", Purchases.newPurchase(markerId, "DUP-01"));
        // the marker stored means the three copies before it on the station's partition were consumed; a wait for
        // the count alone could pass while only two copies were in, whether or not the third was going to count
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(markerId));
        assertThat(purchases()).isEqualTo(before + 2);
        assertThat(fineGrams().subtract(fineBefore)).isEqualByComparingTo("22.5822");
    }

    @Test
    void aPoisonMessageIsParkedWithItsReasonAndIngestGoesOn() {
        long before = purchases();
        String poison = Purchases.newPurchase(UUID.randomUUID(), "BAD-01").replace("\"12.34\"", "\"-12.34\"");
        kafka().send(Topics.PURCHASES, "BAD-01", poison);
        kafka().send(Topics.PURCHASES, "BAD-01", "this is not JSON");
        kafka().send(Topics.PURCHASES, "BAD-01", Purchases.newPurchase(UUID.randomUUID(), "BAD-01"));

        List<ConsumerRecord<String, String>> parked = kafka().readUntil(
                        Topics.PURCHASES_DEAD_LETTER,
                        r -> r.value().equals("this is not JSON"),
                        Duration.ofSeconds(30));
        assertThat(parked).anySatisfy(r -> {
            assertThat(r.value()).isEqualTo(poison);
            assertThat(new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .contains("purchase-event/1 violated");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> purchases() == before + 1);
    }

    @Test
    void aSupervisorApprovedTypedWeightIsCountedAndKeepsItsOverride() {
        long before = purchases();
        String station = "TYP-" + System.nanoTime() % 100000;
        kafka().send(Topics.PURCHASES, station, Purchases.newTypedWeightPurchase(UUID.randomUUID(), station));
        await().atMost(Duration.ofSeconds(30)).until(() -> purchases() == before + 1);
        // the ledger counts it apart, so auditors see which stations weigh by hand
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .queryParam("by", "station")
                .get("/api/ledger")
                .then()
                .statusCode(200)
                .body("find { it.key == '" + station + "' }.purchases", equalTo(1))
                .body("find { it.key == '" + station + "' }.typedWeightPurchases", equalTo(1));
    }

    @Inject
    Pool database;

    /**
     * A database that refuses for a while (here: the purchase table is away for a few seconds) is not a poison
     * message: the batch is retried with back-off, nothing is parked and nothing acknowledged past it, and the
     * purchase is stored once when the database answers again.
     */
    @Test
    void aDatabaseThatFailsForAWhileDelaysAPurchaseButNeitherLosesNorParksIt() {
        long before = purchases();
        UUID purchaseId = UUID.randomUUID();
        sql("ALTER TABLE purchase RENAME TO purchase_unavailable");
        try {
            kafka().send(Topics.PURCHASES, "OUT-01", Purchases.newPurchase(purchaseId, "OUT-01"));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() ->
                            sql("SELECT count(*) FROM purchase_unavailable WHERE purchase_id = '" + purchaseId + "'")
                                    == 0);
        } finally {
            sql("ALTER TABLE purchase_unavailable RENAME TO purchase");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(purchaseId));
        assertThat(sql("SELECT count(*) FROM purchase WHERE purchase_id = '" + purchaseId + "'"))
                .isEqualTo(1);
        assertThat(purchases()).isEqualTo(before + 1);
        assertThat(kafka().readAll(Topics.PURCHASES_DEAD_LETTER, Duration.ofSeconds(10)))
                .noneMatch(r -> r.value().contains(purchaseId.toString()));
    }

    private boolean stored(UUID purchaseId) {
        return sql("SELECT count(*) FROM purchase WHERE purchase_id = '" + purchaseId + "'") > 0;
    }

    /** Runs a statement on the service's own database; a count for a query, 0 for anything else. */
    private long sql(String statement) {
        RowSet<Row> rows = database.query(statement).execute().await().atMost(Duration.ofSeconds(10));
        return statement.startsWith("SELECT") ? rows.iterator().next().getLong(0) : 0;
    }

    static BigDecimal fineGrams() {
        List<String> values = reserve().getList("byCurrency.fineGrams", String.class);
        return values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
