package org.goldbuying.centre.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.goldbuying.centre.ingest.PurchaseIngest.Valid;
import org.goldbuying.centre.ingest.TrustFacts.Link;
import org.goldbuying.centre.ingest.TrustFacts.Position;
import org.goldbuying.centre.integrity.IntegrityIncident;
import org.goldbuying.centre.integrity.IntegrityIncident.Kind;
import org.goldbuying.centre.station.StationKeyRegistry.StationKey;
import org.goldbuying.contracts.PriceTick;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.StationPublicKey;

/**
 * Whether the centre can trust a purchase before it counts (docs/architecture.md, "Keys and trust"). A signed purchase
 * counts only when a key approved for its station signed it, its money terms are those of a tick the centre published,
 * and it fits its station's chain; an unsigned one only while its station has no registered key. Anything else is
 * refused as an integrity incident and never stored, so it never takes the place of the genuine purchase, which is
 * taken when it arrives. Plain Java: the facts are read beforehand, once per batch.
 */
final class PurchaseTrust {
    /** How far a station's clock may be from the centre's when it stamps a payment. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    /**
     * How long a station may go on signing with its previous key once the next one is approved: the time to switch the
     * station's key file (deploy/README.md, "Installing a station's key"). Purchases paid before then still count.
     */
    static final Duration RETIRED_KEY_GRACE = Duration.ofHours(24);

    /**
     * The evidence of a refusal only for a key not approved yet, in words: such a purchase is readmitted once the key
     * is approved (UnregisteredKeyReadmission looks for these words).
     */
    static final String NOT_REGISTERED = "not registered";

    static final String NOT_YET_APPROVED = "proposed but not yet approved";

    /** Decoded keys by their text: decoding a point costs more than verifying with it. */
    private static final Map<String, StationPublicKey> DECODED = new ConcurrentHashMap<>();

    /** Signatures verified since the start: with {@link #station}'s vouching, about one per station and batch. */
    static final LongAdder SIGNATURES_VERIFIED = new LongAdder();

    private PurchaseTrust() {}

    /** The trusted purchases, in their order, and the refused ones with their incidents. */
    record Judged(List<Valid> trusted, List<BatchOutcome.Parked> refused) {}

