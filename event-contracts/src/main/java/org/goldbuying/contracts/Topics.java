package org.goldbuying.contracts;

/** Kafka topic names. Versioned with their contract: a breaking change is a new contract on a new topic. */
public final class Topics {
    /** Purchases, station to centre, keyed by station id (order per station). */
    public static final String PURCHASES = "gold.purchases.v1";
    /** Purchases that broke their contract or could not be ingested, with the reason in a header. */
    public static final String PURCHASES_DEAD_LETTER = "gold.purchases.v1.dlq";
    /** Official price ticks, centre to stations, compacted and keyed by currency. */
    public static final String PRICE_TICKS = "gold.price-ticks.v1";

    public static final String PRICE_TICKS_DEAD_LETTER = "gold.price-ticks.v1.dlq";
    /** Station heartbeats (backlog, devices), compacted and keyed by station id: the latest per station is kept. */
    public static final String STATION_HEARTBEATS = "gold.station-heartbeats.v1";

    public static final String STATION_HEARTBEATS_DEAD_LETTER = "gold.station-heartbeats.v1.dlq";

    /**
     * The national register of sellers, centre to stations, compacted and keyed by the national seller id: a new
     * station reads the whole register from the start.
     */
    public static final String SELLERS = "gold.sellers.v1";

    public static final String SELLERS_DEAD_LETTER = "gold.sellers.v1.dlq";

    private Topics() {}
}
