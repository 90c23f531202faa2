package org.goldbuying.centre.receipt;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipt verification against purchases ingested through the real broker into the real database. */
@QuarkusTest
class ReceiptResourceTest {
    /** The code of the documented example purchase, which Purchases.newPurchase keeps. */
    static final String CODE = "K7Q2M9XA4R";

    UUID purchaseId;

    @BeforeEach
    void ingestAPurchase() {
        purchaseId = UUID.randomUUID();
        new KafkaProbe(InfraTestResource.kafka().bootstrapServers())
                .send(Topics.PURCHASES, "RCPT-01", Purchases.newPurchase(purchaseId, "RCPT-01"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/api/receipts/" + purchaseId + "?code=" + CODE)
                                .statusCode()
                        == 200);
    }

    @Test
    void aGenuineReceiptIsVerifiedWithTheRecordedFigures() {
        given().get("/api/receipts/{id}?code={code}", purchaseId, CODE)
                .then()
                .statusCode(200)
                .body("result", equalTo("VERIFIED"))
                .body("purchaseId", equalTo(purchaseId.toString()))
                .body("purchase.stationId", equalTo("RCPT-01"))
                .body("purchase.paidAt", equalTo("2026-11-22T09:15:30Z"))
                .body("purchase.fineGrams", equalTo("11.2911"))
                .body("purchase.netPayableMinor", equalTo(3239041))
                .body("purchase.netPayable", equalTo("3239041"))
                .body("purchase.currency", equalTo("UGX"));
        // as a person types it from paper
        given().get("/api/receipts/{id}?code={code}", purchaseId, "k7q2-m9xa 4r")
                .then()
                .statusCode(200)
                .body("result", equalTo("VERIFIED"));
        given().contentType(ContentType.JSON)
                .body("{\"purchaseId\":\"" + purchaseId + "\",\"code\":\"" + CODE + "\"}")
                .post("/api/receipts/verify")
                .then()
                .statusCode(200)
                .body("result", equalTo("VERIFIED"));
    }

    @Test
    void aWrongCodeIsAMismatchAndRevealsNothing() {
        given().get("/api/receipts/{id}?code={code}", purchaseId, "K7Q2M9XA4S")
                .then()
                .statusCode(409)
                .body("result", equalTo("CODE_MISMATCH"))
                .body("message", containsString("not genuine"))
                .body("purchase", nullValue());
    }

    @Test
    void anUnknownPurchaseIsSaidToBeUnknown() {
        given().get("/api/receipts/{id}?code={code}", UUID.randomUUID(), CODE)
                .then()
                .statusCode(404)
                .body("result", equalTo("UNKNOWN_PURCHASE"))
                .body("message", containsString("has reached the central bank"))
                .body("purchase", nullValue());
    }

    @Test
    void theQrCodesPageIsServed() {
        given().get("/verify?lot={id}&code={code}", purchaseId, CODE)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(
                        containsString("<html lang=\"en\">"),
                        containsString("api/receipts/verify"),
                        containsString("aria-live"));
    }

    @Test
    void badInputIsATypedRefusal() {
        given().get("/api/receipts/not-a-uuid?code=" + CODE)
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("is not a purchase number"));
        given().get("/api/receipts/1-2-3-4-5?code=" + CODE)
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
        given().get("/api/receipts/{id}", purchaseId)
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("code printed on the receipt is required"));
        given().get("/api/receipts/{id}?code=", purchaseId).then().statusCode(400);
        given().get("/api/receipts/{id}?code={code}", purchaseId, "K7Q2!<script>")
                .then()
                .statusCode(400)
                .body("message", containsString("8 to 32 letters and digits"));
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"" + CODE + "\"}")
                .post("/api/receipts/verify")
                .then()
                .statusCode(400)
                .body("message", containsString("purchase number printed on the receipt is required"));
        given().contentType(ContentType.JSON)
                .body("this is not JSON")
                .post("/api/receipts/verify")
                .then()
                .statusCode(400);
    }
}
