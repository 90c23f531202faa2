package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The attack the proof issue began with: an unsigned purchase written to the topic in the name of a station nobody
 * registered. Production's setting: unsigned purchases count only from stations named one by one while they move to
 * signed purchases (here LEGACY-01); anyone else's is an incident and adds nothing.
 */
@QuarkusTest
@TestProfile(UnsignedPurchasesTest.OnlyNamedStations.class)
class UnsignedPurchasesTest {

    public static class OnlyNamedStations implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("centre.ingest.unsigned-stations", "LEGACY-01");
        }
    }

    static List<String> incidents(String station) {
        return Incidents.kinds(station);
    }

    static long purchases() {
        return Pricing.auditor()
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("purchases");
    }

    @Test
    void anUnsignedPurchaseCountsOnlyFromAStationStillAllowedToSendOne() {
        KafkaProbe kafka = new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
        String invented = "NEW-" + System.nanoTime() % 100000;
        long before = purchases();

        kafka.send(Topics.PURCHASES, invented, Purchases.newPurchase(UUID.randomUUID(), invented));
        UUID legacy = UUID.randomUUID();
        kafka.send(Topics.PURCHASES, "LEGACY-01", Purchases.newPurchase(legacy, "LEGACY-01"));

        await().atMost(Duration.ofSeconds(30)).until(() -> incidents(invented).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> purchases() == before + 1);
        assertThat(incidents(invented)).containsExactly("UNSIGNED");
        assertThat(Pricing.auditor()
                        .get("/api/integrity/incidents")
                        .then()
                        .extract()
                        .jsonPath()
                        .getString("find { it.stationId == '" + invented + "' }.evidence"))
                .contains("no registered key", "CENTRE_UNSIGNED_STATIONS");
        assertThat(incidents("LEGACY-01")).isEmpty();
    }
}
