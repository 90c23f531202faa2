package org.goldbuying.station.assay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import org.goldbuying.infra.ManagementInterface;
import org.goldbuying.station.support.Counter;
import org.goldbuying.station.support.PriceTicks;
import org.goldbuying.station.support.Sellers;
import org.goldbuying.station.support.Shifts;
import org.goldbuying.station.support.XrfLots;
import org.goldbuying.station.support.XrfSimulatorResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XRF assay of a lot: shots over the analyser's pty or the API, averaged, checked for fraud, quoted at once. */
@QuarkusTest
class XrfFlowTest {

    /** Cash is paid from the clerk's open shift's drawer. */
    @BeforeEach
    void clerksShiftIsOpen() {
        Shifts.openFor("clerk");
    }

    @BeforeAll
    static void clerkAtTheCounter() {
        Counter.clerkLoggedIn();
    }

    @BeforeEach
    void price() {
        PriceTicks.publishActive("2650.00");
    }

    static void pay(String id, int status) {
        given().contentType(ContentType.JSON)
                .body("{\"method\":\"CASH\"}")
                .post("/api/lots/" + id + "/payment")
                .then()
                .statusCode(status);
    }

    static JsonPath shootThreeGoodShots(String id) {
        XrfSimulatorResource.shoot("91.50", "4.10", "4.30");
        XrfSimulatorResource.shoot("91.60", "4.10", "4.30");
        XrfSimulatorResource.shoot("91.70", "4.10", "4.30");
        return XrfLots.awaitLot(id, lot -> "QUOTED".equals(lot.getString("status")));
    }

    /** The station's count of shots for the lot on the analyser with this outcome (stored, lot-changed, failed). */
    static double rememberedLotShots(String outcome) {
        String line = "station_xrf_remembered_lot_total{outcome=\"" + outcome + "\"} ";
        return given().get(ManagementInterface.url("/q/metrics"))
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .lines()
                .filter(l -> l.startsWith(line))
                .mapToDouble(l -> Double.parseDouble(l.substring(line.length())))
                .findFirst()
                .orElse(0);
    }

    @Test
    void shotsOverThePtyAreAveragedAndTheLotIsQuotedAtOnce() {
        double storedFromMemory = rememberedLotShots("stored");
        double failedFromMemory = rememberedLotShots("failed");
        String id = XrfLots.open(Sellers.individual(), "10.00");
        JsonPath opened = XrfLots.get(id);
        assertThat(opened.getString("status")).isEqualTo("ASSAYING");
        assertThat(opened.getString("assayMethod")).isEqualTo("XRF");
        assertThat(opened.getString("weighing.grossGrams")).isEqualTo("10.00");
        assertThat(opened.getString("quote")).isNull();

        XrfSimulatorResource.shoot("91.50", "4.10", "4.30");
        JsonPath one = XrfLots.awaitShots(id, 1);
        assertThat(one.getString("status")).isEqualTo("ASSAYING");
        assertThat(one.getString("assay.note")).contains("Shot 1 of 3");
        assertThat(one.getString("assay.shots[0].receivedVia")).isEqualTo("SERIAL_PORT");
        assertThat(one.getString("assay.shots[0].source")).isEqualTo("SERIAL_LINE");
        assertThat(one.getString("assay.shots[0].analyserSerial")).isEqualTo("XRF0001");
        assertThat(one.getString("assay.shots[0].readings.Au.percent")).isEqualTo("91.50");
        assertThat(one.getString("assay.shots[0].readings.Au.sigma")).isEqualTo("0.05");

        XrfSimulatorResource.shoot("91.60", "4.10", "4.30");
        XrfSimulatorResource.shoot("91.70", "4.10", "4.30");
        JsonPath quoted = XrfLots.awaitLot(id, lot -> "QUOTED".equals(lot.getString("status")));
        assertThat(quoted.getString("finenessPerMille")).isEqualTo("916.0");
        assertThat(quoted.getString("assayMethod")).isEqualTo("XRF");
        assertThat(quoted.getString("assay.composition.Au")).isEqualTo("91.6000");
        assertThat(quoted.getString("quote.fineGrams")).isEqualTo("9.1600");
        assertThat(quoted.getList("approval.reasons")).isEmpty();
        assertThat(quoted.getList("assay.shots")).hasSize(3);
        assertThat(quoted.getList("assay.flags")).isEmpty();
        // The second shot and the one that completes the assay were stored from the lot remembered since the shot
        // before (the completing one by a single statement): the fast path worked, with no fall-back.
        // (counted just after the statement commits, so possibly after the lot reads QUOTED)
        await().atMost(Duration.ofSeconds(5)).until(() -> rememberedLotShots("stored") - storedFromMemory == 2);
        assertThat(rememberedLotShots("failed")).isEqualTo(failedFromMemory);

        // A quoted lot takes no more shots; a matching density test raises no flag; no approval is needed.
        given().contentType(ContentType.TEXT)
                .body(block("LATE-1", "91.6"))
                .post("/api/lots/" + id + "/xrf-shots")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
        given().contentType(ContentType.JSON)
                .body("{\"gramsInWater\":\"9.44\",\"waterCelsius\":\"20\"}")
                .post("/api/lots/" + id + "/density")
                .then()
                .statusCode(200)
                .body("assay.density.mismatch", nullValue())
                .body("assay.density.expected", equalTo("17.819"));
        pay(id, 200);
    }

