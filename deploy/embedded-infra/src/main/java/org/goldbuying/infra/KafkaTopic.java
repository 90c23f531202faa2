package org.goldbuying.infra;

/**
 * A topic the local network provisions. Production creates the same topics (deploy/kafka/topics.md) with
 * replication suited to its cluster.
 */
public record KafkaTopic(String name, int partitions, boolean compacted) {

    /** Purchases, station to centre; keyed by station id so each station's events stay in order. */
    public static final KafkaTopic PURCHASES = new KafkaTopic("gold.purchases.v1", 6, false);
    /** Official price ticks, centre to stations; compacted so a station that starts late gets the latest. */
    public static final KafkaTopic PRICE_TICKS = new KafkaTopic("gold.price-ticks.v1", 1, true);
    public static final KafkaTopic PURCHASES_DLQ = new KafkaTopic("gold.purchases.v1.dlq", 1, false);
    public static final KafkaTopic PRICE_TICKS_DLQ = new KafkaTopic("gold.price-ticks.v1.dlq", 1, false);

    public static java.util.List<KafkaTopic> all() {
        return java.util.List.of(PURCHASES, PRICE_TICKS, PURCHASES_DLQ, PRICE_TICKS_DLQ);
    }
}
