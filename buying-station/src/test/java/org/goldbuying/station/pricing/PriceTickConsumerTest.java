package org.goldbuying.station.pricing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.goldbuying.infra.ManagementInterface;
import org.goldbuying.station.support.CentreKeyResource;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PriceTickConsumerTest {

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @Test
    void aTickThatBreaksItsContractIsParkedWithItsReasonAndTheNextOneIsAccepted() {
        String poison =
                "{\"contract\":\"price-tick/1\",\"sequence\":1,\"status\":\"ACTIVE\",\"spotUsdPerTroyOunce\":-5}";
        PriceTicks.publishRaw(poison);

        List<ConsumerRecord<String, String>> parked = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.PRICE_TICKS_DEAD_LETTER, r -> r.value().equals(poison), Duration.ofSeconds(30));
        Header reason = parked.get(parked.size() - 1).headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("price-tick/1 violated");

        long next = PriceTicks.publishActive("2700.00");
        given().get("/api/price")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(next))
                .body("quotable", equalTo(true))
                .body("spotUsdPerTroyOunce", equalTo("2700.00"));
    }

    /** The dead-letter reason of the parked copy of this exact tick. */
    static String parkedReason(String json) {
        List<ConsumerRecord<String, String>> parked = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(Topics.PRICE_TICKS_DEAD_LETTER, r -> r.value().equals(json), Duration.ofSeconds(30));
        Header reason = parked.get(parked.size() - 1).headers().lastHeader("dead-letter-reason");
        return new String(reason.value(), StandardCharsets.UTF_8);
    }

    @Test
    void onlyTicksTheCentresKeySignedAreKept() {
        double refusedBefore = refusedTicks();
        long genuine = PriceTicks.publishActive("2650.00");
        // anyone who can write to the topic: no signature, another key's, or the centre's over other bytes
        String unsigned = PriceTicks.activeJson("1.00");
        PriceTicks.publishWithSignature(unsigned, null);
        String forged = PriceTicks.activeJson("9999.00");
        PriceTicks.publishWithSignature(
                forged, TickSignature.sign(Ed25519.generate().getPrivate(), forged));
        String signedByCentre = PriceTicks.activeJson("2650.00");
        String altered = signedByCentre.replace("\"2650.00\"", "\"26500.00\"");
        PriceTicks.publishWithSignature(
                altered, TickSignature.sign(CentreKeyResource.pair().getPrivate(), signedByCentre));

        assertThat(parkedReason(unsigned)).contains("not signed");
        assertThat(parkedReason(forged)).contains("not the centre's");
        assertThat(parkedReason(altered)).contains("forged or altered");
        // the price held is still the genuine one, though the refused ticks carried later sequence numbers
        given().get("/api/price")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(genuine))
                .body("spotUsdPerTroyOunce", equalTo("2650.00"));
        String metrics = given().get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics).contains("station_price_ticks_refused_total");
        // each refusal counted (the counter is read after the parked copies were seen, which follow the count)
        assertThat(refusedTicks()).isGreaterThanOrEqualTo(refusedBefore + 3);

        long next = PriceTicks.publishActive("2660.00");
        given().get("/api/price")
                .then()
                .body("sequence", equalTo(next))
                .body("spotUsdPerTroyOunce", equalTo("2660.00"));
    }

    /** The station's count of refused ticks, from its metrics. */
    static double refusedTicks() {
        return given().get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(line -> line.startsWith("station_price_ticks_refused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
