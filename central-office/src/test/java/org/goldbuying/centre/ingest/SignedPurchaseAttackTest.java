package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.goldbuying.centre.station.StationStatusTest;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attack suite for purchases (issue 11): everything someone who can write to the purchases topic could send
 * about a station with a registered key, on the real broker and database. Each is refused as an integrity incident
 * the treasury sees, parked with the evidence, and leaves the reserve unchanged to the milligram and the minor unit;
 * the genuine purchase, when it comes, is taken.
 */
@QuarkusTest
class SignedPurchaseAttackTest {
    private PriceTick tick;

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    @BeforeEach
    void aPublishedPrice() {
        tick = Pricing.published(Pricing.publishNow());
        assertThat(tick.active())
                .as("the published tick the purchases are priced under")
                .isTrue();
    }

    static SigningStation registeredStation(String prefix) {
        SigningStation station = new SigningStation(prefix + "-" + System.nanoTime() % 100000);
        station.register();
        return station;
    }

    static void send(SigningStation station, String json) {
        kafka().send(Topics.PURCHASES, station.id(), json);
    }

    static List<String> incidents(String station) {
        return Incidents.kinds(station);
    }

    @Inject
    Pool database;

    /** The station's purchases in the reserve, read from the centre's database itself. */
    long counted(String station) {
        return Purchases.inReserve(database, station);
    }

    /** The reserve in UGX: fine grams and cost, to the milligram and the minor unit. */
    record Reserve(BigDecimal fineGrams, long costMinor) {}

    static Reserve reserve() {
        JsonPath reserve = Pricing.auditor()
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String ugx = "byCurrency.find { it.currency == 'UGX' }";
        String fine = reserve.getString(ugx + ".fineGrams");
        return new Reserve(
                fine == null ? BigDecimal.ZERO : new BigDecimal(fine),
                fine == null ? 0 : reserve.getLong(ugx + ".costMinor"));
    }

    static String parkedReason(UUID purchaseId) {
        List<ConsumerRecord<String, String>> parked = kafka().readUntil(
                        Topics.PURCHASES_DEAD_LETTER,
                        r -> r.value().contains(purchaseId.toString()),
                        Duration.ofSeconds(30));
        return new String(
                parked.get(parked.size() - 1)
                        .headers()
                        .lastHeader("dead-letter-reason")
                        .value(),
                StandardCharsets.UTF_8);
    }

    static UUID purchaseId(String json) {
        return SignedPurchases.read(json).event().purchaseId();
    }

