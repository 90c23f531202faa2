package org.goldbuying.centre.seller;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.goldbuying.centre.support.CentreSigningKeyResource;
import org.goldbuying.centre.support.Incidents;
import org.goldbuying.centre.support.Pricing;
import org.goldbuying.centre.support.Purchases;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.contracts.Topics;
import org.goldbuying.infra.InfraTestResource;
import org.goldbuying.infra.KafkaProbe;
import org.junit.jupiter.api.Test;

/**
 * The national register (issue 12) on the real broker and database: stations' signed registrations become one seller
 * per national ID with the merge recorded, a forged or altered registration changes nothing and is an incident, and a
 * block decided by two compliance officers leaves for every station signed by the centre.
 */
@QuarkusTest
class NationalRegisterTest {
    @Inject
    BlockedSellerWatch watch;

    @Inject
    Pool database;

    static KafkaProbe kafka() {
        return new KafkaProbe(InfraTestResource.kafka().bootstrapServers());
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user + "-demo").contentType("application/json");
    }

    static SellerRegistration registration(
            SigningStation station, StationSigningKey key, UUID stationSellerId, int version, String nationalId) {
        return registration(
                station, key, stationSellerId, version, nationalId, null, "Grace Namukasa", "+256772000111");
    }

    static SellerRegistration registration(
            SigningStation station,
            StationSigningKey key,
            UUID stationSellerId,
            int version,
            String nationalId,
            String licence,
            String name,
            String payout) {
        return new SellerRegistration(
                SellerRegistration.CONTRACT,
                UUID.randomUUID(),
                station.id(),
                stationSellerId,
                version,
                PurchaseEvent.SellerType.INDIVIDUAL,
                name,
                nationalId,
                licence,
                licence == null ? null : LocalDate.of(2027, 6, 30),
                payout,
                List.of(new SellerRegistration.Site(
                        UUID.randomUUID(),
                        "Kitumbi pit " + version,
                        new BigDecimal("0.571200"),
                        new BigDecimal("31.402100"),
                        null)),
                Instant.parse("2026-12-08T08:00:00Z"),
                "clerk",
                Instant.now(),
                key.keyId(),
                null);
    }

    static String signed(SigningStation station, UUID stationSellerId, int version, String nationalId) {
        return SignedPurchases.signRegistration(
                registration(station, station.key(), stationSellerId, version, nationalId), station.key());
    }

    static JsonPath seller(String nationalId) {
        return as("auditor")
                .queryParam("q", nationalId)
                .get("/api/sellers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .setRootPath("find { it.nationalId == '" + nationalId + "' }");
    }

    /** The latest record of the seller on the register's topic, checked against the centre's signature. */
    static SellerRecord published(String sellerId, long revision) {
        List<ConsumerRecord<String, String>> records = kafka().readUntil(
                        Topics.SELLERS,
                        r -> sellerId.equals(r.key()) && r.value().contains("\"revision\":" + revision + ","),
                        Duration.ofSeconds(30));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        Header signature = last.headers().lastHeader(TickSignature.HEADER);
        assertThat(signature).as("the record's signature header").isNotNull();
        assertThat(TickSignature.verify(
                        CentreSigningKeyResource.pair().getPublic(),
                        last.value(),
                        new String(signature.value(), StandardCharsets.US_ASCII)))
                .isTrue();
        return Contract.SELLER_RECORD.read(last.value());
    }

    @Test
    void oneNationalIdRegisteredAtTwoStationsIsOneSellerWithTheMergeRecorded() {
        SigningStation first = new SigningStation("REGA-" + System.nanoTime() % 100000);
        SigningStation second = new SigningStation("REGB-" + System.nanoTime() % 100000);
        first.register();
        second.register();
        String nationalId = "CM" + System.nanoTime();
        UUID atFirst = UUID.randomUUID();
        UUID atSecond = UUID.randomUUID();
        String registered = signed(first, atFirst, 0, nationalId);

        kafka().send(Topics.PURCHASES, first.id(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getString("sellerId") != null);
        // the centre's own id, never a station's: a station's id is an alias another station cannot collide with
        String national = seller(nationalId).getString("sellerId");
        assertThat(national).isNotEqualTo(atFirst.toString());
        assertThat(seller(nationalId).getInt("stations")).isEqualTo(1);
        assertThat(published(national, 1).aliases()).hasSize(1);

        // the second station types the number in lower case with a dash, another name and its own payout number
        kafka().send(
                        Topics.PURCHASES,
                        second.id(),
                        SignedPurchases.signRegistration(
                                registration(
                                        second,
                                        second.key(),
                                        atSecond,
                                        0,
                                        nationalId.toLowerCase().replaceFirst("cm", "cm-"),
                                        null,
                                        "G. Namukasa",
                                        "+256700999999"),
                                second.key()));
        // a redelivery of the first station's registration changes nothing
        kafka().send(Topics.PURCHASES, first.id(), registered);
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getInt("stations") == 2);
        JsonPath detail = as("compliance")
                .get("/api/sellers/" + national)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(detail.getList("aliases.stationId")).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(detail.getString("merges[0].stationId")).isEqualTo(second.id());
        assertThat(detail.getString("merges[0].matchedOn")).isEqualTo("national ID " + nationalId);
        assertThat(detail.getList("sites")).hasSize(2);
        // another station's registration never changes the seller's description: payouts stay with the seller
        assertThat(detail.getString("seller.name")).isEqualTo("Grace Namukasa");
        assertThat(detail.getString("mobileMoneyNumber")).isEqualTo("+256772000111");
        SellerRecord record = published(national, 2);
        assertThat(record.namesAtStation(second.id(), atSecond)).isTrue();
        assertThat(record.namesAtStation(first.id(), atFirst)).isTrue();
        assertThat(record.mobileMoneyNumber()).isEqualTo("+256772000111");
        assertThat(seller(nationalId).getLong("revision")).isEqualTo(2);

        // the first station's own next version does (its clerk corrected the name)
        kafka().send(
                        Topics.PURCHASES,
                        first.id(),
                        SignedPurchases.signRegistration(
                                registration(
                                        first,
                                        first.key(),
                                        atFirst,
                                        1,
                                        nationalId,
                                        null,
                                        "Grace N. Namukasa",
                                        "+256772000111"),
                                first.key()));
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getLong("revision") == 3);
        assertThat(seller(nationalId).getString("name")).isEqualTo("Grace N. Namukasa");
    }

    /**
     * A registration whose national ID is one seller's and licence another's (or a seller's with another national ID)
     * names no one seller: refused as an incident, and the register is unchanged.
     */
    @Test
    void aRegistrationWhoseNumbersNameTwoSellersIsRefused() {
        SigningStation station = new SigningStation("TWO-" + System.nanoTime() % 100000);
        station.register();
        String withLicence = "CM" + System.nanoTime();
        String licence = "ML/" + System.nanoTime();
        String other = "CM" + System.nanoTime() + "B";
        // A: an individual with a national ID and a licence; B: another individual with a national ID
        send(
                station,
                registration(station, station.key(), UUID.randomUUID(), 0, withLicence, licence, "Seller A", null));
        send(station, registration(station, station.key(), UUID.randomUUID(), 0, other, null, "Seller B", null));
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(other).getString("sellerId") != null);

        // B's national ID with A's licence; then a stranger's national ID with A's licence
        String stranger = "CM" + System.nanoTime() + "S";
        send(station, registration(station, station.key(), UUID.randomUUID(), 0, other, licence, "Seller B", null));
        send(station, registration(station, station.key(), UUID.randomUUID(), 0, stranger, licence, "Someone", null));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Incidents.kinds(station.id()).size() == 2);
        assertThat(Incidents.kinds(station.id())).containsOnly("REGISTRATION");
        assertThat(seller(stranger).getString("sellerId")).isNull();
        assertThat(seller(withLicence).getInt("stations")).isEqualTo(1);
        assertThat(seller(other).getInt("stations")).isEqualTo(1);
    }

    static void send(SigningStation station, SellerRegistration unsigned) {
        kafka().send(Topics.PURCHASES, station.id(), SignedPurchases.signRegistration(unsigned, station.key()));
    }
    /**
     * A purchase paid to a seller the register had blocked at the time (a station offline, or a block lifted in the
     * station's database) reaches the reserve and is reported, once, with the seller and the block's reason.
     */
    @Test
    void aPurchasePaidToASellerBlockedAtTheTimeIsAnIncident() {
        SigningStation station = new SigningStation("BSW-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        UUID atStation = UUID.randomUUID();
        kafka().send(Topics.PURCHASES, station.id(), signed(station, atStation, 0, nationalId));
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getString("sellerId") != null);
        String standing = "/api/sellers/" + seller(nationalId).getString("sellerId") + "/standing";
        String proposedAt = as("compliance")
                .body("{\"status\":\"BLOCKED\",\"reason\":\"Sold above the site's output at two stations\"}")
                .post(standing)
                .then()
                .statusCode(200)
                .extract()
                .path("seller.proposedAt");
        as("compliance2")
                .body("{\"proposedBy\":\"compliance\",\"proposedAt\":\"" + proposedAt + "\"}")
                .post(standing + "/approve")
                .then()
                .statusCode(200);
        Instant from = Instant.now().minusSeconds(60);
        PriceTick tick = Pricing.published(Pricing.publishNow());
        // one purchase from the blocked seller, one from another: only the first is reported
        kafka().send(
                        Topics.PURCHASES,
                        station.id(),
                        station.nextFrom(atStation.toString(), tick, "5.00").json());
        kafka().send(
                        Topics.PURCHASES,
                        station.id(),
                        station.next(tick, "6.00", "900.0").json());
        await().atMost(Duration.ofSeconds(30)).until(() -> Purchases.inReserve(database, station.id()) == 2);

        assertThat(watch.check(from, Instant.now().plusSeconds(1)).await().atMost(Duration.ofSeconds(10)))
                .isEqualTo(1);

        assertThat(Incidents.kinds(station.id())).containsExactly("BLOCKED_SELLER");
        assertThat(Incidents.of(station.id(), "evidence").get(0))
                .contains("blocked by the register since")
                .contains("Sold above the site's output at two stations");
        assertThat(watch.check(from, Instant.now().plusSeconds(1)).await().atMost(Duration.ofSeconds(10)))
                .as("reported once")
                .isZero();
    }

    @Test
    void aForgedOrAlteredRegistrationChangesNothingAndIsAnIncident() {
        SigningStation station = new SigningStation("FRG-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        StationSigningKey stranger = StationSigningKey.of(Ed25519.generate().getPrivate());
        String forged = SignedPurchases.signRegistration(
                registration(station, stranger, UUID.randomUUID(), 0, nationalId), stranger);
        String altered = signed(station, UUID.randomUUID(), 0, nationalId).replace("Grace Namukasa", "Someone Else");

        kafka().send(Topics.PURCHASES, station.id(), forged);
        kafka().send(Topics.PURCHASES, station.id(), altered);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Incidents.kinds(station.id()).size() == 2);
        assertThat(Incidents.kinds(station.id())).containsExactlyInAnyOrder("UNREGISTERED_KEY", "BAD_SIGNATURE");
        assertThat(seller(nationalId).getString("sellerId")).isNull();
    }

    @Test
    void aBlockTakesTwoComplianceOfficersAndLeavesForEveryStationSigned() {
        SigningStation station = new SigningStation("BLK-" + System.nanoTime() % 100000);
        station.register();
        String nationalId = "CM" + System.nanoTime();
        UUID sellerId = UUID.randomUUID();
        kafka().send(Topics.PURCHASES, station.id(), signed(station, sellerId, 0, nationalId));
        await().atMost(Duration.ofSeconds(30)).until(() -> seller(nationalId).getString("sellerId") != null);
        String national = seller(nationalId).getString("sellerId");
        String standing = "/api/sellers/" + national + "/standing";
        String block = "{\"status\":\"BLOCKED\",\"reason\":\"Sold above the site's output at two stations\"}";

        as("treasury").body(block).post(standing).then().statusCode(403);
        as("compliance")
                .body("{\"status\":\"BLOCKED\",\"reason\":\"    short    \"}")
                .post(standing)
                .then()
                .statusCode(400);
        as("compliance")
                .body("{\"status\":\"SUSPENDED\",\"reason\":\"Sold above the site's output\"}")
                .post(standing)
                .then()
                .statusCode(400);
        as("compliance")
                .body(block)
                .post("/api/sellers/" + UUID.randomUUID() + "/standing")
                .then()
                .statusCode(404);
        JsonPath proposed = as("compliance")
                .body(block)
                .post(standing)
                .then()
                .statusCode(200)
                .body("seller.status", equalTo("ACTIVE"))
                .body("seller.proposedStatus", equalTo("BLOCKED"))
                .extract()
                .jsonPath();
        as("compliance2").body(block).post(standing).then().statusCode(409);
        String seen =
                "{\"proposedBy\":\"compliance\",\"proposedAt\":\"" + proposed.getString("seller.proposedAt") + "\"}";
        as("compliance")
                .body(seen)
                .post(standing + "/approve")
                .then()
                .statusCode(403)
                .body("code", equalTo("SELF_APPROVAL"));
        as("compliance2")
                .body("{\"proposedBy\":\"compliance\",\"proposedAt\":\"2026-01-01T00:00:00Z\"}")
                .post(standing + "/approve")
                .then()
                .statusCode(409)
                .body("code", equalTo("PROPOSAL_CHANGED"))
                .body("message", containsString("Sold above the site's output at two stations"));
        assertThat(seller(nationalId).getString("status")).isEqualTo("ACTIVE");

        as("compliance2")
                .body(seen)
                .post(standing + "/approve")
                .then()
                .statusCode(200)
                .body("seller.status", equalTo("BLOCKED"))
                .body("seller.statusReason", equalTo("Sold above the site's output at two stations"))
                .body("standing[0].proposedBy", equalTo("compliance"))
                .body("standing[0].decidedBy", equalTo("compliance2"));
        SellerRecord record = published(national, 2);
        assertThat(record.status()).isEqualTo(SellerRecord.Status.BLOCKED);
        assertThat(record.statusReason()).isEqualTo("Sold above the site's output at two stations");
        as("compliance2").body(seen).post(standing + "/approve").then().statusCode(409);

        // an unblock proposed by one officer: only its proposer withdraws it (another who disagrees does not approve)
        String unblock = as("compliance2")
                .body("{\"status\":\"ACTIVE\",\"reason\":\"Case closed: the sales were the cooperative's\"}")
                .post(standing)
                .then()
                .statusCode(200)
                .extract()
                .path("seller.proposedAt");
        String unblockSeen = "{\"proposedBy\":\"compliance2\",\"proposedAt\":\"" + unblock + "\"}";
        as("compliance")
                .body(unblockSeen)
                .post(standing + "/withdrawal")
                .then()
                .statusCode(403)
                .body("code", equalTo("NOT_THE_PROPOSER"));
        as("compliance2")
                .body(unblockSeen)
                .post(standing + "/withdrawal")
                .then()
                .statusCode(200);
        assertThat(seller(nationalId).getString("status")).isEqualTo("BLOCKED");
        assertThat(seller(nationalId).getString("proposedBy")).isNull();
    }
}
