package org.goldbuying.centre.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.goldbuying.centre.ingest.PurchaseArithmetic;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.PurchaseReversal;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.SignedPurchases;
import org.goldbuying.contracts.StationSigningKey;
import org.goldbuying.pricing.PurchasePricing;
import org.goldbuying.pricing.PurchaseValue;

/**
 * A station as the centre sees it through Kafka: its own key (made here, never written anywhere), its chain, and
 * purchases priced under a tick the centre published, signed as a real station signs them (event-contracts).
 */
public final class SigningStation {
    private final String id;
    private final StationSigningKey key;
    private long sequence;
    private String chainHead;

    public SigningStation(String id) {
        this.id = id;
        this.key = StationSigningKey.of(Ed25519.generate().getPrivate());
    }

    public String id() {
        return id;
    }

    public StationSigningKey key() {
        return key;
    }

    /** A seller this station registers (version 0, one site), signed as a station signs it: seller-registration/1. */
    public String sellerRegistration(UUID stationSellerId, String nationalId, String name) {
        return SignedPurchases.signRegistration(
                new SellerRegistration(
                        SellerRegistration.CONTRACT,
                        UUID.randomUUID(),
                        id,
                        stationSellerId,
                        0,
                        PurchaseEvent.SellerType.INDIVIDUAL,
                        name,
                        nationalId,
                        null,
                        null,
                        null,
                        List.of(new SellerRegistration.Site(
                                UUID.randomUUID(),
                                "Kitumbi pit 4",
                                new BigDecimal("0.5712"),
                                new BigDecimal("31.4021"),
                                null)),
                        Instant.now(),
                        "clerk",
                        Instant.now(),
                        key.keyId(),
                        null),
                key);
    }

