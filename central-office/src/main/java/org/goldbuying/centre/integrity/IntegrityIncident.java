package org.goldbuying.centre.integrity;

import java.util.UUID;

/**
 * A purchase message refused because it cannot be genuine as it stands, with the evidence a treasury user reads.
 *
 * @param kind ARITHMETIC (its figures do not add up), CONFLICTING_DUPLICATE (a purchase id already in the reserve
 *     with other content), DUPLICATE_SEQUENCE (a station sequence number another purchase of the station holds),
 *     UNSIGNED (an unsigned purchase from a station with a registered key), UNREGISTERED_KEY (signed by a key not
 *     registered for the station), REVOKED_KEY, BAD_SIGNATURE (the signature does not verify: forged or altered),
 *     BROKEN_CHAIN (it does not name its predecessor's chain hash, or its successor does not name its own),
 *     PRICE_TERMS (its money terms are not those of the tick the centre published), REVERSAL (a reversal that cannot
 *     be taken: of a purchase not in the reserve or of another station, decided by one person, or changed),
 *     MISSING_PURCHASE (positions of the station's gap-free sequence still empty below its newest purchase in the
 *     reserve, some time after the purchase above them arrived: see ingest/MissingPurchaseWatch), REGISTRATION (a
 *     seller registration the national register cannot take: its national ID and licence name different sellers),
 *     BLOCKED_SELLER (a purchase paid to a seller the national register had blocked at the time:
 *     seller/BlockedSellerWatch)
 */
public record IntegrityIncident(Kind kind, String stationId, UUID purchaseId, String evidence, String payload) {
    public enum Kind {
        ARITHMETIC,
        CONFLICTING_DUPLICATE,
        DUPLICATE_SEQUENCE,
        UNSIGNED,
        UNREGISTERED_KEY,
        REVOKED_KEY,
        BAD_SIGNATURE,
        BROKEN_CHAIN,
        PRICE_TERMS,
        REVERSAL,
        MISSING_PURCHASE,
        REGISTRATION,
        BLOCKED_SELLER
    }
}
