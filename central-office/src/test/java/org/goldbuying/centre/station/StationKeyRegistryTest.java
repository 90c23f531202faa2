package org.goldbuying.centre.station;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.StationSigningKey;
import org.junit.jupiter.api.Test;

/**
 * The registry of station keys: registering, rotating and revoking each take two treasury users, an auditor reads
 * only, and anyone may read the published keys to check a receipt.
 */
@QuarkusTest
class StationKeyRegistryTest {
    private static final String REASON = "{\"reason\":\"Not the key the station's installer reported\"}";

    static JsonPath key(String keyId) {
        return Pricing.auditor()
                .get("/api/station-keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.keyId == '" + keyId + "' }");
    }

    /** A confirmation that names no pending proposal: nothing is pending, or not this one. */
    static final String NO_SUCH_PROPOSAL = "{\"proposedBy\":\"treasury\",\"proposedAt\":\"2026-01-01T00:00:00Z\"}";

    @Test
    void aKeyIsRegisteredByTwoPeopleAndARotationRetiresTheOldOne() {
        SigningStation station = new SigningStation("REG-" + System.nanoTime() % 100000);
        String proposal = station.proposal(station.key().publicKey().text());
        String keyId = station.key().keyId();

        given().contentType("application/json")
                .body(proposal)
                .post("/api/station-keys")
                .then()
                .statusCode(401);
        Pricing.auditor().body(proposal).post("/api/station-keys").then().statusCode(403);
        Pricing.treasury()
                .body(station.proposal("bm90IGEga2V5"))
                .post("/api/station-keys")
                .then()
                .statusCode(400)
                .body("message", containsString("44-byte X.509"));
        Pricing.treasury().body(proposal).post("/api/station-keys").then().statusCode(200);
        Pricing.treasury2().body(proposal).post("/api/station-keys").then().statusCode(409);
        // a proposed key is not published and counts nothing
        assertThat(given().get("/api/station-keys/published")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("keyId"))
                .doesNotContain(keyId);
        Pricing.treasury()
                .post("/api/station-keys/" + keyId + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        Pricing.treasury2()
                .post("/api/station-keys/" + keyId + "/approve")
                .then()
                .statusCode(200);
        Pricing.treasury2()
                .post("/api/station-keys/" + keyId + "/approve")
                .then()
                .statusCode(409);
        assertThat(key(keyId).getString("status")).isEqualTo("ACTIVE");
        assertThat(key(keyId).getString("proposedBy")).isEqualTo("treasury");
        assertThat(key(keyId).getString("approvedBy")).isEqualTo("treasury2");

        // rotation: the next key, proposed by one and approved by the other, retires this one
        StationSigningKey next = StationSigningKey.of(Ed25519.generate().getPrivate());
        Pricing.treasury2()
                .body(station.proposal(next.publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        assertThat(key(keyId).getString("status")).isEqualTo("ACTIVE");
        Pricing.treasury()
                .post("/api/station-keys/" + next.keyId() + "/approve")
                .then()
                .statusCode(200);
        assertThat(key(keyId).getString("status")).isEqualTo("RETIRED");
        assertThat(key(next.keyId()).getString("status")).isEqualTo("ACTIVE");
        JsonPath published = given().get("/api/station-keys/published")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(published.getString("find { it.keyId == '" + next.keyId() + "' }.publicKey"))
                .isEqualTo(next.publicKey().text());

        // revoking: proposed by one, confirmed by another; a second proposal is refused meanwhile
        String revoke = "/api/station-keys/" + keyId;
        Pricing.treasury()
                .body("{\"reason\":\"short\"}")
                .post(revoke + "/revocation")
                .then()
                .statusCode(400);
        Pricing.treasury2()
                .body(NO_SUCH_PROPOSAL)
                .post(revoke + "/revoke")
                .then()
                .statusCode(409)
                .body("code", equalTo("PROPOSAL_CHANGED"));
        Pricing.treasury2().body("{}").post(revoke + "/revoke").then().statusCode(400);
        Pricing.treasury()
                .body("{\"reason\":\"The old laptop was not wiped\"}")
                .post(revoke + "/revocation")
                .then()
                .statusCode(200);
        Pricing.treasury2()
                .body("{\"reason\":\"The old laptop was not wiped\"}")
                .post(revoke + "/revocation")
                .then()
                .statusCode(409);
        Pricing.treasury()
                .body(Pricing.revocationSeen(keyId))
                .post(revoke + "/revoke")
                .then()
                .statusCode(403);
        Pricing.treasury2()
                .body(Pricing.revocationSeen(keyId))
                .post(revoke + "/revoke")
                .then()
                .statusCode(200);
        assertThat(key(keyId).getString("status")).isEqualTo("REVOKED");
        assertThat(key(keyId).getString("revokedBy")).isEqualTo("treasury2");
        Pricing.treasury()
                .post("/api/station-keys/0123456789abcdef/approve")
                .then()
                .statusCode(404);
    }

    @Test
    void aProposedKeyIsRejectedByAnotherOrWithdrawnByItsProposerAndNeverCounts() {
        SigningStation station = new SigningStation("REJ-" + System.nanoTime() % 100000);
        String keyId = station.key().keyId();
        Pricing.treasury()
                .body(station.proposal(station.key().publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        Pricing.auditor()
                .body(REASON)
                .post("/api/station-keys/" + keyId + "/reject")
                .then()
                .statusCode(403);
        // turning a key down takes a written reason; without one nothing changes
        Pricing.treasury2()
                .post("/api/station-keys/" + keyId + "/reject")
                .then()
                .statusCode(400);
        Pricing.treasury2()
                .body("{\"reason\":\"no\"}")
                .post("/api/station-keys/" + keyId + "/reject")
                .then()
                .statusCode(400);
        assertThat(key(keyId).getString("status")).isEqualTo("PROPOSED");
        Pricing.treasury2()
                .body(REASON)
                .post("/api/station-keys/" + keyId + "/reject")
                .then()
                .statusCode(200);
        assertThat(key(keyId).getString("status")).isEqualTo("REJECTED");
        assertThat(key(keyId).getString("rejectedBy")).isEqualTo("treasury2");
        assertThat(key(keyId).getString("rejectionReason")).isEqualTo("Not the key the station's installer reported");
        // turned down for good: not approved, not rejected twice, not proposed again, not published
        Pricing.treasury2()
                .post("/api/station-keys/" + keyId + "/approve")
                .then()
                .statusCode(409)
                .body("message", containsString("is rejected"));
        Pricing.treasury()
                .body(REASON)
                .post("/api/station-keys/" + keyId + "/reject")
                .then()
                .statusCode(409);
        Pricing.treasury2()
                .body(station.proposal(station.key().publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(409)
                .body("message", containsString("make a new one"));
        assertThat(given().get("/api/station-keys/published")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("keyId"))
                .doesNotContain(keyId);

        // the proposer may withdraw their own proposal
        StationSigningKey next = StationSigningKey.of(Ed25519.generate().getPrivate());
        Pricing.treasury()
                .body(station.proposal(next.publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        Pricing.treasury()
                .body(REASON)
                .post("/api/station-keys/" + next.keyId() + "/reject")
                .then()
                .statusCode(200);
        assertThat(key(next.keyId()).getString("status")).isEqualTo("REJECTED");
        assertThat(key(next.keyId()).getString("rejectedBy")).isEqualTo("treasury");
    }

    /**
     * A revocation proposed by mistake is withdrawn by its proposer, with the reason: the key counts as before, the
     * withdrawn proposal is kept, and a new revocation can be proposed. Nobody else can withdraw it: one person could
     * otherwise stop, alone, what two colleagues would carry.
     */
    @Test
    void onlyItsProposerWithdrawsARevocationAndTheWithdrawalIsKept() {
        SigningStation station = new SigningStation("WDR-" + System.nanoTime() % 100000);
        String keyId = station.key().keyId();
        station.register();
        String revoke = "/api/station-keys/" + keyId;
        String withdrawal = "{\"reason\":\"Wrong station picked in the list\"}";
        Pricing.treasury2()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(409);
        Pricing.treasury()
                .body("{\"reason\":\"The station reported its laptop stolen\"}")
                .post(revoke + "/revocation")
                .then()
                .statusCode(200);
        String firstProposal = Pricing.revocationSeen(keyId);

        Pricing.treasury2()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_THE_PROPOSER"))
                .body("message", containsString("Only treasury, who proposed this revocation, can withdraw it"));
        Pricing.auditor()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(403);
        Pricing.treasury().post(revoke + "/revocation/withdrawal").then().statusCode(400);
        // ten characters with the spaces around them, one without: refused, the proposal stands
        Pricing.treasury()
                .body("{\"reason\":\"    x     \"}")
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(400)
                .body(containsString("must say why in at least 10 characters"));
        assertThat(key(keyId).getString("revocationProposedBy")).isEqualTo("treasury");

        Pricing.treasury()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        assertThat(key(keyId).getString("revocationProposedBy")).isNull();
        assertThat(key(keyId).getString("revocationReason")).isNull();
        Pricing.treasury2()
                .body(firstProposal)
                .post(revoke + "/revoke")
                .then()
                .statusCode(409)
                .body("code", equalTo("PROPOSAL_CHANGED"))
                .body("message", containsString("it was withdrawn"));
        Pricing.treasury()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(409);
        JsonPath kept = Pricing.auditor()
                .get("/api/station-keys/withdrawn-revocations")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.keyId == '" + keyId + "' }");
        assertThat(kept.getString("proposedBy")).isEqualTo("treasury");
        assertThat(kept.getString("revocationReason")).isEqualTo("The station reported its laptop stolen");
        assertThat(kept.getString("withdrawalReason")).isEqualTo("Wrong station picked in the list");

        // a new proposal, by anyone, and its confirmation by another
        Pricing.treasury2()
                .body("{\"reason\":\"The right station this time: laptop stolen\"}")
                .post(revoke + "/revocation")
                .then()
                .statusCode(200);
        // a page still showing the withdrawn proposal confirms nothing: the pending one is another's, with its reason
        Pricing.treasury()
                .body(firstProposal)
                .post(revoke + "/revoke")
                .then()
                .statusCode(409)
                .body("code", equalTo("PROPOSAL_CHANGED"))
                .body("message", containsString("treasury2 proposed it"))
                .body("message", containsString("The right station this time: laptop stolen"));
        assertThat(key(keyId).getString("status")).isEqualTo("ACTIVE");
        Pricing.treasury()
                .body(Pricing.revocationSeen(keyId))
                .post(revoke + "/revoke")
                .then()
                .statusCode(200);
        assertThat(key(keyId).getString("status")).isEqualTo("REVOKED");
        Pricing.treasury2()
                .body(withdrawal)
                .post(revoke + "/revocation/withdrawal")
                .then()
                .statusCode(409)
                .body("message", containsString("is revoked: its revocation can no longer be withdrawn"));
    }
}
