package org.goldbuying.centre.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Purchase events as a station would send them, built from the documented example of the contract. */
public final class Purchases {
    private static final AtomicLong SEQUENCE = new AtomicLong(1000);
    private static final String EXAMPLE = read();

    private Purchases() {}

    private static String read() {
        try {
            return Files.readString(Path.of("..", "docs", "contracts", "examples", "purchase-event.v1.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid purchase of the example's 12.34 g (11.2911 fine g, 3,239,041 UGX) with a new id and sequence. */
    public static String newPurchase(UUID purchaseId, String stationId) {
        return newPurchase(purchaseId, stationId, SEQUENCE.incrementAndGet());
    }

    /** The same, with the station's sequence number chosen by the caller (to make two purchases claim one). */
    public static String newPurchase(UUID purchaseId, String stationId, long stationSequence) {
        return EXAMPLE.replace("9b2f6a4e-1f7d-4e0b-8a1a-2c3d4e5f6a7b", purchaseId.toString())
                .replace(
                        "3f0e8a52-6d3c-4a8e-9c43-0d8f5b0a1c11",
                        UUID.randomUUID().toString())
                .replace("\"MUB-01\"", "\"" + stationId + "\"")
                .replace("\"stationSequence\": 42", "\"stationSequence\": " + stationSequence);
    }

    /** The same 12.34 g weighed by hand: a supervisor-approved typed weight instead of the balance's reading. */
    public static String newTypedWeightPurchase(UUID purchaseId, String stationId) {
        String typed = newPurchase(purchaseId, stationId)
                .replace(
                        "\"readingId\": 1763802930000001, \"grossGrams\": \"12.34\"",
                        "\"grossGrams\": \"12.34\", \"typedOverride\": {\"reason\": \"Balance display broken, reserve "
                                + "balance used\","
                                + " \"typedBy\": \"clerk\", \"approvedBy\": \"supervisor\"}");
        if (!typed.contains("typedOverride")) {
            throw new IllegalStateException("the example purchase no longer has the weighing this replaces");
        }
        return typed;
    }

    /** How many purchases of the station the reserve holds, read from the centre's database itself. */
    public static long inReserve(Pool database, String station) {
        return database.preparedQuery("SELECT count(*) FROM purchase WHERE station_id = $1")
                .execute(Tuple.of(station))
                .await()
                .atMost(Duration.ofSeconds(10))
                .iterator()
                .next()
                .getLong(0);
    }
}
