package org.goldbuying.centre.seller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;

/** What compliance, treasury and auditors read of the national register. */
@ApplicationScoped
public class SellerViews {
    private final Pool database;

    public SellerViews(Pool database) {
        this.database = database;
    }

    /** One line of the register, with how many stations registered the seller and any pending change of standing. */
    public record Summary(
            UUID sellerId,
            String sellerType,
            String name,
            String nationalId,
            String licenceNumber,
            LocalDate licenceExpiry,
            String status,
            String statusReason,
            long revision,
            String firstStationId,
            int stations,
            String proposedStatus,
            String proposedReason,
            String proposedBy,
            OffsetDateTime proposedAt) {}

    public record Alias(
            String stationId,
            UUID stationSellerId,
            int stationVersion,
            String registeredBy,
            OffsetDateTime registeredAt,
            OffsetDateTime receivedAt) {}

    public record Merge(String stationId, UUID stationSellerId, String matchedOn, OffsetDateTime mergedAt) {}

    public record Site(
            UUID siteId,
            String stationId,
            String name,
            BigDecimal latitude,
            BigDecimal longitude,
            String licenceArea) {}

    public record StandingChange(
            String status,
            String reason,
            String proposedBy,
            OffsetDateTime proposedAt,
            String decidedBy,
            OffsetDateTime decidedAt) {}

    /** A seller with every station's id for them, the merges, the sites and the history of their standing. */
    public record Detail(
            Summary seller,
            String mobileMoneyNumber,
            List<Alias> aliases,
            List<Merge> merges,
            List<Site> sites,
            List<StandingChange> standing) {}

    private static final String SUMMARY = "SELECT s.seller_id, s.seller_type, s.name, s.national_id, s.licence_number,"
            + " s.licence_expiry, s.status, s.status_reason, s.revision, s.first_station_id,"
            + " (SELECT count(*) FROM national_seller_alias a WHERE a.seller_id = s.seller_id) AS stations,"
            + " s.proposed_status, s.proposed_reason, s.proposed_by, s.proposed_at, s.mobile_money_number"
            + " FROM national_seller s";

    /** Sellers whose name, national ID or licence contains the text (all when blank), blocked first, then by name. */
    public Uni<List<Summary>> search(String text, int limit) {
        String like = "%"
                + (text == null
                        ? ""
                        : text.strip()
                                .toLowerCase()
                                .replace("\\", "")
                                .replace("%", "")
                                .replace("_", "")) + "%";
        return database.preparedQuery(SUMMARY + " WHERE lower(s.name) LIKE $1 OR lower(coalesce(s.national_id, ''))"
                        + " LIKE $1 OR lower(coalesce(s.licence_number, '')) LIKE $1"
                        + " ORDER BY s.status DESC, s.name, s.seller_id LIMIT $2")
                .execute(Tuple.of(like, limit))
                .map(rows -> list(rows, SellerViews::summary));
    }

    public Uni<Detail> one(UUID sellerId) {
        return database.preparedQuery(SUMMARY + " WHERE s.seller_id = $1")
                .execute(Tuple.of(sellerId))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw new CentreException(
                                CentreError.NOT_FOUND, "No seller " + sellerId + " in the national register.");
                    }
                    Row seller = rows.iterator().next();
                    Tuple id = Tuple.of(sellerId);
                    return database.preparedQuery("SELECT station_id, station_seller_id, station_version,"
                                    + " registered_by, registered_at, received_at FROM national_seller_alias"
                                    + " WHERE seller_id = $1 ORDER BY registered_at, station_id")
                            .execute(id)
                            .chain(aliases -> database.preparedQuery("SELECT station_id, station_seller_id,"
                                            + " matched_on, merged_at FROM national_seller_merge WHERE seller_id = $1"
                                            + " ORDER BY id")
                                    .execute(id)
                                    .chain(merges -> database.preparedQuery("SELECT site_id, station_id, name,"
                                                    + " latitude, longitude, licence_area FROM national_mine_site"
                                                    + " WHERE seller_id = $1 ORDER BY name, site_id")
                                            .execute(id)
                                            .chain(sites -> database.preparedQuery("SELECT status, reason,"
                                                            + " proposed_by, proposed_at, decided_by, decided_at"
                                                            + " FROM national_seller_standing WHERE seller_id = $1"
                                                            + " ORDER BY id")
                                                    .execute(id)
                                                    .map(standing -> new Detail(
                                                            summary(seller),
                                                            seller.getString("mobile_money_number"),
                                                            list(
                                                                    aliases,
                                                                    r -> new Alias(
                                                                            r.getString(0),
                                                                            r.getUUID(1),
                                                                            r.getInteger(2),
                                                                            r.getString(3),
                                                                            r.getOffsetDateTime(4),
                                                                            r.getOffsetDateTime(5))),
                                                            list(
                                                                    merges,
                                                                    r -> new Merge(
                                                                            r.getString(0),
                                                                            r.getUUID(1),
                                                                            r.getString(2),
                                                                            r.getOffsetDateTime(3))),
                                                            list(
                                                                    sites,
                                                                    r -> new Site(
                                                                            r.getUUID(0),
                                                                            r.getString(1),
                                                                            r.getString(2),
                                                                            r.getBigDecimal(3),
                                                                            r.getBigDecimal(4),
                                                                            r.getString(5))),
                                                            list(
                                                                    standing,
                                                                    r -> new StandingChange(
                                                                            r.getString(0),
                                                                            r.getString(1),
                                                                            r.getString(2),
                                                                            r.getOffsetDateTime(3),
                                                                            r.getString(4),
                                                                            r.getOffsetDateTime(5))))))));
                });
    }

    private static Summary summary(Row r) {
        return new Summary(
                r.getUUID("seller_id"),
                r.getString("seller_type"),
                r.getString("name"),
                r.getString("national_id"),
                r.getString("licence_number"),
                r.getLocalDate("licence_expiry"),
                r.getString("status"),
                r.getString("status_reason"),
                r.getLong("revision"),
                r.getString("first_station_id"),
                r.getLong("stations").intValue(),
                r.getString("proposed_status"),
                r.getString("proposed_reason"),
                r.getString("proposed_by"),
                r.getOffsetDateTime("proposed_at"));
    }

    private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(map.apply(row));
        }
        return list;
    }
}
