package org.goldbuying.infra;

import java.util.List;
import org.goldbuying.contracts.Topics;

/**
 * A topic the local network provisions. Production creates the same topics (deploy/README.md) with
 * replication suited to its cluster.
 */
public record KafkaTopic(String name, int partitions, boolean compacted) {

    /** Purchases, station to centre; keyed by station id so each station's events stay in order. */
    public static final KafkaTopic PURCHASES = new KafkaTopic(Topics.PURCHASES, 6, false);
    /** Official price ticks, centre to stations; compacted so a station that starts late gets the latest. */
    public static final KafkaTopic PRICE_TICKS = new KafkaTopic(Topics.PRICE_TICKS, 1, true);

    public static final KafkaTopic PURCHASES_DLQ = new KafkaTopic(Topics.PURCHASES_DEAD_LETTER, 1, false);
    public static final KafkaTopic PRICE_TICKS_DLQ = new KafkaTopic(Topics.PRICE_TICKS_DEAD_LETTER, 1, false);
    /** Heartbeats, compacted: the latest per station survives. */
    public static final KafkaTopic STATION_HEARTBEATS = new KafkaTopic(Topics.STATION_HEARTBEATS, 1, true);

    public static final KafkaTopic STATION_HEARTBEATS_DLQ =
            new KafkaTopic(Topics.STATION_HEARTBEATS_DEAD_LETTER, 1, false);

    /** The national register of sellers, centre to stations; compacted: a new station reads every seller's latest. */
    public static final KafkaTopic SELLERS = new KafkaTopic(Topics.SELLERS, 3, true);

    public static final KafkaTopic SELLERS_DLQ = new KafkaTopic(Topics.SELLERS_DEAD_LETTER, 1, false);

    public static List<KafkaTopic> all() {
        return List.of(
                PURCHASES,
                PRICE_TICKS,
                PURCHASES_DLQ,
                PRICE_TICKS_DLQ,
                STATION_HEARTBEATS,
                STATION_HEARTBEATS_DLQ,
                SELLERS,
                SELLERS_DLQ);
    }
}
