package org.goldbuying.centre.integrity;

import java.util.UUID;

/**
 * A purchase message refused because it cannot be genuine as it stands, with the evidence a treasury user reads.
 *
 * @param kind ARITHMETIC (its figures do not add up), CONFLICTING_DUPLICATE (a purchase id already in the reserve
 *     with other content), DUPLICATE_SEQUENCE (a station sequence number another purchase of the station holds)
 */
public record IntegrityIncident(Kind kind, String stationId, UUID purchaseId, String evidence, String payload) {
    public enum Kind {
        ARITHMETIC,
        CONFLICTING_DUPLICATE,
        DUPLICATE_SEQUENCE
    }
}
