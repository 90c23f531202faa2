package org.goldbuying.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ways in of issue 11, tried against the packaged services as processes on real PostgreSQL, Kafka and serial
 * lines (the local network): whoever can write to Kafka forges, tampers with, replays and reorders purchases, signs
 * with another station's or a revoked key, or forges a price; supervisors try to approve, void or reverse alone. Each
 * is refused (an integrity incident at the centre, a refused tick at the station, a 403 at the counter), the reserve
 * stays as it was to the milligram and the minor unit, and the station's next genuine purchase still counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackSuiteTest {
    private static final Path RUN = Path.of("target", "attack-network");

    static LocalNetwork network;
    static NetworkClient client;
    static KafkaProbe kafka;
    static PurchaseEvent genuine;
    static String genuineLot;
    static StationSigningKey stationKey;
    static StationSigningKey otherStationKey;

    /** The reserve as the auditor reads it: what no refused message may change. */
    record Reserve(long purchases, BigDecimal fineGrams, BigDecimal grossGrams, long costMinor) {
        static Reserve now() {
            JsonPath reserve = client.reserve();
            return new Reserve(
                    reserve.getLong("purchases"),
                    new BigDecimal(reserve.getString("byCurrency[0].fineGrams")),
                    new BigDecimal(reserve.getString("byCurrency[0].grossGrams")),
                    reserve.getLong("byCurrency[0].costMinor"));
        }
    }

    private Reserve before;

    @BeforeAll
    static void aNetworkWithOnePurchase() throws java.io.IOException {
        Path root = Path.of(System.getProperty("gold.root", "../.."))
                .toAbsolutePath()
                .normalize();
        network = LocalNetwork.start(LocalNetwork.Settings.forTests(root, RUN));
        client = new NetworkClient(network);
        kafka = new KafkaProbe(network.kafkaBootstrapServers());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Boolean.TRUE.equals(
                        client.station("clerk").get("/api/price").path("quotable")));
        String id = client.weighQuoteAndPay("12.34");
        genuineLot = id;
        await().atMost(Duration.ofSeconds(60)).until(() -> client.reserve().getLong("purchases") == 1);
        List<ConsumerRecord<String, String>> sent =
                kafka.readUntil(Topics.PURCHASES, r -> r.value().contains(id), Duration.ofSeconds(30));
        genuine = SignedPurchases.read(sent.get(sent.size() - 1).value()).event();
        // what a thief of the station's machine would hold: the launcher made the key in the run folder
        stationKey = StationSigningKey.readOrCreate(RUN.resolve("keys").resolve("station-LOCAL-01.pem"));
    }

    @AfterAll
    static void stopTheNetwork() {
        if (network != null) {
            network.close();
        }
    }

    void reserveAsItWas() {
        before = Reserve.now();
    }

    @AfterEach
    void theReserveHasNotMoved() {
        if (before != null) {
            assertThat(Reserve.now()).isEqualTo(before);
        }
    }

    @Test
    @Order(1)
    void aPurchaseForgedWithAnotherKeyNamingTheStationsKey() {
        reserveAsItWas();
        StationSigningKey thief = StationSigningKey.of(Ed25519.generate().getPrivate());
        // the station's next sequence number, figures that add up: only the signature can tell
        PurchaseEvent forged = copy(genuine, UUID.randomUUID(), genuine.stationSequence() + 1, "12.34", thief.keyId());
        String json = SignedPurchases.sign(forged, thief).json().replace(thief.keyId(), stationKey.keyId());
        send(json);
        awaitIncident(forged.purchaseId(), "BAD_SIGNATURE");
    }

    @Test
    @Order(2)
    void aHeavierLotCarryingALighterLotsFineGrams() {
        reserveAsItWas();
        // the first attack: 500 g gross, the fine grams of the 12.34 g lot left as they were
        PurchaseEvent heavier =
                copy(genuine, UUID.randomUUID(), genuine.stationSequence() + 1, "500.00", stationKey.keyId());
        send(SignedPurchases.sign(heavier, stationKey).json());
        awaitIncident(heavier.purchaseId(), "ARITHMETIC");
    }

    @Test
    @Order(3)
    void aGenuinePurchaseTamperedWith() {
        reserveAsItWas();
        // another verification code on the receipt: the figures still add up, the signature does not
        String tampered = genuineJson().replace(genuine.verificationCode(), "TAMPERED00");
        assertThat(tampered).isNotEqualTo(genuineJson());
        send(tampered);
        awaitIncident(genuine.purchaseId(), "BAD_SIGNATURE");
    }

    @Test
    @Order(4)
    void aGenuinePurchaseReplayedUnderANewPurchaseId() {
        reserveAsItWas();
        UUID replayed = UUID.randomUUID();
        send(genuineJson().replace(genuine.purchaseId().toString(), replayed.toString()));
        awaitIncident(replayed, "BAD_SIGNATURE");
    }

    @Test
    @Order(5)
    void aPurchaseOutOfTheChainSignedWithTheStationsOwnKey() {
        reserveAsItWas();
        byte[] elsewhere = new byte[32];
        new SecureRandom().nextBytes(elsewhere);
        PurchaseEvent outOfChain = copy(
                genuine,
                UUID.randomUUID(),
                genuine.stationSequence() + 1,
                "12.34",
                stationKey.keyId(),
                HexFormat.of().formatHex(elsewhere));
        send(SignedPurchases.sign(outOfChain, stationKey).json());
        awaitIncident(outOfChain.purchaseId(), "BROKEN_CHAIN");
    }

    @Test
    @Order(6)
    void aPurchaseSignedWithAnotherStationsKey() {
        otherStationKey = StationSigningKey.of(Ed25519.generate().getPrivate());
        client.centre("treasury")
                .body("{\"stationId\":\"OTHER-02\",\"region\":\"Local\",\"publicKey\":\""
                        + otherStationKey.publicKey().text() + "\",\"reason\":\"Installed at the other station\"}")
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        client.centre("treasury2")
                .post("/api/station-keys/" + otherStationKey.keyId() + "/approve")
                .then()
                .statusCode(200);
        reserveAsItWas();
        PurchaseEvent claimed =
                copy(genuine, UUID.randomUUID(), genuine.stationSequence() + 1, "12.34", otherStationKey.keyId());
        send(SignedPurchases.sign(claimed, otherStationKey).json());
        awaitIncident(claimed.purchaseId(), "UNREGISTERED_KEY");
    }

    @Test
    @Order(7)
    void aPurchaseSignedWithARevokedKey() {
        String key = "/api/station-keys/" + otherStationKey.keyId();
        client.centre("treasury")
                .body("{\"reason\":\"The other station's laptop was stolen\"}")
                .post(key + "/revocation")
                .then()
                .statusCode(200);
        JsonPath proposal = client.centre("auditor")
                .get("/api/station-keys")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.keyId == '" + otherStationKey.keyId() + "' }");
        client.centre("treasury2")
                .body(Map.of(
                        "proposedBy", proposal.getString("revocationProposedBy"),
                        "proposedAt", proposal.getString("revocationProposedAt")))
                .post(key + "/revoke")
                .then()
                .statusCode(200);
        reserveAsItWas();
        PurchaseEvent own = copy(genuine, UUID.randomUUID(), 1, "12.34", otherStationKey.keyId());
        PurchaseEvent ofTheOtherStation = new PurchaseEvent(
                own.contract(),
                own.eventId(),
                own.purchaseId(),
                "OTHER-02",
                own.region(),
                own.stationSequence(),
                own.paidAt(),
                own.seller(),
                own.weighing(),
                own.assay(),
                own.fineGrams(),
                own.price(),
                own.currency(),
                own.currencyExponent(),
                own.grossValueMinor(),
                own.deductionsMinor(),
                own.netPayableMinor(),
                own.verificationCode(),
                own.stationKeyId(),
                null,
                null);
        send(SignedPurchases.sign(ofTheOtherStation, otherStationKey).json());
        awaitIncident(ofTheOtherStation.purchaseId(), "REVOKED_KEY");
    }

    @Test
    @Order(8)
    void aPriceTickNotSignedByTheCentre() {
        reserveAsItWas();
        JsonPath held =
                client.station("clerk").get("/api/price").then().extract().jsonPath();
        long refusedBefore = held.getLong("refusedTicks");
        List<ConsumerRecord<String, String>> ticks = kafka.readAll(Topics.PRICE_TICKS, Duration.ofSeconds(5));
        String latest = ticks.get(ticks.size() - 1).value();
        String forged = latest.replaceFirst(
                        "\"spotUsdPerTroyOunce\":\"[0-9.]+\"", "\"spotUsdPerTroyOunce\":\"9999.00\"")
                .replaceFirst("\"sequence\":(\\d+)", "\"sequence\":9$1");
        kafka.send(
                Topics.PRICE_TICKS,
                "UGX",
                forged,
                Map.of(
                        TickSignature.HEADER,
                        TickSignature.sign(Ed25519.generate().getPrivate(), forged)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.station("clerk").get("/api/price").<Integer>path("refusedTicks") > refusedBefore);
        client.station("clerk")
                .get("/api/price")
                .then()
                .body("sequence", equalTo(held.getInt("sequence")))
                .body("spotUsdPerTroyOunce", equalTo(held.getString("spotUsdPerTroyOunce")));
    }

    @Test
    @Order(9)
    void noSupervisorApprovesVoidsOrReversesAlone() {
        reserveAsItWas();
        // the supervisor who weighed and quoted a lot does not approve it
        String own = client.weighAndQuote("supervisor", "3.00");
        client.station("supervisor")
                .post("/api/lots/" + own + "/approval")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        client.station("supervisor")
                .contentType(ContentType.JSON)
                .body("{\"reason\":\"Seller took the gold back\"}")
                .post("/api/lots/" + own + "/void")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        // a clerk approves nothing
        String clerks = client.weighAndQuote("clerk", "3.00");
        client.station("clerk").post("/api/lots/" + clerks + "/approval").then().statusCode(403);
        // a reversal proposed by one supervisor is not approved by the same one
        String reversal = "/api/lots/" + genuineLot + "/reversal";
        client.station("supervisor2")
                .contentType(ContentType.JSON)
                .body("{\"kind\":\"COUNTERFEIT\","
                        + "\"note\":\"Nugget is gold-plated tungsten, found when the parcel was cut\"}")
                .post(reversal)
                .then()
                .statusCode(200);
        client.station("supervisor2")
                .post(reversal + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
    }

    @Test
    @Order(10)
    void theStationsNextGenuinePurchaseStillCounts() {
        Reserve was = Reserve.now();
        client.weighQuoteAndPay("20.00");
        await().atMost(Duration.ofSeconds(60)).until(() -> Reserve.now().purchases() == was.purchases() + 1);
        assertThat(Reserve.now().grossGrams())
                .isEqualByComparingTo(was.grossGrams().add(new BigDecimal("20.00")));
    }

    private static String genuineJson() {
        List<ConsumerRecord<String, String>> sent = kafka.readUntil(
                Topics.PURCHASES, r -> r.value().contains(genuine.purchaseId().toString()), Duration.ofSeconds(30));
        // the record that matched: the station's topic also carries its sellers' registrations, before the purchase
        return sent.get(sent.size() - 1).value();
    }

    private static void send(String json) {
        kafka.send(Topics.PURCHASES, LocalNetwork.STATION_ID, json);
    }

    /** Waits until the centre shows the incident, as the treasury sees it. */
    private static void awaitIncident(UUID purchaseId, String kind) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> client.centre("auditor")
                        .get("/api/integrity/incidents")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.purchaseId == '" + purchaseId + "' }.kind")
                        .contains(kind));
    }

    private static PurchaseEvent copy(PurchaseEvent e, UUID purchaseId, long sequence, String gross, String keyId) {
        return copy(e, purchaseId, sequence, gross, keyId, e.previousPurchaseHash());
    }

    /** The genuine purchase's terms at another purchase id, sequence and gross weight (not signed). */
    private static PurchaseEvent copy(
            PurchaseEvent e, UUID purchaseId, long sequence, String gross, String keyId, String previousHash) {
        return new PurchaseEvent(
                e.contract(),
                UUID.randomUUID(),
                purchaseId,
                e.stationId(),
                e.region(),
                sequence,
                e.paidAt(),
                e.seller(),
                PurchaseEvent.Weighing.read(
                        e.weighing().deviceId(), e.weighing().readingId() + 1, new BigDecimal(gross)),
                e.assay(),
                e.fineGrams(),
                e.price(),
                e.currency(),
                e.currencyExponent(),
                e.grossValueMinor(),
                e.deductionsMinor(),
                e.netPayableMinor(),
                e.verificationCode(),
                keyId,
                previousHash,
                null);
    }
}
