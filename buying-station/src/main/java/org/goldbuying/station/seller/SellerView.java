package org.goldbuying.station.seller;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A seller as the API shows it, with their declared mine sites and, once the centre's record arrived, their national
 * standing ({@code nationalStatus}: a block decided at the centre holds here too, whatever the station's own status).
 */
public record SellerView(
        UUID id,
        String type,
        String name,
        String nationalId,
        String licenceNumber,
        LocalDate licenceExpiry,
        String mobileMoneyNumber,
        SellerStatus status,
        String statusReason,
        Instant registeredAt,
        List<Site> sites,
        String origin,
        UUID nationalSellerId,
        SellerStatus nationalStatus,
        String nationalStatusReason,
        Long nationalRevision) {

    public record Site(
            UUID id,
            String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal latitude,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal longitude,
            String licenceArea) {}

    public static SellerView of(Seller s) {
        return new SellerView(
                s.id,
                s.type.name(),
                s.name,
                s.nationalId,
                s.licenceNumber,
                s.licenceExpiry,
                s.mobileMoneyNumber,
                s.status,
                s.statusReason,
                s.registeredAt,
                s.sites.stream()
                        .map(m -> new Site(m.id, m.name, m.latitude, m.longitude, m.licenceArea))
                        .toList(),
                s.origin,
                s.nationalSellerId,
                s.nationalStatus,
                s.nationalStatusReason,
                s.nationalRevision);
    }
}
