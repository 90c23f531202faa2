package org.goldbuying.centre.integrity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.centre.station.StationStatusTest;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * Purchase messages anyone who can write to the topic could send, each refused as not genuine: it never counts in the
 * reserve, it is parked with the evidence, and the treasury sees it as an integrity incident beside the station.
 */
@QuarkusTest
class IntegrityIncidentTest {

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static JsonPath auditor(String path) {
        return given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static List<String> kindsFor(String station) {
        return auditor("/api/integrity/incidents").getList("findAll { it.stationId == '" + station + "' }.kind");
    }

    static String parkedReason(UUID purchaseId, String marker) {
        List<ConsumerRecord<String, String>> parked = kafka().readUntil(
                        Topics.PURCHASES_DEAD_LETTER,
                        r -> r.value().contains(purchaseId.toString())
                                && r.value().contains(marker),
                        Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = parked.get(parked.size() - 1);
        return new String(last.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }

    @Test
    void forgedAlteredAndDoubleNumberedPurchasesNeverCountAndAreIncidents() throws Exception {
        String station = "INT-" + System.nanoTime() % 100000;
        UUID genuine = UUID.randomUUID();
        String original = Purchases.newPurchase(genuine, station, 7);
        kafka().send(Topics.PURCHASES, station, original);
        kafka().send(Topics.STATION_HEARTBEATS, station, StationStatusTest.heartbeat(station, Instant.now(), 7, 0));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> StationStatusTest.known(station)
                        && StationStatusTest.station(station).getLong("purchasesIngested") == 1);

        // 1. a heavier lot carrying the fine grams of the 12.34 g one, under a new id and the next sequence
        UUID heavier = UUID.randomUUID();
        String forged = Purchases.newPurchase(heavier, station, 8)
                .replace("\"grossGrams\": \"12.34\"", "\"grossGrams\": \"500.00\"");
        kafka().send(Topics.PURCHASES, station, forged);
        // 2. the genuine purchase's id again, with another seller (its figures add up)
        String altered = original.replace("\"S-000123\"", "\"S-999999\"");
        kafka().send(Topics.PURCHASES, station, altered);
        // 3. another purchase claiming the genuine one's station sequence number
        UUID second = UUID.randomUUID();
        kafka().send(Topics.PURCHASES, station, Purchases.newPurchase(second, station, 7));

        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(station).size() == 3);
        assertThat(kindsFor(station))
                .containsExactlyInAnyOrder("ARITHMETIC", "CONFLICTING_DUPLICATE", "DUPLICATE_SEQUENCE");
        assertThat(parkedReason(heavier, "500.00"))
                .startsWith("integrity: the figures do not add up")
                .contains("fine grams 11.2911 but 500.00 g at 915.0 per mille is 457.5000 g");
        assertThat(parkedReason(genuine, "S-999999"))
                .contains("is in the reserve with other content; the one stored stands");
        assertThat(parkedReason(second, second.toString())).contains("refused by the database");
        JsonPath incident = auditor("/api/integrity/incidents")
                .setRootPath("find { it.stationId == '" + station + "' && it.kind == 'ARITHMETIC' }");
        assertThat(incident.getString("status")).isEqualTo("OPEN");
        assertThat(incident.getString("purchaseId")).isEqualTo(heavier.toString());
        assertThat(incident.getString("payload")).contains("\"500.00\"");

        // the reserve holds the genuine purchase only, and the station's view shows the incidents
        JsonPath view = StationStatusTest.station(station);
        assertThat(view.getLong("purchasesIngested")).isEqualTo(1);
        assertThat(view.getLong("openIntegrityIncidents")).isEqualTo(3);
        assertThat(view.getList("alerts", String.class).get(0)).startsWith("3 integrity incidents open");
        given().auth()
                .preemptive()
                .basic("auditor", "auditor-demo")
                .get("/api/integrity/incidents")
                .then()
                .statusCode(200);
        given().auth().none().get("/api/integrity/incidents").then().statusCode(401);
    }

    static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-demo").contentType("application/json");
    }

    @Test
    void anIncidentIsResolvedByTwoTreasuryUsers() {
        String station = "RES-" + System.nanoTime() % 100000;
        UUID forged = UUID.randomUUID();
        kafka().send(
                        Topics.PURCHASES,
                        station,
                        Purchases.newPurchase(forged, station)
                                .replace("\"netPayableMinor\": 3239041", "\"netPayableMinor\": 3559385"));
        await().atMost(Duration.ofSeconds(30)).until(() -> kindsFor(station).size() == 1);
        long id = auditor("/api/integrity/incidents").getLong("find { it.stationId == '" + station + "' }.id");
        String resolve = "/api/integrity/incidents/" + id;

        as("auditor")
                .body("{\"note\":\"Looked into it, nothing to do\"}")
                .post(resolve + "/resolution")
                .then()
                .statusCode(403);
        as("treasury")
                .body("{\"note\":\"short\"}")
                .post(resolve + "/resolution")
                .then()
                .statusCode(400);
        as("treasury")
                .body("{\"note\":\"     ok     \"}")
                .post(resolve + "/resolution")
                .then()
                .statusCode(400);
        as("treasury")
                .body("{\"note\":\"No such station: written to Kafka by hand; broker credentials rotated\"}")
                .post(resolve + "/resolution")
                .then()
                .statusCode(204);
        as("treasury2")
                .body("{\"note\":\"Another resolution for the same incident\"}")
                .post(resolve + "/resolution")
                .then()
                .statusCode(409);
        as("treasury")
                .post(resolve + "/confirm")
                .then()
                .statusCode(403)
                .body("code", org.hamcrest.Matchers.equalTo("SELF_APPROVAL"));
        as("treasury2").post(resolve + "/confirm").then().statusCode(204);
        as("treasury2").post(resolve + "/confirm").then().statusCode(409);
        JsonPath resolved = auditor("/api/integrity/incidents").setRootPath("find { it.id == " + id + " }");
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(resolved.getString("proposedBy")).isEqualTo("treasury");
        assertThat(resolved.getString("resolvedBy")).isEqualTo("treasury2");
        as("treasury").post("/api/integrity/incidents/999999999/confirm").then().statusCode(404);
    }
}
