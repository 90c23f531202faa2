package org.goldbuying.centre.ingest;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.goldbuying.centre.ingest.PurchaseIngest.Valid;
import org.goldbuying.centre.ingest.TrustFacts.Link;
import org.goldbuying.centre.ingest.TrustFacts.Position;
import org.goldbuying.centre.station.StationKeyRegistry;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PriceTick;

/**
 * Reads a batch's {@link TrustFacts} with three queries: its stations' keys, the ticks its purchases name (kept once
 * read: a published tick never changes), and the stored purchases at and next to each purchase's chain position.
 */
@ApplicationScoped
public class TrustFactsReader {
    /** Ticks are published minutes apart: a few thousand cover weeks of purchases arriving late. */
    private static final int TICKS_KEPT = 4096;

    private final Pool database;
    private final StationKeyRegistry keys;
    private final IngestConfig config;
    private final Map<Long, PriceTick> ticks = new ConcurrentHashMap<>();

    public TrustFactsReader(Pool database, StationKeyRegistry keys, IngestConfig config) {
        this.database = database;
        this.keys = keys;
        this.config = config;
    }

    Uni<TrustFacts> of(List<Valid> purchases) {
        if (purchases.isEmpty()) {
            return Uni.createFrom()
                    .item(new TrustFacts(Map.of(), Map.of(), Map.of(), Map.of(), config::unsignedAllowed));
        }
        String[] stations =
                purchases.stream().map(v -> v.event().stationId()).distinct().toArray(String[]::new);
        return Uni.combine()
                .all()
                .unis(
                        keysByStation(stations)
                                .chain(keys -> firstSigned(purchases, keys).map(first -> Map.entry(keys, first))),
                        ticks(purchases),
                        stored(purchases))
                .with((keys, named, stored) ->
                        new TrustFacts(keys.getKey(), named, stored, keys.getValue(), config::unsignedAllowed));
    }

    /**
     * For the stations whose retired keys sign purchases in the batch (rare: around a key's rotation), the lowest
     * sequence stored with each of their keys' signatures.
     */
    private Uni<Map<String, Map<String, Long>>> firstSigned(
            List<Valid> purchases, Map<String, List<StationKeyRegistry.StationKey>> keysByStation) {
        String[] rotated = purchases.stream()
                .filter(v -> v.event().signed())
                .filter(v -> StationKeyRegistry.StationKey.among(
                                keysByStation.getOrDefault(v.event().stationId(), List.of()),
                                v.event().stationKeyId())
                        .filter(k -> "RETIRED".equals(k.status()))
                        .isPresent())
                .map(v -> v.event().stationId())
                .distinct()
                .toArray(String[]::new);
        if (rotated.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return database.preparedQuery(
                        "SELECT station_id, station_key_id, min(station_sequence) FROM purchase WHERE station_id ="
                                + " ANY($1) AND station_key_id IS NOT NULL GROUP BY station_id, station_key_id")
                .execute(Tuple.of(rotated))
                .map(rows -> {
                    Map<String, Map<String, Long>> first = new HashMap<>();
                    for (Row row : rows) {
                        first.computeIfAbsent(row.getString(0), station -> new HashMap<>())
                                .put(row.getString(1), row.getLong(2));
                    }
                    return first;
                });
    }

    private Uni<Map<String, List<StationKeyRegistry.StationKey>>> keysByStation(String[] stations) {
        return keys.ofStations(stations)
                .map(found -> found.stream().collect(Collectors.groupingBy(StationKeyRegistry.StationKey::stationId)));
    }

    private Uni<Map<Long, PriceTick>> ticks(List<Valid> purchases) {
        Set<Long> named = purchases.stream()
                .filter(v -> v.event().signed())
                .map(v -> v.event().price().tickSequence())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Long[] missing = named.stream().filter(s -> !ticks.containsKey(s)).toArray(Long[]::new);
        Uni<Void> read = missing.length == 0
                ? Uni.createFrom().voidItem()
                : database.preparedQuery("SELECT sequence, payload FROM price_tick WHERE sequence = ANY($1)")
                        .execute(Tuple.of(missing))
                        .invoke(rows -> {
                            if (ticks.size() > TICKS_KEPT) {
                                ticks.clear();
                            }
                            for (Row row : rows) {
                                ticks.put(row.getLong(0), Contract.PRICE_TICK.read(row.getString(1)));
                            }
                        })
                        .replaceWithVoid();
        return read.map(nothing -> {
            Map<Long, PriceTick> found = new HashMap<>();
            for (Long sequence : named) {
                PriceTick tick = ticks.get(sequence);
                if (tick != null) {
                    found.put(sequence, tick);
                }
            }
            return found;
        });
    }

    /** The stored purchases at each purchase's position and on either side of it. */
    private Uni<Map<Position, Link>> stored(List<Valid> purchases) {
        List<String> stations = new ArrayList<>(purchases.size() * 3);
        List<Long> sequences = new ArrayList<>(purchases.size() * 3);
        for (Valid valid : purchases) {
            for (long offset = -1; offset <= 1; offset++) {
                stations.add(valid.event().stationId());
                sequences.add(valid.event().stationSequence() + offset);
            }
        }
        return database.preparedQuery("SELECT p.station_id, p.station_sequence, p.chain_hash, p.previous_hash,"
                        + " p.station_key_id FROM purchase p JOIN unnest($1::text[], $2::int8[]) AS k(station_id, seq)"
                        + " ON p.station_id = k.station_id AND p.station_sequence = k.seq")
                .execute(Tuple.of(stations.toArray(String[]::new), sequences.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Position, Link> links = new HashMap<>();
                    for (Row row : rows) {
                        links.put(
                                new Position(row.getString(0), row.getLong(1)),
                                new Link(row.getString(2), row.getString(3), row.getString(4)));
                    }
                    return links;
                });
    }
}
