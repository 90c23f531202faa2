package org.goldbuying.centre.ledger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/** The reserve ledger's breakdowns and CSV export on real ingested purchases, and who may see them. */
@QuarkusTest
class LedgerTest {

    static RequestSpecification auditor() {
        return given().auth().preemptive().basic("auditor", "auditor-demo");
    }

    static JsonPath byStation() {
        return auditor()
                .queryParam("by", "station")
                .get("/api/ledger")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void purchasesAreSummedWithCostInUsdAndThePremiumToSpot() {
        String station = "LG-" + System.nanoTime() % 100000;
        UUID first = UUID.randomUUID();
        KafkaProbe kafka = new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
        kafka.send(Topics.PURCHASES, station, Purchases.newPurchase(first, station));
        kafka.send(Topics.PURCHASES, station, Purchases.newPurchase(UUID.randomUUID(), station));
        String path = "find { it.key == '" + station + "' }";
        await().atMost(Duration.ofSeconds(30))
                .until(() -> byStation().getMap(path) != null && byStation().getLong(path + ".purchases") == 2);

        JsonPath row = byStation().setRootPath(path);
        assertThat(row.getLong("typedWeightPurchases")).isZero();
        assertThat(row.getString("fineGrams")).isEqualTo("22.5822");
        assertThat(row.getLong("costMinor")).isEqualTo(6_478_082L);
        assertThat(row.getString("costUsd")).isEqualTo("1750.83");
        assertThat(row.getString("averagePaidPerFineGram")).isEqualTo("286866.7357");
        assertThat(row.getString("referencePerFineGram")).isEqualTo("315238.0701");
        assertThat(row.getString("premiumPercent")).isEqualTo("-9.00");

        auditor()
                .queryParam("by", "day")
                .get("/api/ledger")
                .then()
                .statusCode(200)
                .body("key", org.hamcrest.Matchers.hasItem("2026-11-22"));
        auditor()
                .queryParam("by", "sellerType")
                .get("/api/ledger")
                .then()
                .statusCode(200)
                .body("key", org.hamcrest.Matchers.hasItem("INDIVIDUAL"));
        auditor()
                .get("/api/ledger/purchases.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("purchase_id,station_id,region,station_sequence"))
                .body(containsString(first + "," + station + ",Mubende,"));
    }

    @Test
    void badQueriesAndStrangersAreRefused() {
        auditor()
                .queryParam("by", "planet")
                .get("/api/ledger")
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"))
                .body("message", containsString("planet"));
        auditor()
                .queryParam("from", "yesterday")
                .get("/api/ledger")
                .then()
                .statusCode(400)
                .body("message", containsString("2026-11-22"));
        auditor()
                .queryParam("from", "2026-11-22")
                .queryParam("to", "2026-11-01")
                .get("/api/ledger")
                .then()
                .statusCode(400);
        given().get("/api/ledger").then().statusCode(401);
        given().get("/api/stations").then().statusCode(401);
        given().auth()
                .preemptive()
                .basic("auditor", "wrong")
                .get("/api/reserve")
                .then()
                .statusCode(401);
        auditor().post("/api/price/publish").then().statusCode(403);
        given().get("/api/display/price").then().statusCode(200);
    }
}
