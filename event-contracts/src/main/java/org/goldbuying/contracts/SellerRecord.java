package org.goldbuying.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Java binding of docs/contracts/seller-record.v1.schema.json: read the schema for the meaning of each field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SellerRecord(
        String contract,
        UUID sellerId,
        long revision,
        PurchaseEvent.SellerType sellerType,
        String name,
        String nationalId,
        String licenceNumber,
        LocalDate licenceExpiry,
        String mobileMoneyNumber,
        Status status,
        String statusReason,
        List<Alias> aliases,
        List<SellerRegistration.Site> sites,
        Instant publishedAt) {

    public static final String CONTRACT = "seller-record/1";

    /** The national standing: a BLOCKED seller is refused at every counter. */
    public enum Status {
        ACTIVE,
        BLOCKED
    }

    /** One station's id for the seller. */
    public record Alias(String stationId, UUID stationSellerId) {}

    /** Whether this record names the station's own id for a seller. */
    public boolean namesAtStation(String stationId, UUID stationSellerId) {
        return aliases.stream()
                .anyMatch(a ->
                        a.stationId().equals(stationId) && a.stationSellerId().equals(stationSellerId));
    }
}
