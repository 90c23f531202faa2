package org.goldbuying.centre.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldbuying.centre.ingest.PurchaseIngest.Valid;
import org.goldbuying.centre.integrity.IntegrityIncident.Kind;
import org.goldbuying.centre.station.StationKeyRegistry.StationKey;
import org.goldbuying.centre.support.SigningStation;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One signature per run of a station's purchases: the latest trusted purchase's signature vouches for the content of
 * the predecessors it chains to, so a batch holding a station's backlog verifies one signature, and nothing that is
 * not bound to a verified signature is trusted. Plain Java, no database: the facts are built here.
 */
class PurchaseTrustTest {
    private static final String STATION = "MUB-01";
    private static final OffsetDateTime APPROVED =
            OffsetDateTime.now(ZoneOffset.UTC).minusDays(1);
    private static PriceTick tick;

    private final StationSigningKey key =
            StationSigningKey.of(Ed25519.generate().getPrivate());
    private final StationSigningKey other =
            StationSigningKey.of(Ed25519.generate().getPrivate());

    @BeforeAll
    static void readTheExampleTick() throws IOException {
        tick = Contract.PRICE_TICK.read(
                Files.readString(Path.of("..", "docs", "contracts", "examples", "price-tick.v1.json")));
    }

    @Test
    void aRunOfOneStationsPurchasesCostsOneSignature() {
        List<Valid> run = chain(key, 5);

        long before = PurchaseTrust.SIGNATURES_VERIFIED.sum();
        PurchaseTrust.Judged judged = PurchaseTrust.judge(run, facts(active(key)));

        assertThat(judged.refused()).isEmpty();
        assertThat(judged.trusted()).containsExactlyElementsOf(run);
        assertThat(PurchaseTrust.SIGNATURES_VERIFIED.sum() - before).isEqualTo(1);
    }

    @Test
    void aForgedLatestPurchaseVouchesForNothing() {
        List<Valid> run = new ArrayList<>(chain(key, 4));
        // the thief's key signs the chain's next position, naming the station's key
        Valid last = run.get(3);
        PurchaseEvent heavier = priced(4, "500.00", key.keyId(), last.event().previousPurchaseHash());
        run.set(
                3,
                withSignature(
                        heavier,
                        other.sign(SignedPurchases.read(
                                        SignedPurchases.sign(heavier, key).json())
                                .signedBytes())));

        long before = PurchaseTrust.SIGNATURES_VERIFIED.sum();
        PurchaseTrust.Judged judged = PurchaseTrust.judge(run, facts(active(key)));

        assertThat(judged.refused()).singleElement().satisfies(parked -> {
            assertThat(parked.incident().kind()).isEqualTo(Kind.BAD_SIGNATURE);
            assertThat(parked.incident().evidence()).contains("station sequence 4");
        });
        assertThat(judged.trusted()).containsExactlyElementsOf(run.subList(0, 3));
        // the forgery's own, then the genuine third purchase's, which vouches for the first two
        assertThat(PurchaseTrust.SIGNATURES_VERIFIED.sum() - before).isEqualTo(2);
    }

    @Test
    void aPurchaseChangedInsideARunIsNotCoveredByItsSuccessorsSignature() {
        List<Valid> run = new ArrayList<>(chain(key, 3));
        // a heavier lot with consistent figures in place of the second purchase, its signature kept
        Valid genuine = run.get(1);
        PurchaseEvent heavier = priced(2, "500.00", key.keyId(), genuine.event().previousPurchaseHash());
        run.set(1, withSignature(heavier, genuine.event().signature()));

        PurchaseTrust.Judged judged = PurchaseTrust.judge(run, facts(active(key)));

        assertThat(judged.refused())
                .singleElement()
                .satisfies(parked -> assertThat(parked.incident().kind()).isEqualTo(Kind.BAD_SIGNATURE));
        assertThat(judged.trusted()).containsExactly(run.get(0), run.get(2));
    }

