package org.goldbuying.centre.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.goldbuying.centre.support.Pricing.auditor;
import static org.goldbuying.centre.support.Pricing.treasury;
import static org.goldbuying.centre.support.Pricing.treasury2;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.goldbuying.centre.feed.SimulatedGoldFeed;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pricing policy over HTTP on the real database and broker: four eyes, effective dates, refusals, audit. */
@QuarkusTest
class PolicyResourceTest {
    static final String CHANGE = """
            {"fxLocalPerUsd":"3650.50","discountPercent":"4.5","royaltyPercent":"4","feesPercent":"0.25",
             "advancePercent":"98","maxTickAgeSeconds":43200,"quoteLockSeconds":90,
             "reason":"Monetary policy committee, 21 November"}""";

    @Inject
    SimulatedGoldFeed feed;

    @BeforeEach
    void steadyFeed() {
        feed.force(new BigDecimal("2650.00"));
    }

    @AfterEach
    void release() {
        feed.release();
    }

    static int versions() {
        return auditor()
                .get("/api/pricing/policy/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id")
                .size();
    }

    @Test
    void theConfiguredValuesAreVersionOneRecordedAsComingFromConfiguration() {
        JsonPath history = auditor()
                .get("/api/pricing/policy/versions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<String> origins = history.getList("origin");
        assertThat(origins).last().isEqualTo("CONFIGURATION");
        int first = origins.size() - 1;
        assertThat(history.getString("[" + first + "].status")).isEqualTo("APPROVED");
        assertThat(history.getString("[" + first + "].proposedBy")).isEqualTo("configuration");
        assertThat(history.getString("[" + first + "].fxLocalPerUsd")).isEqualTo("3700.00");
        assertThat(history.getString("[" + first + "].quoteLockSeconds")).isEqualTo("120");
        assertThat(auditor()
                        .get("/api/pricing/audit?limit=1000")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("action", String.class))
                .contains("POLICY_SEEDED");
        // the policy in force is readable by both roles, with the currency it is quoted in
        treasury()
                .get("/api/pricing/policy")
                .then()
                .statusCode(200)
                .body("currency", equalTo("UGX"))
                .body("currencyExponent", equalTo(0));
    }

    @Test
    void anApprovedChangeNeedsASecondTreasuryUserAndIsInTheNextTick() {
        try {
            JsonPath proposed = treasury()
                    .body(CHANGE)
                    .post("/api/pricing/policy/versions")
                    .then()
                    .statusCode(201)
                    .body("status", equalTo("PROPOSED"))
                    .body("proposedBy", equalTo("treasury"))
                    .body("fxLocalPerUsd", equalTo("3650.50"))
                    .body("discountPercent", equalTo("4.5"))
                    .extract()
                    .jsonPath();
            long id = proposed.getLong("id");
            // proposed is not in force
            assertThat(auditor()
                            .get("/api/pricing/policy")
                            .then()
                            .extract()
                            .jsonPath()
                            .getLong("id"))
                    .isNotEqualTo(id);

            treasury()
                    .post("/api/pricing/policy/versions/" + id + "/approve")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("SELF_APPROVAL"))
                    .body("message", containsString("a different treasury user must approve it"));
            auditor()
                    .post("/api/pricing/policy/versions/" + id + "/approve")
                    .then()
                    .statusCode(403);
            auditor().body(CHANGE).post("/api/pricing/policy/versions").then().statusCode(403);
            RestAssured.given()
                    .post("/api/pricing/policy/versions/" + id + "/approve")
                    .then()
                    .statusCode(401);

            Instant before = Instant.now();
            treasury2()
                    .body("{\"comment\":\"Checked against the MPC minutes\"}")
                    .post("/api/pricing/policy/versions/" + id + "/approve")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("APPROVED"))
                    .body("decidedBy", equalTo("treasury2"))
                    .body("decisionComment", equalTo("Checked against the MPC minutes"));
            treasury2()
                    .post("/api/pricing/policy/versions/" + id + "/approve")
                    .then()
                    .statusCode(409)
                    .body("code", equalTo("ALREADY_DECIDED"))
                    .body("message", containsString("already approved by treasury2"));
            treasury2()
                    .post("/api/pricing/policy/versions/" + id + "/reject")
                    .then()
                    .statusCode(409);

            JsonPath inForce = auditor()
                    .get("/api/pricing/policy")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(inForce.getLong("id")).isEqualTo(id);
            assertThat(Instant.parse(inForce.getString("effectiveAt")))
                    .isAfterOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS));

            // published promptly, without waiting for the next round: read from the real topic
            JsonPath current = await().atMost(Duration.ofSeconds(15))
                    .until(Pricing::currentTick, t -> "3650.50".equals(t.getString("fxLocalPerUsd")));
            PriceTick tick = Pricing.published(current.getLong("sequence"));
            assertThat(tick.active()).isTrue();
            assertThat(tick.fxLocalPerUsd()).isEqualByComparingTo("3650.50");
            assertThat(tick.policy())
                    .isEqualTo(new PriceTick.Policy(
                            new BigDecimal("4.5"),
                            new BigDecimal("4"),
                            new BigDecimal("0.25"),
                            new BigDecimal("98"),
                            43_200,
                            90));
            // a round from the feed keeps the approved policy
            assertThat(Pricing.published(Pricing.publishNow()).policy().quoteLockSeconds())
                    .isEqualTo(90);

            List<String> actions = auditor()
                    .get("/api/pricing/audit")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("findAll { it.subject == 'POLICY' && it.subjectId == " + id + " }.action");
            assertThat(actions).containsExactly("POLICY_APPROVED", "POLICY_PROPOSED");
            String approval = auditor()
                    .get("/api/pricing/audit")
                    .then()
                    .extract()
                    .jsonPath()
                    .getString("find { it.action == 'POLICY_APPROVED' && it.subjectId == " + id + " }.detail");
            assertThat(approval)
                    .contains("\"before\"")
                    .contains("\"after\"")
                    .contains("\"fxLocalPerUsd\":\"3650.50\"")
                    .contains("\"decidedBy\":\"treasury2\"");
        } finally {
            Pricing.restoreConfiguredPolicy();
        }
    }

    @Test
    void aChangeApprovedForLaterDoesNotApplyBeforeItsTime() {
        Instant effectiveFrom = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        try {
            long id = Pricing.proposeAndApprove(CHANGE.replace("\"4.5\"", "\"3\"")
                    .replace("\"reason\"", "\"effectiveFrom\":\"" + effectiveFrom + "\",\"reason\""));
            JsonPath version = auditor()
                    .get("/api/pricing/policy/versions")
                    .then()
                    .extract()
                    .jsonPath();
            assertThat(version.getString("find { it.id == " + id + " }.effectiveAt"))
                    .isEqualTo(effectiveFrom.toString());

            // before its time the old policy is in force and published
            assertThat(auditor()
                            .get("/api/pricing/policy")
                            .then()
                            .extract()
                            .jsonPath()
                            .getLong("id"))
                    .isNotEqualTo(id);
            PriceTick now = Pricing.published(Pricing.publishNow());
            assertThat(now.policy().discountPercent()).isEqualByComparingTo("5");
            assertThat(auditor()
                            .queryParam("at", effectiveFrom.toString())
                            .get("/api/pricing/policy")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getLong("id"))
                    .isEqualTo(id);

            // at its time the publisher notices by itself and publishes a tick under it
            JsonPath current = await().atMost(Duration.ofSeconds(30))
                    .until(Pricing::currentTick, t -> "3".equals(t.getString("policy.discountPercent")));
            assertThat(Instant.parse(current.getString("publishedAt"))).isAfterOrEqualTo(effectiveFrom);
        } finally {
            Pricing.restoreConfiguredPolicy();
        }
    }

    @Test
    void badRequestsAreRefusedWithTheReasonAndChangeNothing() {
        int before = versions();
        treasury()
                .body(CHANGE.replace("\"4.5\"", "\"-1\""))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("discountPercent must be between 0 and 50 (was -1)"));
        treasury()
                .body(CHANGE.replace("\"98\"", "\"40\""))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("advancePercent must be between 50 and 100"));
        treasury()
                .body(CHANGE.replace("\"3650.50\"", "\"0\""))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("fxLocalPerUsd must be above 0"));
        treasury()
                .body(CHANGE.replace("90,", "5,"))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("quoteLockSeconds must be between 10 and 3600"));
        treasury()
                .body(CHANGE.replace("43200", "30"))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("maxTickAgeSeconds must be between 60 and 604800"));
        treasury()
                .body(CHANGE.replace("\"reason\"", "\"effectiveFrom\":\"2026-01-01T00:00:00Z\",\"reason\""))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("is in the past"));
        treasury()
                .body(CHANGE.replace("\"reason\"", "\"effectiveFrom\":\"tomorrow\",\"reason\""))
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400);
        treasury()
                .body("{\"fxLocalPerUsd\":")
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("not valid JSON"));
        treasury().post("/api/pricing/policy/versions").then().statusCode(400);
        treasury()
                .body("{}")
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(400)
                .body("message", containsString("fxLocalPerUsd is missing"));
        auditor()
                .queryParam("at", "yesterday")
                .get("/api/pricing/policy")
                .then()
                .statusCode(400);
        assertThat(versions()).isEqualTo(before);

        treasury2()
                .post("/api/pricing/policy/versions/987654/approve")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", containsString("no policy proposal 987654"));
        treasury2().post("/api/pricing/policy/versions/987654/reject").then().statusCode(404);

        // the proposer may withdraw; a rejected proposal can never be approved
        long id = treasury()
                .body(CHANGE)
                .post("/api/pricing/policy/versions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        treasury()
                .body("{\"comment\":\"typed the wrong rate\"}")
                .post("/api/pricing/policy/versions/" + id + "/reject")
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("treasury"));
        treasury2()
                .post("/api/pricing/policy/versions/" + id + "/approve")
                .then()
                .statusCode(409)
                .body("message", containsString("already rejected by treasury"));
        assertThat(auditor()
                        .get("/api/pricing/policy")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("id"))
                .isNotEqualTo(id);
    }

    @Test
    void theAuditTrailCannotBeRewritten() throws SQLException {
        auditor().get("/api/pricing/policy").then().statusCode(200);
        LocalPostgres postgres = InfraTestResource.postgres();
        try (Connection c =
                DriverManager.getConnection(postgres.jdbcUrl("centre"), LocalPostgres.USER, LocalPostgres.PASSWORD)) {
            for (String sql :
                    List.of("UPDATE price_change_audit SET actor = 'someone else'", "DELETE FROM price_change_audit")) {
                try {
                    c.createStatement().execute(sql);
                    throw new AssertionError(sql + " was allowed");
                } catch (SQLException refused) {
                    assertThat(refused.getMessage()).contains("append-only");
                }
            }
        }
    }
}
