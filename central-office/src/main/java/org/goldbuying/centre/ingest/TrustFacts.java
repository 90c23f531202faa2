package org.goldbuying.centre.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.goldbuying.centre.station.StationKeyRegistry.StationKey;
import org.goldbuying.contracts.PriceTick;

/**
 * What the centre knows that a batch of purchases is judged against, read once per batch: the keys registered for its
 * stations, the ticks the centre published that its purchases name, and the purchases already in the reserve next to
 * them in their stations' chains; where a station's retired key signs in the batch, the first purchase each of the
 * station's keys signed; and which stations may still send unsigned purchases (configured, none by default).
 */
record TrustFacts(
        Map<String, List<StationKey>> keysByStation,
        Map<Long, PriceTick> ticks,
        Map<Position, Link> stored,
        Map<String, Map<String, Long>> firstSignedSequences,
        Predicate<String> unsignedAllowed) {

    /** A place in a station's chain. */
    record Position(String stationId, long sequence) {}

    /** A purchase's links as stored: its own chain hash, the one it names as its predecessor's, and its key. */
    record Link(String chainHash, String previousHash, String stationKeyId) {
        boolean signed() {
            return stationKeyId != null;
        }
    }

    List<StationKey> keys(String stationId) {
        return keysByStation.getOrDefault(stationId, List.of());
    }

    /**
     * The lowest station sequence stored with this key's signature, or null: read for the stations whose retired keys
     * sign purchases in the batch (a retired key signs nothing after its successor's first purchase).
     */
    Long firstSignedSequence(String stationId, String keyId) {
        return firstSignedSequences.getOrDefault(stationId, Map.of()).get(keyId);
    }

    /** The station's key with this id, if registered for it. */
    Optional<StationKey> key(String stationId, String keyId) {
        return StationKey.among(keys(stationId), keyId);
    }
}