    @Test
    void aPredecessorNamingAnotherKeyIsVerifiedOnItsOwn() {
        // the station's first purchase signed with its previous key, the second with the current one
        Valid first = signed(other, priced(1, "10.00", other.keyId(), null));
        Valid second = signed(key, priced(2, "10.00", key.keyId(), first.chainHash()));

        long before = PurchaseTrust.SIGNATURES_VERIFIED.sum();
        PurchaseTrust.Judged judged = PurchaseTrust.judge(List.of(first, second), facts(active(key), active(other)));

        assertThat(judged.refused()).isEmpty();
        assertThat(PurchaseTrust.SIGNATURES_VERIFIED.sum() - before).isEqualTo(2);
    }

    @Test
    void aRevokedKeysRunIsRefusedWholeThoughOnlyOneSignatureIsVerified() {
        List<Valid> run = chain(key, 3);

        PurchaseTrust.Judged judged = PurchaseTrust.judge(run, facts(revoked(key)));

        assertThat(judged.trusted()).isEmpty();
        assertThat(judged.refused())
                .hasSize(3)
                .allSatisfy(parked -> assertThat(parked.incident().kind()).isEqualTo(Kind.REVOKED_KEY));
    }

    @Test
    void aRetiredKeyNoLongerSignsOnceItsSuccessorHasSignedBeforeIt() {
        // whoever kept the station's previous key chains a purchase onto the current key's latest one, dated inside
        // the retired key's grace: the chain shows the station had switched already
        Valid genuine = signed(key, priced(1, "10.00", key.keyId(), null));
        Valid forged = signed(other, priced(2, "500.00", other.keyId(), genuine.chainHash()));

        PurchaseTrust.Judged judged = PurchaseTrust.judge(List.of(genuine, forged), rotatedFromOtherToKey());

        assertThat(judged.trusted()).containsExactly(genuine);
        assertThat(judged.refused()).singleElement().satisfies(parked -> {
            assertThat(parked.incident().kind()).isEqualTo(Kind.UNREGISTERED_KEY);
            assertThat(parked.incident().evidence()).contains("had switched to its newer key");
        });
    }

    @Test
    void aRetiredKeyCannotTakeAPositionAheadOfTheStoredChainOnceItsSuccessorSigned() {
        // the new key's purchases from sequence 5 are in the reserve; the old key's holder skips a position (nothing
        // stored just before 8) and backdates the payment into the retired key's day
        Valid forged = signed(other, priced(8, "500.00", other.keyId(), "0".repeat(64)));
        TrustFacts rotated = rotatedFromOtherToKey();
        TrustFacts facts = new TrustFacts(
                rotated.keysByStation(),
                rotated.ticks(),
                Map.of(),
                Map.of(STATION, Map.of(key.keyId(), 5L, other.keyId(), 1L)),
                s -> false);

        PurchaseTrust.Judged judged = PurchaseTrust.judge(List.of(forged), facts);

        assertThat(judged.trusted()).isEmpty();
        assertThat(judged.refused()).singleElement().satisfies(parked -> {
            assertThat(parked.incident().kind()).isEqualTo(Kind.UNREGISTERED_KEY);
            assertThat(parked.incident().evidence()).contains("from sequence 5", "had switched to its newer key");
        });
    }

    @Test
    void aRetiredKeysPurchasesBeforeTheSwitchStillCount() {
        List<Valid> old = chain(other, 2);
        Valid first = signed(key, priced(3, "10.00", key.keyId(), old.get(1).chainHash()));
        List<Valid> all = List.of(old.get(0), old.get(1), first);

        PurchaseTrust.Judged judged = PurchaseTrust.judge(all, rotatedFromOtherToKey());

        assertThat(judged.refused()).isEmpty();
        assertThat(judged.trusted()).containsExactlyElementsOf(all);
    }

