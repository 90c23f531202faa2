package org.goldbuying.centre.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;

/**
 * The three logins of the pricing tests, and a way back to the configured policy: the tests share one database,
 * and other classes (the display's figures, the tick's lock window) expect the configured values in force.
 */
public final class Pricing {
    /** The policy of application.properties, which docs/pricing.md's worked example uses. */
    public static final String CONFIGURED = """
            {"fxLocalPerUsd":"3700.00","discountPercent":"5","royaltyPercent":"4","feesPercent":"0",
             "advancePercent":"99","maxTickAgeSeconds":86400,"quoteLockSeconds":120,
             "reason":"Back to the configured policy after a test"}""";

    private Pricing() {}

    /** What the dashboard sends to confirm a key's revocation: the pending proposal as the key list shows it. */
    public static String revocationSeen(String keyId) {
        JsonPath key = auditor()
                .get("/api/station-keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.keyId == '" + keyId + "' }");
        return "{\"proposedBy\":\"" + key.getString("revocationProposedBy") + "\",\"proposedAt\":\""
                + key.getString("revocationProposedAt") + "\"}";
    }

    public static RequestSpecification treasury() {
        return given().auth().preemptive().basic("treasury", "treasury-demo").contentType("application/json");
    }

    public static RequestSpecification treasury2() {
        return given().auth().preemptive().basic("treasury2", "treasury2-demo").contentType("application/json");
    }

    public static RequestSpecification auditor() {
        return given().auth().preemptive().basic("auditor", "auditor-demo").contentType("application/json");
    }

    /** The tick with this sequence as read from the real topic, checked against its contract. */
    public static PriceTick published(long sequence) {
        List<ConsumerRecord<String, String>> records = new KafkaProbe(
                        InfraTestResource.kafka().bootstrapServers())
                .readUntil(
                        Topics.PRICE_TICKS,
                        r -> r.value().contains("\"sequence\":" + sequence + ","),
                        Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        String json = last.value();
        assertThat(Contract.PRICE_TICK.violations(json)).isEmpty();
        // every tick leaves signed by the centre's key, over the bytes sent
        Header signature = last.headers().lastHeader(TickSignature.HEADER);
        assertThat(signature).as("the tick's signature header").isNotNull();
        assertThat(TickSignature.verify(
                        CentreSigningKeyResource.pair().getPublic(),
                        json,
                        new String(signature.value(), StandardCharsets.US_ASCII)))
                .as("the centre's signature verifies")
                .isTrue();
        return Contract.PRICE_TICK.read(json);
    }

    /** One publication round now, which must publish; returns the tick's sequence. */
    public static long publishNow() {
        return treasury()
                .post("/api/price/publish")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("sequence");
    }

    public static JsonPath currentTick() {
        return given().get("/api/price").then().statusCode(200).extract().jsonPath();
    }

    /** Proposes a policy as treasury and approves it as treasury2; returns the approved version's id. */
    public static long proposeAndApprove(String policyJson) {
        long id = treasury()
                .body(policyJson)
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        treasury2()
                .post("/api/pricing/policy/versions/" + id + "/approve")
                .then()
                .statusCode(200);
        return id;
    }

    /** Puts the configured policy back in force and waits until the latest tick carries it. */
    public static void restoreConfiguredPolicy() {
        proposeAndApprove(CONFIGURED);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonPath tick = currentTick();
            return "ACTIVE".equals(tick.getString("status"))
                    && "5".equals(tick.getString("policy.discountPercent"))
                    && "3700.00".equals(tick.getString("fxLocalPerUsd"));
        });
    }
}