    @Test
    void shotsThatDisagreeKeepTheLotAssayingUntilARe_shootAgrees() {
        String id = XrfLots.open(Sellers.individual(), "8.00");
        given().contentType(ContentType.TEXT)
                .body(block("R-1", "91.0") + block("R-2", "92.0") + block("R-3", "91.5"))
                .post("/api/lots/" + id + "/xrf-shots")
                .then()
                .statusCode(201)
                .body("status", equalTo("ASSAYING"))
                .body("quote", nullValue())
                .body("assay.note", containsString("Re-shoot"))
                .body("assay.note", containsString("Au varies by 1.0 percentage points"))
                .body("assay.shots.discarded", equalTo(java.util.List.of(true, true, true)));

        JsonPath quoted = shootThreeGoodShots(id);
        assertThat(quoted.getList("assay.shots")).hasSize(6);
        assertThat(quoted.getString("finenessPerMille")).isEqualTo("916.0");
    }

    @Test
    void tungstenHoldsTheLotWithoutAQuoteUntilASupervisorReleasesIt() {
        String id = XrfLots.open(Sellers.individual(), "20.00");
        for (int i = 1; i <= 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(XrfLots.jsonShot(
                            "CSV_IMPORT",
                            "W-" + i,
                            "{\"Au\":\"90.1\",\"Ag\":\"4.0\",\"Cu\":\"4.4\",\"W\":\"1.5\",\"Pb\":\"<LOD\"}"))
                    .post("/api/lots/" + id + "/xrf-shots")
                    .then()
                    .statusCode(201);
        }
        JsonPath held = XrfLots.get(id);
        assertThat(held.getString("status")).isEqualTo("ASSAYING");
        assertThat(held.getString("quote")).isNull();
        assertThat(held.getString("assay.flags[0].kind")).isEqualTo("TUNGSTEN");
        assertThat(held.getString("assay.flags[0].reason")).contains("W 1.5");
        assertThat(held.getString("assay.note")).startsWith("Tungsten found");
        assertThat(held.getString("assay.shots[0].receivedVia")).isEqualTo("API");

        pay(id, 409);
        given().contentType(ContentType.TEXT)
                .body(block("W-4", "90.1"))
                .post("/api/lots/" + id + "/xrf-shots")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"))
                .body("message", containsString("held for a supervisor"));
        Counter.as("clerk").post("/api/lots/" + id + "/approval").then().statusCode(403);
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(200)
                .body("status", equalTo("QUOTED"))
                .body("assay.releasedBy", equalTo("supervisor"))
                .body("finenessPerMille", equalTo("901.0"))
                // the shots were imported, not read from the analyser's line: the quote needs its own approval
                .body("approval.reasons", equalTo(java.util.List.of("OFF_LINE_ASSAY")));
        pay(id, 409);
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        pay(id, 200);
    }

    @Test
    void valuesTypedFromTheScreenAreFlaggedAndNeedASupervisor() {
        String id = XrfLots.open(Sellers.individual(), "5.00");
        for (String au : new String[] {"91.6", "91.7", "91.6"}) {
            given().contentType(ContentType.JSON)
                    .body(XrfLots.jsonShot(
                            "MANUAL_ENTRY", null, "{\"Au\":\"" + au + "\",\"Ag\":\"4.1\",\"Cu\":\"4.3\"}"))
                    .post("/api/lots/" + id + "/xrf-shots")
                    .then()
                    .statusCode(201);
        }
        JsonPath lot = XrfLots.get(id);
        assertThat(lot.getString("status")).isEqualTo("QUOTED");
        assertThat(lot.getString("assayMethod")).isEqualTo("MANUAL");
        assertThat(lot.getList("approval.reasons")).containsExactly("MANUAL_ASSAY");
        assertThat(lot.getString("assay.shots[0].source")).isEqualTo("MANUAL_ENTRY");
        assertThat(lot.getString("assay.shots[0].enteredBy")).isEqualTo("clerk");
        pay(id, 409);
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        pay(id, 200);
    }