    static Judged judge(List<Valid> purchases, TrustFacts facts) {
        // stations are independent of each other: on every core
        Map<Valid, Optional<BatchOutcome.Parked>> verdicts = new IdentityHashMap<>();
        purchases.stream().collect(Collectors.groupingBy(v -> v.event().stationId())).values().parallelStream()
                .map(station -> station(station, facts))
                .toList()
                .forEach(verdicts::putAll);
        List<Valid> candidates = new ArrayList<>();
        List<BatchOutcome.Parked> refused = new ArrayList<>();
        for (Valid purchase : purchases) {
            verdicts.get(purchase).ifPresentOrElse(refused::add, () -> candidates.add(purchase));
        }
        // the chain, in each station's order, taking the batch's own earlier purchases as predecessors
        Map<Position, Link> accepted = new HashMap<>();
        Map<String, Map<String, Long>> firstInBatch = new HashMap<>();
        List<Valid> inOrder = new ArrayList<>(candidates);
        inOrder.sort(Comparator.comparing((Valid v) -> v.event().stationId())
                .thenComparingLong(v -> v.event().stationSequence()));
        Set<Valid> chained = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Valid valid : inOrder) {
            Optional<BatchOutcome.Parked> refusal = brokenLink(valid, facts, accepted)
                    .map(broken -> parked(valid, Kind.BROKEN_CHAIN, broken))
                    .or(() -> supersededKey(valid, facts, firstInBatch)
                            .map(superseded -> parked(valid, Kind.UNREGISTERED_KEY, superseded)));
            if (refusal.isPresent()) {
                refused.add(refusal.get());
            } else {
                PurchaseEvent e = valid.event();
                accepted.putIfAbsent(
                        new Position(e.stationId(), e.stationSequence()),
                        new Link(valid.chainHash(), e.previousPurchaseHash(), e.stationKeyId()));
                if (e.signed()) {
                    // in sequence order: the first one accepted is the key's lowest in the batch
                    firstInBatch
                            .computeIfAbsent(e.stationId(), station -> new HashMap<>())
                            .putIfAbsent(e.stationKeyId(), e.stationSequence());
                }
                chained.add(valid);
            }
        }
        // back in arrival order, for the insert and the counts
        List<Valid> trusted = candidates.stream().filter(chained::contains).toList();
        return new Judged(trusted, refused);
    }

    /**
     * One station's purchases of the batch, each judged {@link #alone}, from its latest back. A purchase's signature
     * covers the chain hash of the one before it, which covers that purchase's content: so a trusted purchase vouches
     * for the content of the predecessor it names, signed with the same key, and that predecessor's own signature
     * need not be verified again (docs/architecture.md, "One signature per run"). A station's backlog then costs one
     * verification per batch instead of one per purchase.
     */
    private static Map<Valid, Optional<BatchOutcome.Parked>> station(List<Valid> purchases, TrustFacts facts) {
        List<Valid> latestFirst = new ArrayList<>(purchases);
        latestFirst.sort(Comparator.comparingLong((Valid v) -> v.event().stationSequence())
                .reversed());
        Set<Vouched> vouched = new HashSet<>();
        Map<Valid, Optional<BatchOutcome.Parked>> verdicts = new IdentityHashMap<>();
        for (Valid valid : latestFirst) {
            PurchaseEvent event = valid.event();
            boolean contentVouched = event.signed()
                    && vouched.contains(new Vouched(event.stationKeyId(), event.stationSequence(), valid.chainHash()));
            Optional<BatchOutcome.Parked> verdict = alone(valid, facts, contentVouched);
            verdicts.put(valid, verdict);
            if (verdict.isEmpty() && event.signed() && event.previousPurchaseHash() != null) {
                vouched.add(
                        new Vouched(event.stationKeyId(), event.stationSequence() - 1, event.previousPurchaseHash()));
            }
        }
        return verdicts;
    }

    /** A predecessor whose content a trusted purchase's signature covers: its key, position and chain hash. */
    private record Vouched(String keyId, long sequence, String chainHash) {}

    /**
     * The checks that need only the purchase and the facts: a redelivery, the key and signature, the price terms. The
     * signature is not verified when {@code contentVouched}: a trusted successor signed with the same key covers it.
     */
    private static Optional<BatchOutcome.Parked> alone(Valid valid, TrustFacts facts, boolean contentVouched) {
        PurchaseEvent event = valid.event();
        Link stored = facts.stored().get(new Position(event.stationId(), event.stationSequence()));
        if (stored != null && valid.chainHash().equals(stored.chainHash())) {
            return Optional.empty(); // this very purchase is in the reserve already: a redelivery, judged then
        }
        List<StationKey> keys = facts.keys(event.stationId());
        if (!event.signed()) {
            Optional<BatchOutcome.Parked> keyed = keys.stream()
                    .filter(k -> !k.neverApproved())
                    .findFirst()
                    .map(key -> parked(
                            valid,
                            Kind.UNSIGNED,
                            "station " + event.stationId() + " has registered key " + key.keyId()
                                    + "; an unsigned purchase (" + event.contract() + ", station sequence "
                                    + event.stationSequence() + ") from it does not count"));
            if (keyed.isPresent() || facts.unsignedAllowed().test(event.stationId())) {
                return keyed;
            }
            return Optional.of(parked(
                    valid,
                    Kind.UNSIGNED,
                    "station " + event.stationId() + " has no registered key and is not one of the stations still"
                            + " allowed to send unsigned purchases (CENTRE_UNSIGNED_STATIONS); its unsigned purchase"
                            + " (station sequence " + event.stationSequence() + ") does not count"));
        }
        Optional<KeyRefusal> untrusted = keyRefusal(
                keys,
                event.stationId(),
                event.stationKeyId(),
                event.paidAt(),
                valid.signedBytes(),
                event.signature(),
                contentVouched,
                "station sequence " + event.stationSequence());
        if (untrusted.isPresent()) {
            return Optional.of(
                    parked(valid, untrusted.get().kind(), untrusted.get().evidence()));
        }
        return priceTerms(event, facts.ticks().get(event.price().tickSequence()))
                .map(wrong -> parked(valid, Kind.PRICE_TERMS, wrong));
    }

    /** Why a station's key does not vouch for a signed message, as an incident kind and its evidence. */
    record KeyRefusal(Kind kind, String evidence) {}

    /**
     * Whether the key a message names vouches for it: approved for the message's station, not revoked, not retired
     * longer than the grace before {@code signedAt}, and its signature over the bytes (unless
     * {@code contentVouched}: another signature of that key already covers them). Purchases and reversals are judged
     * alike; {@code what} names the message in the evidence.
     */
    static Optional<KeyRefusal> keyRefusal(
            List<StationKey> stationKeys,
            String stationId,
            String keyId,
            Instant signedAt,
            byte[] signedBytes,
            String signature,
            boolean contentVouched,
            String what) {
        Optional<StationKey> key = StationKey.among(stationKeys, keyId);
        if (key.isEmpty() || key.get().neverApproved()) {
            return Optional.of(new KeyRefusal(
                    Kind.UNREGISTERED_KEY,
                    "signed by key " + keyId + ", which is "
                            + (key.isEmpty()
                                    ? NOT_REGISTERED
                                    : "PROPOSED".equals(key.get().status())
                                            ? NOT_YET_APPROVED
                                            : "a proposal " + key.get().rejectedBy() + " turned down")
                            + " for station " + stationId + " (" + what + ")"));
        }
        StationKey k = key.get();
        if ("REVOKED".equals(k.status())) {
            return Optional.of(new KeyRefusal(
                    Kind.REVOKED_KEY,
                    "signed by key " + keyId + " of station " + stationId + ", revoked at " + k.revokedAt() + " by "
                            + k.revokedBy() + " (" + k.revocationReason() + "; " + what + ")"));
        }
        if ("RETIRED".equals(k.status())
                && k.retiredAt() != null
                && signedAt.isAfter(k.retiredAt().toInstant().plus(RETIRED_KEY_GRACE))) {
            return Optional.of(new KeyRefusal(
                    Kind.UNREGISTERED_KEY,
                    "signed by key " + keyId + " of station " + stationId + ", retired at " + k.retiredAt()
                            + " when the station's next key was approved; " + what + " at " + signedAt
                            + ", more than " + RETIRED_KEY_GRACE.toHours()
                            + " h later, is not signed by the station's current key"));
        }
        if (contentVouched) {
            return Optional.empty();
        }
        SIGNATURES_VERIFIED.increment();
        StationPublicKey publicKey = DECODED.computeIfAbsent(k.publicKey(), StationPublicKey::parse);
        if (!publicKey.verifies(signedBytes, signature)) {
            return Optional.of(new KeyRefusal(
                    Kind.BAD_SIGNATURE,
                    "the signature is not key " + keyId + "'s over this content: forged, or changed after the"
                            + " station signed it (" + what + ")"));
        }
        return Optional.empty();
    }

    /** What in the purchase's money terms is not the published tick's, or empty when they are. */
    static Optional<String> priceTerms(PurchaseEvent event, PriceTick tick) {
        long sequence = event.price().tickSequence();
        if (tick == null) {
            return Optional.of("priced under tick " + sequence + ", which the centre never published");
        }
        if (!tick.active()) {
            return Optional.of(
                    "priced under tick " + sequence + ", which suspended buying (" + tick.suspendedReason() + ")");
        }
        // a station quotes only under a tick in force: from its publication to its validity's end, plus the quote's
        // lock window; some minutes either side for the station's clock
        Instant earliest = tick.publishedAt().minus(CLOCK_SKEW);
        Instant latest =
                tick.validUntil().plusSeconds(tick.policy().quoteLockSeconds()).plus(CLOCK_SKEW);
        if (event.paidAt().isBefore(earliest) || event.paidAt().isAfter(latest)) {
            return Optional.of("paid at " + event.paidAt() + " under tick " + sequence + ", which was in force from "
                    + tick.publishedAt() + " to " + tick.validUntil() + " (plus its "
                    + tick.policy().quoteLockSeconds()
                    + " s quote lock)");
        }
        return PurchaseArithmetic.underTick(event, tick);
    }

    /**
     * Why the purchase does not fit its station's chain, or empty. Its predecessor, when known (stored, or earlier in
     * the batch), must be the purchase whose chain hash it names (a chain may start after an unsigned purchase, naming
     * none); its stored successor, when known, must name its chain hash. A predecessor not yet arrived is checked when
     * it arrives, from the other side.
     */
    private static Optional<String> brokenLink(Valid valid, TrustFacts facts, Map<Position, Link> accepted) {
        PurchaseEvent event = valid.event();
        Position here = new Position(event.stationId(), event.stationSequence());
        Link stored = facts.stored().get(here);
        if (stored != null && valid.chainHash().equals(stored.chainHash())) {
            return Optional.empty();
        }
        Position before = new Position(event.stationId(), event.stationSequence() - 1);
        Link predecessor = accepted.getOrDefault(before, facts.stored().get(before));
        if (predecessor != null && event.signed()) {
            boolean fits = event.previousPurchaseHash() == null
                    ? !predecessor.signed()
                    : event.previousPurchaseHash().equals(predecessor.chainHash());
            if (!fits) {
                return Optional.of("station " + event.stationId() + " sequence " + event.stationSequence()
                        + " names predecessor hash " + event.previousPurchaseHash() + ", but sequence "
                        + before.sequence() + " in the reserve has chain hash " + predecessor.chainHash());
            }
        }
        Link successor = facts.stored().get(new Position(event.stationId(), event.stationSequence() + 1));
        if (successor != null && successor.signed()) {
            boolean fits = successor.previousHash() == null
                    ? !event.signed()
                    : successor.previousHash().equals(valid.chainHash());
            if (!fits) {
                return Optional.of("station " + event.stationId() + " sequence " + (event.stationSequence() + 1)
                        + " in the reserve names predecessor hash " + successor.previousHash() + ", but this purchase"
                        + " (sequence " + event.stationSequence() + ") has chain hash " + valid.chainHash());
            }
        }
        return Optional.empty();
    }

    /**
     * Why a purchase signed with a retired key cannot be the station's, or empty: a key approved after it already
     * signed one of the station's purchases at a lower sequence (stored, or earlier in the batch), so the station had
     * switched keys before this position. The grace a retired key keeps ({@link #RETIRED_KEY_GRACE}) is judged by the
     * payment time the purchase states itself; this judges by the chain, which whoever kept the old key cannot change.
     * What such a holder could still fill are positions below the new key's first purchase that have not arrived
     * yet, and the genuine purchase arriving there later is then an incident of its own (BROKEN_CHAIN or
     * DUPLICATE_SEQUENCE): never silent.
     */
    private static Optional<String> supersededKey(
            Valid valid, TrustFacts facts, Map<String, Map<String, Long>> firstInBatch) {
        PurchaseEvent event = valid.event();
        if (!event.signed()) {
            return Optional.empty();
        }
        List<StationKey> successors = facts.key(event.stationId(), event.stationKeyId())
                .map(own -> own.successorsAmong(facts.keys(event.stationId())))
                .orElse(List.of());
        for (StationKey newer : successors) {
            Long stored = facts.firstSignedSequence(event.stationId(), newer.keyId());
            Long inBatch =
                    firstInBatch.getOrDefault(event.stationId(), Map.of()).get(newer.keyId());
            Long first = stored;
            if (inBatch != null && (first == null || inBatch < first)) {
                first = inBatch;
            }
            if (first != null && first < event.stationSequence()) {
                return Optional.of("station " + event.stationId() + " sequence " + event.stationSequence()
                        + " is signed by key " + event.stationKeyId() + ", retired when a newer key was approved;"
                        + " key " + newer.keyId() + " (approved " + newer.approvedAt() + ") signed the station's"
                        + " purchases from sequence " + first + ": the station had switched to its newer key, so the"
                        + " older one no longer signs for it");
            }
        }
        return Optional.empty();
    }

    private static BatchOutcome.Parked parked(Valid valid, Kind kind, String evidence) {
        PurchaseEvent event = valid.event();
        return new BatchOutcome.Parked(
                valid.message(),
                "integrity: " + evidence,
                new IntegrityIncident(
                        kind,
                        event.stationId(),
                        Objects.requireNonNull(event.purchaseId()),
                        evidence,
                        valid.message().json()));
    }
}
