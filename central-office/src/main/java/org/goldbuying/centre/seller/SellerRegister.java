package org.goldbuying.centre.seller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.PurchaseEvent;
import org.goldbuying.contracts.SellerIdentity;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;

/**
 * The national register of sellers, kept at the centre: takes each station's (already trusted) registration, makes one
 * national seller per national ID or licence number whichever stations registered them, records every merge, and
 * writes each new revision of a seller's record to the register's outbox in the same transaction, for every station.
 */
@ApplicationScoped
public class SellerRegister {
    /** What a registration did to the register. */
    public enum Applied {
        /** A seller new to the register. */
        CREATED,
        /** A station's registration of a seller already in the register (registered at another station). */
        MERGED,
        /** A newer version of a station's registration (a site added). */
        UPDATED,
        /** A redelivery, or a version older than the one kept: nothing changed. */
        ALREADY_KNOWN
    }

    private static final String SELLER_COLUMNS = "seller_id, seller_type, name, national_id, licence_number,"
            + " licence_expiry, mobile_money_number, status, status_reason, revision";

    private final Pool database;
    private final Clock clock;

    public SellerRegister(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Applies one registration in its own transaction. Two centres (or two consumers) registering the same national
     * ID at once: one inserts, the other's insert fails on the unique index and is applied again, as a merge.
     */
    public Uni<Applied> apply(SellerRegistration registration, String payload) {
        return database.withTransaction(connection -> apply(connection, registration, payload))
                .onFailure(SellerRegister::raceOnIdentity)
                .recoverWithUni(() -> database.withTransaction(connection -> apply(connection, registration, payload)));
    }

    /** A registration the register cannot take as it stands, with the reason a treasury user reads. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private static boolean raceOnIdentity(Throwable failure) {
        return failure instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private Uni<Applied> apply(SqlConnection connection, SellerRegistration received, String payload) {
        SellerRegistration r = canonical(received);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        return connection
                .preparedQuery("SELECT seller_id, station_version FROM national_seller_alias"
                        + " WHERE station_id = $1 AND station_seller_id = $2 FOR UPDATE")
                .execute(Tuple.of(r.stationId(), r.stationSellerId()))
                .chain(aliases -> {
                    if (aliases.iterator().hasNext()) {
                        Row alias = aliases.iterator().next();
                        if (alias.getInteger("station_version") >= r.version()) {
                            return Uni.createFrom().item(Applied.ALREADY_KNOWN);
                        }
                        UUID sellerId = alias.getUUID("seller_id");
                        return connection
                                .preparedQuery("UPDATE national_seller_alias SET station_version = $3, payload = $4,"
                                        + " received_at = $5 WHERE station_id = $1 AND station_seller_id = $2")
                                .execute(Tuple.of(r.stationId(), r.stationSellerId(), r.version(), payload, now))
                                .chain(() -> describe(connection, sellerId, r))
                                .chain(() -> revise(connection, sellerId, r, now))
                                .replaceWith(Applied.UPDATED);
                    }
                    return matching(connection, r)
                            .chain(match -> match == null
                                    ? create(connection, r, payload, now).replaceWith(Applied.CREATED)
                                    : join(connection, match, r, payload, now).replaceWith(Applied.MERGED));
                });
    }

    /**
     * The national seller with the registration's national ID or licence number, locked; null if none. A registration
     * whose numbers point at two sellers, or at a seller whose other number differs, names no one seller: refused
     * (joining it anyway would let one clerk give a stranger a registered seller's standing, or the reverse).
     */
    private static Uni<Row> matching(SqlConnection connection, SellerRegistration r) {
        return connection
                .preparedQuery("SELECT seller_id, seller_type, national_id, licence_number FROM national_seller"
                        + " WHERE national_id = $1 OR licence_number = $2 FOR UPDATE")
                .execute(Tuple.of(r.nationalId(), r.licenceNumber()))
                .map(rows -> {
                    Row match = null;
                    for (Row row : rows) {
                        if (match != null) {
                            throw new Refused("national ID " + r.nationalId() + " belongs to seller "
                                    + (r.nationalId().equals(row.getString("national_id")) ? row : match)
                                            .getUUID("seller_id")
                                    + " and licence " + r.licenceNumber() + " to another: the register cannot tell"
                                    + " which seller station " + r.stationId() + " registered");
                        }
                        match = row;
                    }
                    if (match != null) {
                        differs(r.sellerType().name(), match.getString("seller_type"), "kind of seller", match, r);
                        differs(r.nationalId(), match.getString("national_id"), "national ID", match, r);
                        differs(r.licenceNumber(), match.getString("licence_number"), "licence", match, r);
                    }
                    return match;
                });
    }

    private static void differs(String registered, String kept, String what, Row match, SellerRegistration r) {
        if (registered != null && kept != null && !registered.equals(kept)) {
            throw new Refused("station " + r.stationId() + " registered " + what + " " + registered + " for seller "
                    + match.getUUID("seller_id") + ", whose " + what + " is " + kept
                    + " in the register: the register cannot take it as that seller");
        }
    }

    /** The registration with its identity numbers as the register compares them (SellerIdentity). */
    private static SellerRegistration canonical(SellerRegistration r) {
        return new SellerRegistration(
                r.contract(),
                r.eventId(),
                r.stationId(),
                r.stationSellerId(),
                r.version(),
                r.sellerType(),
                r.name(),
                SellerIdentity.nationalId(r.nationalId()),
                SellerIdentity.licence(r.licenceNumber()),
                r.licenceExpiry(),
                r.mobileMoneyNumber(),
                r.sites(),
                r.registeredAt(),
                r.registeredBy(),
                r.changedAt(),
                r.stationKeyId(),
                r.signature());
    }

    private Uni<Void> create(SqlConnection connection, SellerRegistration r, String payload, OffsetDateTime now) {
        // the centre's own id: a station's id for a seller is an alias, never a key another station could collide with
        UUID sellerId = UUID.randomUUID();
        return connection
                .preparedQuery("INSERT INTO national_seller (seller_id, seller_type, name, national_id, licence_number,"
                        + " licence_expiry, mobile_money_number, first_station_id, registered_at, updated_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)")
                .execute(Tuple.from(Arrays.asList(
                        sellerId,
                        r.sellerType().name(),
                        r.name(),
                        r.nationalId(),
                        r.licenceNumber(),
                        r.licenceExpiry(),
                        r.mobileMoneyNumber(),
                        r.stationId(),
                        OffsetDateTime.ofInstant(r.registeredAt(), ZoneOffset.UTC),
                        now)))
                .chain(() -> alias(connection, sellerId, r, payload, now))
                .chain(() -> sites(connection, sellerId, r))
                .chain(() -> publish(connection, sellerId, now));
    }

    /** Another station's registration of a seller in the register: one seller, the merge recorded. */
    private Uni<Void> join(
            SqlConnection connection, Row match, SellerRegistration r, String payload, OffsetDateTime now) {
        UUID sellerId = match.getUUID("seller_id");
        String matchedOn = r.nationalId() != null && r.nationalId().equals(match.getString("national_id"))
                ? "national ID " + r.nationalId()
                : "licence " + r.licenceNumber();
        return alias(connection, sellerId, r, payload, now)
                .chain(() -> connection
                        .preparedQuery("INSERT INTO national_seller_merge (seller_id, station_id, station_seller_id,"
                                + " matched_on, merged_at) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(sellerId, r.stationId(), r.stationSellerId(), matchedOn, now)))
                .chain(() -> revise(connection, sellerId, r, now));
    }

    /**
     * A newer version from the station that first registered the seller replaces the description kept (name, licence
     * expiry, payout number). Another station's registration never does: it could otherwise send every station's
     * payouts for the seller to a number of its choosing. The identity numbers are never changed.
     */
    private static Uni<Void> describe(SqlConnection connection, UUID sellerId, SellerRegistration r) {
        return connection
                .preparedQuery("UPDATE national_seller SET name = $3, licence_expiry = coalesce($4, licence_expiry),"
                        + " mobile_money_number = coalesce($5, mobile_money_number)"
                        + " WHERE seller_id = $1 AND first_station_id = $2")
                .execute(Tuple.of(sellerId, r.stationId(), r.name(), r.licenceExpiry(), r.mobileMoneyNumber()))
                .replaceWithVoid();
    }

    /** The registration's new sites, the next revision, and the record for every station. */
    private Uni<Void> revise(SqlConnection connection, UUID sellerId, SellerRegistration r, OffsetDateTime now) {
        return connection
                .preparedQuery(
                        "UPDATE national_seller SET revision = revision + 1, updated_at = $2 WHERE seller_id = $1")
                .execute(Tuple.of(sellerId, now))
                .chain(() -> sites(connection, sellerId, r))
                .chain(() -> publish(connection, sellerId, now));
    }

    private static Uni<Void> alias(
            SqlConnection connection, UUID sellerId, SellerRegistration r, String payload, OffsetDateTime now) {
        return connection
                .preparedQuery("INSERT INTO national_seller_alias (station_id, station_seller_id, seller_id,"
                        + " station_version, registered_by, registered_at, payload, received_at)"
                        + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(
                        r.stationId(),
                        r.stationSellerId(),
                        sellerId,
                        r.version(),
                        r.registeredBy(),
                        OffsetDateTime.ofInstant(r.registeredAt(), ZoneOffset.UTC),
                        payload,
                        now)))
                .replaceWithVoid();
    }

    /** The registration's sites the register does not have yet (a site keeps the station that declared it). */
    private static Uni<Void> sites(SqlConnection connection, UUID sellerId, SellerRegistration r) {
        if (r.sites().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (SellerRegistration.Site site : r.sites()) {
            rows.add(Tuple.from(Arrays.asList(
                    site.siteId(),
                    sellerId,
                    r.stationId(),
                    site.name(),
                    site.latitude(),
                    site.longitude(),
                    site.licenceArea())));
        }
        return connection
                .preparedQuery("INSERT INTO national_mine_site (site_id, seller_id, station_id, name, latitude,"
                        + " longitude, licence_area) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                        + " ON CONFLICT (site_id) DO NOTHING")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The seller's record as it now stands, into the register's outbox: the relay sends it to every station. */
    Uni<Void> publish(SqlConnection connection, UUID sellerId, OffsetDateTime now) {
        return record(connection, sellerId, now)
                .chain(record -> connection
                        .preparedQuery("INSERT INTO seller_record_outbox (seller_id, revision, payload, created_at)"
                                + " VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(sellerId, record.revision(), Contract.SELLER_RECORD.write(record), now)))
                .replaceWithVoid();
    }

    private static Uni<SellerRecord> record(SqlConnection connection, UUID sellerId, OffsetDateTime now) {
        Uni<RowSet<Row>> seller = connection
                .preparedQuery("SELECT " + SELLER_COLUMNS + " FROM national_seller WHERE seller_id = $1")
                .execute(Tuple.of(sellerId));
        Uni<RowSet<Row>> aliases = connection
                .preparedQuery("SELECT station_id, station_seller_id FROM national_seller_alias WHERE seller_id = $1"
                        + " ORDER BY registered_at, station_id")
                .execute(Tuple.of(sellerId));
        Uni<RowSet<Row>> sites = connection
                .preparedQuery("SELECT site_id, name, latitude, longitude, licence_area FROM national_mine_site"
                        + " WHERE seller_id = $1 ORDER BY site_id")
                .execute(Tuple.of(sellerId));
        return seller.chain(s -> aliases.chain(a -> sites.map(m -> {
            Row row = s.iterator().next();
            List<SellerRecord.Alias> aliasList = new ArrayList<>();
            for (Row alias : a) {
                aliasList.add(new SellerRecord.Alias(alias.getString(0), alias.getUUID(1)));
            }
            List<SellerRegistration.Site> siteList = new ArrayList<>();
            for (Row site : m) {
                siteList.add(new SellerRegistration.Site(
                        site.getUUID(0),
                        site.getString(1),
                        site.getBigDecimal(2),
                        site.getBigDecimal(3),
                        site.getString(4)));
            }
            return new SellerRecord(
                    SellerRecord.CONTRACT,
                    row.getUUID("seller_id"),
                    row.getLong("revision"),
                    PurchaseEvent.SellerType.valueOf(row.getString("seller_type")),
                    row.getString("name"),
                    row.getString("national_id"),
                    row.getString("licence_number"),
                    row.getLocalDate("licence_expiry"),
                    row.getString("mobile_money_number"),
                    SellerRecord.Status.valueOf(row.getString("status")),
                    row.getString("status_reason"),
                    aliasList,
                    siteList,
                    now.toInstant());
        })));
    }
}