    @Test
    void aRegisteredStationsSignedChainedPurchasesCountOnceEach() {
        SigningStation station = registeredStation("SIG");
        Reserve before = reserve();
        SignedPurchases.Signed first = station.next(tick, "12.34", "915.0");
        SignedPurchases.Signed second = station.next(tick, "5.10", "880.0");

        send(station, first.json());
        send(station, second.json());
        send(station, first.json()); // a redelivery

        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);
        PurchaseEvent a = SignedPurchases.read(first.json()).event();
        PurchaseEvent b = SignedPurchases.read(second.json()).event();
        Reserve after = reserve();
        assertThat(after.fineGrams().subtract(before.fineGrams()))
                .isEqualByComparingTo(a.fineGrams().add(b.fineGrams()));
        assertThat(after.costMinor() - before.costMinor()).isEqualTo(a.netPayableMinor() + b.netPayableMinor());
        assertThat(incidents(station.id())).isEmpty();
    }

    @Test
    void forgedTamperedAndReplayedPurchasesNeverDisplaceTheGenuineOne() {
        SigningStation station = registeredStation("FORGE");
        send(station, station.next(tick, "2.00", "900.0").json());
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 1);
        Reserve before = reserve();

        // 1. forged: the station's next sequence, the station's key id, signed by another key
        StationSigningKey thief = StationSigningKey.of(Ed25519.generate().getPrivate());
        PurchaseEvent claim = station.unsigned(tick, "500.00", "999.9");
        String forged = SignedPurchases.sign(withKey(claim, thief.keyId()), thief)
                .json()
                .replace(thief.keyId(), station.key().keyId());
        // 2. tampered: the genuine next purchase with a heavier weight whose figures still add up
        SignedPurchases.Signed genuine = station.next(tick, "12.34", "915.0");
        PurchaseEvent real = SignedPurchases.read(genuine.json()).event();
        PurchaseEvent heavier = station.unsigned(tick, "123.40", "915.0");
        String tampered = genuine.json()
                .replace("\"grossGrams\":\"12.34\"", "\"grossGrams\":\"123.40\"")
                .replace(
                        "\"fineGrams\":\"" + real.fineGrams().toPlainString() + "\"",
                        "\"fineGrams\":\"" + heavier.fineGrams().toPlainString() + "\"")
                .replace(
                        "\"grossValueMinor\":" + real.grossValueMinor(),
                        "\"grossValueMinor\":" + heavier.grossValueMinor())
                .replace(
                        "\"deductionsMinor\":" + real.deductionsMinor(),
                        "\"deductionsMinor\":" + heavier.deductionsMinor())
                .replace(
                        "\"netPayableMinor\":" + real.netPayableMinor(),
                        "\"netPayableMinor\":" + heavier.netPayableMinor())
                .replace(real.purchaseId().toString(), UUID.randomUUID().toString());
        // 3. replayed: the first purchase's signed content under a new purchase id
        send(station, forged);
        send(station, tampered);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 2);
        assertThat(incidents(station.id())).containsOnly("BAD_SIGNATURE");
        assertThat(parkedReason(claim.purchaseId()))
                .contains("the signature is not key " + station.key().keyId());
        assertThat(counted(station.id())).isEqualTo(1);
        assertThat(reserve()).isEqualTo(before);

        // the genuine purchase at that sequence is taken when it arrives
        send(station, genuine.json());
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);
        Reserve after = reserve();
        assertThat(after.fineGrams().subtract(before.fineGrams())).isEqualByComparingTo(real.fineGrams());
        assertThat(after.costMinor() - before.costMinor()).isEqualTo(real.netPayableMinor());
        String replayed = genuine.json()
                .replace(real.purchaseId().toString(), UUID.randomUUID().toString());
        send(station, replayed);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 3);
        assertThat(reserve()).isEqualTo(after);
    }

    private static PurchaseEvent withKey(PurchaseEvent e, String keyId) {
        return copy(e, e.stationId(), e.stationSequence(), keyId);
    }

    @Test
    void unsignedBrokenChainRevokedAndOtherStationsKeysAreRefused() {
        SigningStation station = registeredStation("CHAIN");
        SigningStation neighbour = registeredStation("NEXT");
        send(station, station.next(tick, "3.00", "900.0").json());
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 1);
        Reserve before = reserve();

        // unsigned, as a station sent before it had a key
        UUID unsigned = UUID.randomUUID();
        send(station, Purchases.newPurchase(unsigned, station.id(), 2));
        // signed by the key holder but beside the chain (a restored station database numbering again)
        SignedPurchases.Signed fork = station.besideTheChain(tick, "4.00", "900.0", "0".repeat(64));
        send(station, fork.json());
        // the neighbour's own key, signing a purchase in this station's name
        PurchaseEvent inTheirName = neighbour.unsigned(tick, "6.00", "900.0");
        String borrowed = SignedPurchases.sign(retarget(inTheirName, station.id()), neighbour.key())
                .json();
        send(station, borrowed);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 3);
        assertThat(incidents(station.id())).containsExactlyInAnyOrder("UNSIGNED", "BROKEN_CHAIN", "UNREGISTERED_KEY");
        assertThat(parkedReason(purchaseId(fork.json()))).contains("names predecessor hash " + "0".repeat(64));
        // the station never sent a heartbeat, yet the treasury sees it with its incidents beside it
        JsonPath view = StationStatusTest.station(station.id());
        assertThat(view.getLong("openIntegrityIncidents")).isEqualTo(3);
        assertThat(view.getList("alerts", String.class)).first().asString().startsWith("3 integrity incidents open");
        assertThat(view.getList("alerts", String.class)).contains("No heartbeat received from this station yet");
        assertThat(view.getBoolean("online")).isFalse();
        assertThat(counted(station.id())).isEqualTo(1);
        assertThat(reserve()).isEqualTo(before);

        // revoked by two treasury users: nothing more the key signs counts
        Pricing.treasury()
                .body("{\"reason\":\"Station laptop stolen on 6 December\"}")
                .post("/api/station-keys/" + station.key().keyId() + "/revocation")
                .then()
                .statusCode(200);
        String seen = Pricing.revocationSeen(station.key().keyId());
        Pricing.treasury()
                .body(seen)
                .post("/api/station-keys/" + station.key().keyId() + "/revoke")
                .then()
                .statusCode(403);
        Pricing.treasury2()
                .body(seen)
                .post("/api/station-keys/" + station.key().keyId() + "/revoke")
                .then()
                .statusCode(200);
        send(station, station.next(tick, "7.00", "900.0").json());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 4);
        assertThat(incidents(station.id())).contains("REVOKED_KEY");
        assertThat(reserve()).isEqualTo(before);
    }

    @Test
    void moneyTermsOtherThanThePublishedTicksAreRefused() {
        SigningStation station = registeredStation("TERMS");
        Reserve before = reserve();
        // a higher spot than the tick published, with figures that add up under it
        PriceTick dearerTick =
                tickLike(tick.sequence(), tick.spotUsdPerTroyOunce().add(BigDecimal.TEN));
        PurchaseEvent dearer = station.unsigned(dearerTick, "10.00", "900.0");
        // no deductions at all under the published tick: the seller is paid the whole gross value
        PurchaseEvent generous = station.unsigned(tick, "10.00", "900.0");
        PurchaseEvent noDeductions = new PurchaseEvent(
                generous.contract(),
                generous.eventId(),
                generous.purchaseId(),
                generous.stationId(),
                generous.region(),
                generous.stationSequence(),
                generous.paidAt(),
                generous.seller(),
                generous.weighing(),
                generous.assay(),
                generous.fineGrams(),
                generous.price(),
                generous.currency(),
                generous.currencyExponent(),
                generous.grossValueMinor(),
                0,
                generous.grossValueMinor(),
                generous.verificationCode(),
                generous.stationKeyId(),
                null,
                null);
        // a tick the centre never published
        PriceTick invented = tickLike(tick.sequence() + 1_000_000, tick.spotUsdPerTroyOunce());
        PurchaseEvent unpublished = station.unsigned(invented, "10.00", "900.0");
        send(station, SignedPurchases.sign(dearer, station.key()).json());
        send(station, SignedPurchases.sign(noDeductions, station.key()).json());
        send(station, SignedPurchases.sign(unpublished, station.key()).json());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 3);
        assertThat(incidents(station.id())).containsOnly("PRICE_TERMS");
        assertThat(parkedReason(dearer.purchaseId())).contains("but tick " + tick.sequence() + " published");
        assertThat(parkedReason(noDeductions.purchaseId())).contains("policy gives");
        assertThat(parkedReason(unpublished.purchaseId())).contains("which the centre never published");
        assertThat(counted(station.id())).isZero();
        assertThat(reserve()).isEqualTo(before);
    }

    /**
     * A purchase undone at its station (counterfeit found) leaves the reserve by a signed reversal two supervisors
     * decided; the ledger keeps it, marked. A forged reversal, one decided by one person, or one about another
     * station's purchase changes nothing.
     */
    @Test
    void aSignedReversalTakesThePurchaseOutOfTheReserveAndNothingElseDoes() {
        SigningStation station = registeredStation("REV");
        SigningStation other = registeredStation("REVX");
        SignedPurchases.Signed kept = station.next(tick, "4.00", "900.0");
        SignedPurchases.Signed counterfeit = station.next(tick, "9.00", "950.0");
        PurchaseEvent undone = SignedPurchases.read(counterfeit.json()).event();
        send(station, kept.json());
        send(station, counterfeit.json());
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);
        Reserve before = reserve();
        long reversedBefore = reversedPurchases();

        // refused: forged (another key's signature), decided alone, about another station's purchase
        String forged = other.reversal(undone, "okello", "namutebi")
                .replace(other.key().keyId(), station.key().keyId())
                .replace(other.id(), station.id());
        send(station, forged);
        send(station, station.reversal(undone, "okello", "okello"));
        send(other, other.reversal(undone, "achieng", "wasswa"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        incidents(station.id()).size() + incidents(other.id()).size() == 3);
        assertThat(incidents(station.id())).containsExactlyInAnyOrder("BAD_SIGNATURE", "REVERSAL");
        assertThat(incidents(other.id())).containsExactly("REVERSAL");
        assertThat(reserve()).isEqualTo(before);

        // the genuine reversal, twice (a redelivery): out of the reserve once, to the milligram and the minor unit
        String genuine = station.reversal(undone, "okello", "namutebi");
        send(station, genuine);
        send(station, genuine);
        await().atMost(Duration.ofSeconds(30)).until(() -> reversedPurchases() == reversedBefore + 1);
        Reserve after = reserve();
        assertThat(before.fineGrams().subtract(after.fineGrams())).isEqualByComparingTo(undone.fineGrams());
        assertThat(before.costMinor() - after.costMinor()).isEqualTo(undone.netPayableMinor());
        assertThat(counted(station.id())).as("the ledger keeps the purchase").isEqualTo(2);
        // the seller's receipt still checks, and says the purchase was reversed and why
        io.restassured.RestAssured.given()
                .get("/api/receipts/" + undone.purchaseId() + "?code=" + undone.verificationCode())
                .then()
                .statusCode(200)
                .body("result", org.hamcrest.Matchers.equalTo("REVERSED"))
                .body("message", org.hamcrest.Matchers.containsString("COUNTERFEIT"));
        assertThat(Pricing.auditor()
                        .queryParam("from", "2020-01-01")
                        .queryParam("to", "2100-01-01")
                        .get("/api/ledger/purchases.csv")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(undone.purchaseId() + "," + station.id())
                .containsPattern(undone.purchaseId() + ",.*,COUNTERFEIT,");
        assertThat(incidents(station.id())).hasSize(2);
    }

    @Inject
    PurchaseIngest ingest;

    /**
     * A rotation: the station's next key approved, the old one retired. What the old key signed before the switch
     * still counts (in flight, or the station not yet switched, within a day); what it signs after that does not.
     */
    @Test
    void aRetiredKeyCountsForADayAfterItsSuccessorWasApprovedAndNotAfter() {
        SigningStation station = registeredStation("ROT");
        StationSigningKey next = station.rotate();

        send(station, station.next(tick, "2.00", "900.0").json()); // the old key, just retired: counts
        send(station, station.nextSignedWith(next, tick, "3.00").json()); // the new key: counts
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);

        // two days on (the retirement moved back in the registry), the old key's signature no longer counts
        database.preparedQuery("UPDATE station_key SET retired_at = now() - interval '2 days' WHERE key_id = $1")
                .execute(Tuple.of(station.key().keyId()))
                .await()
                .atMost(Duration.ofSeconds(10));
        Reserve before = reserve();
        SignedPurchases.Signed late = station.next(tick, "4.00", "900.0");
        send(station, late.json());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 1);
        assertThat(incidents(station.id())).containsExactly("UNREGISTERED_KEY");
        assertThat(parkedReason(purchaseId(late.json())))
                .contains("retired at", "not signed by the station's current key");
        assertThat(reserve()).isEqualTo(before);
    }

    /**
     * A station that sold before its key was approved: its purchases are refused (UNREGISTERED_KEY) and count once two
     * treasury users approve the key, each once, their incidents resolved by that approval. A forgery with another key
     * waiting beside them is not readmitted.
     */
    @Test
    void purchasesSignedBeforeTheKeyWasApprovedCountOnceItIs() {
        SigningStation station = new SigningStation("EARLY-" + System.nanoTime() % 100000);
        SigningStation forger = new SigningStation(station.id());
        send(station, station.next(tick, "2.00", "900.0").json());
        send(station, station.next(tick, "3.00", "900.0").json());
        send(forger, forger.next(tick, "50.00", "900.0").json());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 3);
        assertThat(incidents(station.id())).containsOnly("UNREGISTERED_KEY");
        assertThat(counted(station.id())).isZero();

        Pricing.treasury()
                .body(station.proposal(station.key().publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        // what the second treasury user sees before approving: the two purchases (5.00 g), not the forgery
        Pricing.treasury2()
                .get("/api/station-keys/" + station.key().keyId() + "/waiting")
                .then()
                .statusCode(200)
                .body("purchases", equalTo(2))
                .body("grossGrams", equalTo("5.00"));
        Pricing.treasury2()
                .post("/api/station-keys/" + station.key().keyId() + "/approve")
                .then()
                .statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Incidents.statuses(station.id()).stream()
                                .filter("RESOLVED"::equals)
                                .count()
                        == 2);
        assertThat(Incidents.of(station.id(), "resolutionNote"))
                .filteredOn(note -> note != null)
                .hasSize(2)
                .allSatisfy(note -> assertThat(note)
                        .startsWith("Readmitted: key " + station.key().keyId()));
        assertThat(Incidents.of(station.id(), "resolvedBy")).contains("centre (readmission)");
        assertThat(Incidents.statuses(station.id())).containsOnlyOnce("OPEN"); // the forgery's
        assertThat(counted(station.id())).isEqualTo(2);
    }

    /**
     * Whoever kept a station's previous key chains a purchase onto the new key's latest one, inside the day the retired
     * key still counts, or takes a position further ahead, or reverses one of the old key's purchases: the chain shows
     * the station had switched, so each is refused whatever time it states.
     */
    @Test
    void aRetiredKeyCannotChainOntoItsSuccessorsPurchases() {
        SigningStation station = registeredStation("OLD");
        StationSigningKey next = station.rotate();
        SignedPurchases.Signed old = station.next(tick, "2.00", "900.0"); // the old key, just retired: counts
        send(station, old.json());
        send(station, station.nextSignedWith(next, tick, "3.00").json()); // the station switched: counts
        await().atMost(Duration.ofSeconds(30)).until(() -> counted(station.id()) == 2);
        Reserve before = reserve();

        SignedPurchases.Signed forged = station.next(tick, "9.00", "900.0"); // the old key again, within its day
        send(station, forged.json());
        station.next(tick, "1.00", "900.0"); // a position skipped: nothing stored just before the next one
        SignedPurchases.Signed ahead = station.next(tick, "9.00", "900.0");
        send(station, ahead.json());
        // and a reversal of the old key's own purchase
        send(station, station.reversal(SignedPurchases.read(old.json()).event(), "okello", "namutebi"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> incidents(station.id()).size() == 3);
        assertThat(incidents(station.id())).containsOnly("UNREGISTERED_KEY");
        assertThat(parkedReason(purchaseId(forged.json()))).contains("had switched to its newer key");
        assertThat(parkedReason(purchaseId(ahead.json()))).contains("from sequence 2", "had switched to its newer key");
        assertThat(counted(station.id())).isEqualTo(2);
        assertThat(reserve()).isEqualTo(before);
    }

    /**
     * A forged copy of the genuine purchase (another seller, the same purchase id) ahead of it in the same batch: the
     * forgery is refused and the genuine purchase is stored, not both refused as a conflict.
     */
    @Test
    void aForgedCopyAheadOfTheGenuinePurchaseInOneBatchDoesNotDisplaceIt() {
        SigningStation station = registeredStation("AHEAD");
        SignedPurchases.Signed genuine = station.next(tick, "8.00", "900.0");
        PurchaseEvent real = SignedPurchases.read(genuine.json()).event();
        String forged = genuine.json().replace("\"S-000123\"", "\"S-999999\"");
        Reserve before = reserve();

        BatchOutcome outcome = ingest.ingest(List.of(
                        new IncomingPurchase(Topics.PURCHASES, 0, 1, station.id(), forged),
                        new IncomingPurchase(Topics.PURCHASES, 0, 2, station.id(), genuine.json())))
                .await()
                .atMost(Duration.ofSeconds(30));

        assertThat(outcome.inserted()).isEqualTo(1);
        assertThat(outcome.incidents())
                .singleElement()
                .satisfies(incident -> assertThat(incident.kind().name()).isEqualTo("BAD_SIGNATURE"));
        assertThat(counted(station.id())).isEqualTo(1);
        Reserve after = reserve();
        assertThat(after.fineGrams().subtract(before.fineGrams())).isEqualByComparingTo(real.fineGrams());
        assertThat(after.costMinor() - before.costMinor()).isEqualTo(real.netPayableMinor());
    }

    /** The published tick with another sequence or spot: what a station could claim to have priced under. */
    private PriceTick tickLike(long sequence, BigDecimal spot) {
        return new PriceTick(
                tick.contract(),
                sequence,
                tick.status(),
                null,
                tick.publishedAt(),
                tick.validFrom(),
                tick.validUntil(),
                tick.source(),
                spot,
                tick.currency(),
                tick.currencyExponent(),
                tick.fxLocalPerUsd(),
                tick.policy());
    }

    static long reversedPurchases() {
        return Pricing.auditor()
                .get("/api/reserve")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("reversedPurchases");
    }

    private static PurchaseEvent retarget(PurchaseEvent e, String stationId) {
        return copy(e, stationId, e.stationSequence() + 1, e.stationKeyId());
    }

    /** The purchase, unsigned, as another station, sequence or key would claim it. */
    private static PurchaseEvent copy(PurchaseEvent e, String stationId, long sequence, String keyId) {
        return new PurchaseEvent(
                e.contract(),
                e.eventId(),
                e.purchaseId(),
                stationId,
                e.region(),
                sequence,
                e.paidAt(),
                e.seller(),
                e.weighing(),
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
                e.previousPurchaseHash(),
                null);
    }
}