    @Test
    void aKeyWhoseProposalWasTurnedDownSignsNothing() {
        StationKey rejected = new StationKey(
                key.keyId(),
                STATION,
                "Test",
                key.publicKey().text(),
                "REJECTED",
                "treasury",
                APPROVED,
                "Installed",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "treasury2",
                APPROVED,
                "Not the station's key");

        PurchaseTrust.Judged judged = PurchaseTrust.judge(chain(key, 1), facts(rejected));

        assertThat(judged.trusted()).isEmpty();
        assertThat(judged.refused()).singleElement().satisfies(parked -> {
            assertThat(parked.incident().kind()).isEqualTo(Kind.UNREGISTERED_KEY);
            assertThat(parked.incident().evidence()).contains("a proposal treasury2 turned down");
        });
    }

    /** The station's keys an hour after {@code key} was approved as {@code other}'s successor. */
    private TrustFacts rotatedFromOtherToKey() {
        OffsetDateTime switched = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        return facts(
                approved(key, "ACTIVE", switched, null), approved(other, "RETIRED", switched.minusDays(30), switched));
    }

    private List<Valid> chain(StationSigningKey signer, int length) {
        List<Valid> chain = new ArrayList<>();
        String previous = null;
        for (int sequence = 1; sequence <= length; sequence++) {
            Valid next = signed(signer, priced(sequence, "12.34", signer.keyId(), previous));
            chain.add(next);
            previous = next.chainHash();
        }
        return chain;
    }

    private static PurchaseEvent priced(long sequence, String grossGrams, String keyId, String previousHash) {
        Instant paidAt = tick.publishedAt().plusSeconds(60 * sequence);
        return SigningStation.priced(
                tick,
                STATION,
                "Test",
                sequence,
                paidAt,
                new BigDecimal(grossGrams),
                new BigDecimal("915.0"),
                keyId,
                previousHash);
    }

    private static Valid signed(StationSigningKey signer, PurchaseEvent unsigned) {
        return valid(SignedPurchases.sign(unsigned, signer).json());
    }

    /** The event with a signature copied from elsewhere (as someone writing to Kafka could send it). */
    private Valid withSignature(PurchaseEvent unsigned, String signature) {
        SignedPurchases.Signed own = SignedPurchases.sign(unsigned, key);
        String ownSignature = SignedPurchases.read(own.json()).event().signature();
        return valid(own.json().replace(ownSignature, signature));
    }

    private static Valid valid(String json) {
        SignedPurchases.Received received = SignedPurchases.read(json);
        return new Valid(
                new IncomingPurchase("gold.purchases.v1", 0, received.event().stationSequence(), STATION, json),
                received.event(),
                received.signedBytes(),
                received.chainHash());
    }

    private static TrustFacts facts(StationKey... keys) {
        return new TrustFacts(
                Map.of(STATION, List.of(keys)), Map.of(tick.sequence(), tick), Map.of(), Map.of(), s -> false);
    }

    private static StationKey active(StationSigningKey signingKey) {
        return key(signingKey, "ACTIVE", null);
    }

    private static StationKey revoked(StationSigningKey signingKey) {
        return key(signingKey, "REVOKED", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static StationKey approved(
            StationSigningKey signingKey, String status, OffsetDateTime approvedAt, OffsetDateTime retiredAt) {
        return key(signingKey, status, approvedAt, retiredAt, null);
    }

    private static StationKey key(StationSigningKey signingKey, String status, OffsetDateTime revokedAt) {
        return key(signingKey, status, APPROVED, null, revokedAt);
    }

    private static StationKey key(
            StationSigningKey signingKey,
            String status,
            OffsetDateTime approvedAt,
            OffsetDateTime retiredAt,
            OffsetDateTime revokedAt) {
        return new StationKey(
                signingKey.keyId(),
                STATION,
                "Test",
                signingKey.publicKey().text(),
                status,
                "treasury",
                approvedAt,
                "Installed",
                "treasury2",
                approvedAt,
                retiredAt,
                revokedAt == null ? null : "treasury",
                revokedAt,
                revokedAt == null ? null : "Key stolen",
                revokedAt == null ? null : "treasury2",
                revokedAt,
                null,
                null,
                null);
    }
}