    /** Proposes this station's key as treasury and approves it as treasury2; returns the key id. */
    public String register() {
        Pricing.treasury()
                .body(proposal(key.publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        Pricing.treasury2()
                .post("/api/station-keys/" + key.keyId() + "/approve")
                .then()
                .statusCode(200);
        return key.keyId();
    }

    /**
     * Rotates the station to a new key (proposed by treasury2, approved by treasury), which retires this one; returns
     * the new key, which this object does not sign with (see {@link #nextSignedWith}).
     */
    public StationSigningKey rotate() {
        StationSigningKey next = StationSigningKey.of(Ed25519.generate().getPrivate());
        Pricing.treasury2()
                .body(proposal(next.publicKey().text()))
                .post("/api/station-keys")
                .then()
                .statusCode(200);
        Pricing.treasury()
                .post("/api/station-keys/" + next.keyId() + "/approve")
                .then()
                .statusCode(200);
        return next;
    }

    public String proposal(String publicKey) {
        return "{\"stationId\":\"" + id + "\",\"region\":\"Test\",\"publicKey\":\"" + publicKey
                + "\",\"reason\":\"Installed at the district office today\"}";
    }

    /** The next purchase of the chain, signed by this station's key; the chain moves on. */
    public SignedPurchases.Signed next(PriceTick tick, String grossGrams, String finenessPerMille) {
        SignedPurchases.Signed signed =
                SignedPurchases.sign(unsigned(tick, grossGrams, finenessPerMille, sequence + 1, chainHead), key);
        sequence++;
        chainHead = signed.chainHash();
        return signed;
    }
    /** The next purchase of the chain, from the seller this station knows as {@code sellerId}; the chain moves on. */
    public SignedPurchases.Signed nextFrom(String sellerId, PriceTick tick, String grossGrams) {
        PurchaseEvent event = unsigned(tick, grossGrams, "900.0", sequence + 1, chainHead);
        PurchaseEvent fromSeller = new PurchaseEvent(
                event.contract(),
                event.eventId(),
                event.purchaseId(),
                event.stationId(),
                event.region(),
                event.stationSequence(),
                event.paidAt(),
                new PurchaseEvent.Seller(sellerId, PurchaseEvent.SellerType.INDIVIDUAL),
                event.weighing(),
                event.assay(),
                event.fineGrams(),
                event.price(),
                event.currency(),
                event.currencyExponent(),
                event.grossValueMinor(),
                event.deductionsMinor(),
                event.netPayableMinor(),
                event.verificationCode(),
                event.stationKeyId(),
                event.previousPurchaseHash(),
                null);
        SignedPurchases.Signed signed = SignedPurchases.sign(fromSeller, key);
        sequence++;
        chainHead = signed.chainHash();
        return signed;
    }

    /** Moves the station's sequence on without a purchase: the next one is {@code positions} further (a gap). */
    public void skip(long positions) {
        sequence += positions;
    }

    /**
     * A purchase at the chain's next position that does not move the chain: what someone holding this key could
     * send besides the real one.
     */
    public SignedPurchases.Signed besideTheChain(
            PriceTick tick, String grossGrams, String finenessPerMille, String previousHash) {
        return SignedPurchases.sign(unsigned(tick, grossGrams, finenessPerMille, sequence + 1, previousHash), key);
    }

    /**
     * The next purchase of the chain signed with another key of this station (a rotated-out one, say), named as that
     * key's; the chain moves on.
     */
    public SignedPurchases.Signed nextSignedWith(StationSigningKey other, PriceTick tick, String grossGrams) {
        PurchaseEvent event = priced(
                tick,
                id,
                "Test",
                sequence + 1,
                Instant.now(),
                new BigDecimal(grossGrams),
                new BigDecimal("900.0"),
                other.keyId(),
                chainHead);
        SignedPurchases.Signed signed = SignedPurchases.sign(event, other);
        sequence++;
        chainHead = signed.chainHash();
        return signed;
    }

    /** The signed reversal of one of this station's purchases, as two supervisors decided it. */
    public String reversal(PurchaseEvent purchase, String proposedBy, String approvedBy) {
        return SignedPurchases.signReversal(
                new PurchaseReversal(
                        PurchaseReversal.CONTRACT,
                        UUID.randomUUID(),
                        purchase.purchaseId(),
                        id,
                        purchase.stationSequence(),
                        Instant.now(),
                        PurchaseReversal.Kind.COUNTERFEIT,
                        "Gold-plated tungsten found when the parcel was cut",
                        proposedBy,
                        approvedBy,
                        key.keyId(),
                        null),
                key);
    }

    /** An unsigned purchase event at the next position, named as signed by this station's key (to sign elsewhere). */
    public PurchaseEvent unsigned(PriceTick tick, String grossGrams, String finenessPerMille) {
        return unsigned(tick, grossGrams, finenessPerMille, sequence + 1, chainHead);
    }

    private PurchaseEvent unsigned(
            PriceTick tick, String grossGrams, String finenessPerMille, long stationSequence, String previous) {
        return priced(
                tick,
                id,
                "Test",
                stationSequence,
                Instant.now(),
                new BigDecimal(grossGrams),
                new BigDecimal(finenessPerMille),
                key.keyId(),
                previous);
    }

    /**
     * An unsigned purchase of {@code station} priced under {@code tick} exactly as a station prices it
     * (pricing-rules), seller S-000123, ready to be signed with the key {@code keyId} names.
     */
    public static PurchaseEvent priced(
            PriceTick tick,
            String station,
            String region,
            long stationSequence,
            Instant paidAt,
            BigDecimal gross,
            BigDecimal fineness,
            String keyId,
            String previousHash) {
        PurchaseValue value = PurchasePricing.value(gross, fineness, PurchaseArithmetic.basis(tick));
        return new PurchaseEvent(
                PurchaseEvent.SIGNED_CONTRACT,
                UUID.randomUUID(),
                UUID.randomUUID(),
                station,
                region,
                stationSequence,
                paidAt,
                new PurchaseEvent.Seller("S-000123", PurchaseEvent.SellerType.INDIVIDUAL),
                PurchaseEvent.Weighing.read("counter-1", 1_000_000L + stationSequence, gross),
                new PurchaseEvent.Assay(fineness, PurchaseEvent.AssayMethod.XRF),
                value.fineGrams(),
                new PurchaseEvent.Price(tick.sequence(), tick.spotUsdPerTroyOunce(), tick.fxLocalPerUsd()),
                tick.currency(),
                tick.currencyExponent(),
                value.grossValueMinor(),
                value.grossValueMinor() - value.netPayableMinor(),
                value.netPayableMinor(),
                "SIGTEST" + stationSequence + "X",
                keyId,
                previousHash,
                null);
    }
}
