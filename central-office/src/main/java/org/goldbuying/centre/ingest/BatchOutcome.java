package org.goldbuying.centre.ingest;

import java.util.List;
import java.util.Set;

/**
 * What one batch of purchase messages did: purchases newly added to the reserve (and from which stations),
 * purchases already there (redeliveries, replays, repeats within the batch), and messages parked on the
 * dead-letter topic with their reason.
 */
public record BatchOutcome(int inserted, int duplicates, List<Parked> parked, Set<String> stationsWithNewPurchases) {

    /** A message refused with a reason a person can act on. */
    public record Parked(IncomingPurchase message, String reason) {}
}