    @Test
    void aDensityThatDoesNotMatchTheCompositionNeedsASupervisor() {
        String id = XrfLots.open(Sellers.individual(), "10.00");
        shootThreeGoodShots(id);
        // the supervisor measures the density this time: then another supervisor approves
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"gramsInWater\":\"9.00\",\"waterCelsius\":\"21.5\"}")
                .post("/api/lots/" + id + "/density")
                .then()
                .statusCode(200)
                .body("assay.density.mismatch", containsString("composition implies 17.819"))
                .body("assay.density.gramsInAir", equalTo("10.00"))
                .body("approval.reasons", hasItem("DENSITY_MISMATCH"));
        given().contentType(ContentType.JSON)
                .body("{\"gramsInWater\":\"9.44\",\"waterCelsius\":\"20\"}")
                .post("/api/lots/" + id + "/density")
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        pay(id, 409);
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"))
                .body("message", containsString("You measured this lot's density yourself"));
        Counter.as("supervisor2").post("/api/lots/" + id + "/approval").then().statusCode(200);
        pay(id, 200);
    }

    @Test
    void badShotBodiesAreRefusedWithAReasonAndChangeNothing() {
        String id = XrfLots.open(Sellers.individual(), "3.00");
        String shots = "/api/lots/" + id + "/xrf-shots";
        given().contentType(ContentType.TEXT)
                .body("Au 91.7 %")
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_MALFORMED_RECORD"))
                .body("message", containsString("BEGIN ... END"));
        given().contentType(ContentType.TEXT)
                .body(block("CUT-1", "91.7").replace("END shot=CUT-1\r\n", ""))
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_INCOMPLETE_RECORD"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("CSV_IMPORT", "B-1", "{\"Xx\":\"91.7\"}"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_UNKNOWN_ELEMENT"))
                .body("message", containsString("'Xx'"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("CSV_IMPORT", "B-2", "{\"Au\":\"lots\"}"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("message", containsString("'lots' is not a number"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("CSV_IMPORT", "B-3", "{\"Au\":\"150\"}"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("message", containsString("is not a percentage"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("MANUAL_ENTRY", null, "{\"Au\":\"-3\"}"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_INVALID_ENTRY"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("CSV_IMPORT", null, "{\"Au\":\"91.7\"}"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("message", containsString("reading number"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("CSV_IMPORT", "B-4", "{}"))
                .post(shots)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"source\":\"CSV_IMPORT\",")
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("BAD_REQUEST"));
        given().contentType(ContentType.JSON)
                .body(XrfLots.jsonShot("SERIAL", "B-5", "{\"Au\":\"91.7\"}"))
                .post(shots)
                .then()
                .statusCode(400);
        given().contentType(ContentType.TEXT)
                .body(block("U-1", "91.7"))
                .post("/api/lots/7d1c3c5e-0000-4000-8000-000000000000/xrf-shots")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        given().contentType(ContentType.JSON)
                .body("{\"gramsInWater\":\"2.80\",\"waterCelsius\":\"20\"}")
                .post("/api/lots/" + id + "/density")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"))
                .body("message", containsString("take the XRF shots first"));
        // shots from an analyser not registered here, or from one whose calibration check is overdue
        given().contentType(ContentType.TEXT)
                .body(block("X-1", "91.7").replace("serial=XRF123", "serial=XRF999"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_UNREGISTERED_ANALYSER"))
                .body("message", containsString("XRF999 is not registered here"));
        given().contentType(ContentType.TEXT)
                .body(block("X-2", "91.7").replace("serial=XRF123", "serial=XRF-OLD"))
                .post(shots)
                .then()
                .statusCode(400)
                .body("code", equalTo("XRF_CALIBRATION_OVERDUE"))
                .body("message", containsString("last checked on 2020-01-01"));
        assertThat(XrfLots.get(id).getList("assay.shots")).isEmpty();

        given().contentType(ContentType.TEXT)
                .body(block("D-1", "91.7"))
                .post(shots)
                .then()
                .statusCode(201);
        given().contentType(ContentType.TEXT)
                .body(block("D-1", "91.7"))
                .post(shots)
                .then()
                .statusCode(409)
                .body("code", equalTo("DUPLICATE"));
        given().contentType(ContentType.JSON)
                .body("{\"gramsInWater\":\"-1\",\"waterCelsius\":\"20\"}")
                .post("/api/lots/" + id + "/density")
                .then()
                .statusCode(400);
        given().get("/api/lots/" + id).then().body("assay.shots", hasSize(1)).body("status", equalTo("ASSAYING"));
        // an unflagged lot still being assayed has nothing for a supervisor to approve, and cannot be paid
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(409)
                .body("code", equalTo("WRONG_STATE"));
        pay(id, 409);
    }

    @Test
    void aCsvExportAddsAllItsShots() {
        String id = XrfLots.open(Sellers.individual(), "6.00");
        String csv = """
                Reading #,Instrument Serial Num,Date,Time,Test Duration,Au,Au +/-,Ag,Ag +/-,Cu,Cu +/-,Pb
                C-1,XRF777,2026-11-22,09:15:00,30,91.55,0.11,4.10,0.06,4.30,0.05,<LOD
                C-2,XRF777,2026-11-22,09:16:00,30,91.65,0.11,4.10,0.06,4.30,0.05,<LOD
                C-3,XRF777,2026-11-22,09:17:00,30,91.60,0.11,4.10,0.06,4.30,0.05,<LOD
                """;
        given().contentType("text/csv")
                .body(csv)
                .post("/api/lots/" + id + "/xrf-shots")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUOTED"))
                .body("finenessPerMille", equalTo("916.0"))
                .body("assay.shots.source", equalTo(java.util.List.of("CSV_IMPORT", "CSV_IMPORT", "CSV_IMPORT")))
                .body("assay.shots.enteredBy", equalTo(java.util.List.of("clerk", "clerk", "clerk")))
                // nobody can vouch alone for shots that did not come over the analyser's line
                .body("approval.reasons", equalTo(java.util.List.of("OFF_LINE_ASSAY")));
        pay(id, 409);
        // a requote asks for the approval again: the shots' origin stays with the assay
        given().post("/api/lots/" + id + "/requote")
                .then()
                .statusCode(200)
                .body("approval.reasons", equalTo(java.util.List.of("OFF_LINE_ASSAY")));
        pay(id, 409);
        Counter.as("supervisor").post("/api/lots/" + id + "/approval").then().statusCode(200);
        pay(id, 200);
    }

    @Test
    void pastedResultLinesNeedASupervisorWhoDidNotPasteThem() {
        String id = XrfLots.open(Sellers.individual(), "7.00");
        Counter.as("supervisor")
                .contentType(ContentType.TEXT)
                .body(block("P-1", "91.6") + block("P-2", "91.6") + block("P-3", "91.6"))
                .post("/api/lots/" + id + "/xrf-shots")
                .then()
                .statusCode(201)
                .body("status", equalTo("QUOTED"))
                .body("assay.shots.enteredBy", equalTo(java.util.List.of("supervisor", "supervisor", "supervisor")))
                .body("approval.reasons", equalTo(java.util.List.of("OFF_LINE_ASSAY")));
        // whoever entered the shots neither approves nor voids the lot
        Counter.as("supervisor")
                .post("/api/lots/" + id + "/approval")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"))
                .body("message", containsString("You entered XRF shots on this lot yourself"));
        Counter.as("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"seller left\"}")
                .post("/api/lots/" + id + "/void")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"))
                .body("message", containsString("another supervisor must void it"));
        JsonPath unchanged = XrfLots.get(id);
        assertThat(unchanged.getString("status")).isEqualTo("QUOTED");
        assertThat(unchanged.getString("approval.approvedBy")).isNull();
        pay(id, 409);
        Counter.as("supervisor2").post("/api/lots/" + id + "/approval").then().statusCode(200);
        pay(id, 200);
    }

    /** One result block in the documented line format. */
    static String block(String shotId, String au) {
        return "BEGIN shot=" + shotId + " model=XR-100 serial=XRF123 time=2026-11-22T09:15:00Z seconds=30\r\n"
                + "Au " + au + " % +/- 0.11\r\nAg 4.10 % +/- 0.06\r\nCu 4.30 % +/- 0.05\r\nZn 350 ppm +/- 40\r\n"
                + "Pb <LOD\r\nEND shot=" + shotId + "\r\n";
    }
}
