package org.goldbuying.centre.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Ingest against the real broker and database: duplicates count once, poison is parked, the consumer goes on. */
@QuarkusTest
class PurchaseIngestTest {

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static JsonPath reserve() {
        return given().auth().preemptive().basic("auditor", "auditor-demo").get("/api/reserve").then().statusCode(200).extract().jsonPath();
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
        String marker = Purchases.newPurchase(UUID.randomUUID(), "DUP-01");
        kafka().send(Topics.PURCHASES, "DUP-01", marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> purchases() == before + 2);
        assertThat(fineGrams().subtract(fineBefore)).isEqualByComparingTo("22.5822");
    }

    @Test
    void aPoisonMessageIsParkedWithItsReasonAndIngestGoesOn() {
        long before = purchases();
        String poison = Purchases.newPurchase(UUID.randomUUID(), "BAD-01").replace("\"12.34\"", "\"-12.34\"");
        kafka().send(Topics.PURCHASES, "BAD-01", poison);
        kafka().send(Topics.PURCHASES, "BAD-01", "this is not JSON");
        kafka().send(Topics.PURCHASES, "BAD-01", Purchases.newPurchase(UUID.randomUUID(), "BAD-01"));

        List<ConsumerRecord<String, String>> parked = kafka().readUntil(Topics.PURCHASES_DEAD_LETTER,
                r -> r.value().equals("this is not JSON"), Duration.ofSeconds(30));
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
        String typed = Purchases.newPurchase(UUID.randomUUID(), "TYP-01").replace(
                "\"readingId\": 1763802930000001, \"grossGrams\": \"12.34\"",
                "\"grossGrams\": \"12.34\", \"typedOverride\": {\"reason\": \"Balance display broken, reserve balance used\","
                        + " \"typedBy\": \"clerk\", \"approvedBy\": \"supervisor\"}");
        assertThat(typed).contains("typedOverride");
        kafka().send(Topics.PURCHASES, "TYP-01", typed);
        await().atMost(Duration.ofSeconds(30)).until(() -> purchases() == before + 1);
    }

    static BigDecimal fineGrams() {
        List<String> values = reserve().getList("byCurrency.fineGrams", String.class);
        return values.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
