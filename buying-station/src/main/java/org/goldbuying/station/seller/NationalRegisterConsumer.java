package org.goldbuying.station.seller;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.Ed25519;
import org.goldbuying.contracts.SellerRecord;
import org.goldbuying.contracts.SellerRegistration;
import org.goldbuying.contracts.TickSignature;
import org.goldbuying.station.identity.StationIdentity;
import org.goldbuying.station.pricing.PriceConfig;
import org.jboss.logging.Logger;

/**
 * Keeps the station's copy of the national register: each seller record the centre signed is applied to the local
 * seller it names (this station's id for them, or the same national ID or licence), or kept as a copy of a seller
 * registered elsewhere, so that the counter knows every seller offline. A block decided at the centre is kept apart
 * from the station's own standing and refused at the counter until the centre lifts it. A record that is not the
 * centre's (no signature, another key, bytes changed) or breaks its contract changes nothing and is parked with the
 * reason; an older revision than the one kept (a replay of the topic) changes nothing.
 */
@ApplicationScoped
public class NationalRegisterConsumer {
    private static final Logger LOG = Logger.getLogger(NationalRegisterConsumer.class);

    private final Pool database;
    private final StationIdentity identity;
    private final Optional<PublicKey> centreKey;
    private final Counter refused;

    public NationalRegisterConsumer(Pool database, StationIdentity identity, PriceConfig config, MeterRegistry meters) {
        this.database = database;
        this.identity = identity;
        this.centreKey = config.centrePublicKey().filter(k -> !k.isBlank()).map(Ed25519::publicKey);
        this.refused = Counter.builder("station.seller.records.refused")
                .description("National register records refused: not signed by the centre's key, or breaking their"
                        + " contract")
                .register(meters);
    }

    /** A record the station does not take; the message is the dead-letter reason. */
    static final class RecordRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RecordRefused(String message) {
            super(message);
        }
    }

    @Incoming("sellers")
    public Uni<Void> onRecord(ConsumerRecord<String, String> message) {
        SellerRecord record;
        try {
            requireCentresSignature(message);
            record = Contract.SELLER_RECORD.read(message.value());
        } catch (RecordRefused | ContractViolation refusal) {
            refused.increment();
            LOG.errorf("National register record refused, parked on the dead-letter topic: %s", refusal.getMessage());
            return Uni.createFrom().failure(refusal);
        }
        // a database that fails (restarting, or a clerk registering the same miner at this moment) is tried again:
        // the record must not be lost to the dead-letter topic, a block least of all
        return database.withTransaction(connection -> apply(connection, record))
                .onFailure()
                .invoke(failure -> LOG.warnf(
                        "National register record of seller %s not applied yet (%s); trying again",
                        record.sellerId(), failure.getMessage()))
                .onFailure()
                .retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30))
                .atMost(30)
                .invoke(rows -> LOG.infof(
                        "National register: seller %s revision %d (%s) applied to %d local row(s)",
                        record.sellerId(), record.revision(), record.status(), rows))
                .replaceWithVoid();
    }

    /**
     * The local rows a record is about: those already linked to its national seller, and, not linked yet, this
     * station's own ids for the seller or a row with the same national ID or licence whose other number does not
     * contradict it. A row linked to another national seller is never touched.
     */
    private static final String MATCHING = """
            SELECT id, origin, national_revision FROM seller
            WHERE national_seller_id = $2
               OR (national_seller_id IS NULL AND (id = ANY($1)
                   OR (national_id = $3 AND (licence_number IS NULL OR $4::text IS NULL OR licence_number = $4))
                   OR (licence_number = $4 AND (national_id IS NULL OR $3::text IS NULL OR national_id = $3))))
            FOR UPDATE""";

    /** Applies the record; returns how many local sellers it changed or created. */
    private Uni<Integer> apply(SqlConnection connection, SellerRecord record) {
        UUID[] ids = ids(record);
        return connection
                .preparedQuery(MATCHING)
                .execute(Tuple.of(ids, record.sellerId(), record.nationalId(), record.licenceNumber()))
                .chain(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return copy(connection, record)
                                .chain(() -> sites(connection, record.sellerId(), record))
                                .replaceWith(1);
                    }
                    Uni<Integer> changed = Uni.createFrom().item(0);
                    for (Row row : rows) {
                        Long kept = row.getLong("national_revision");
                        if (kept != null && kept >= record.revision()) {
                            continue;
                        }
                        UUID id = row.getUUID("id");
                        boolean copy = "NATIONAL_REGISTER".equals(row.getString("origin"));
                        changed = changed.chain(count -> update(connection, id, copy, record)
                                .chain(() -> sites(connection, id, record))
                                .replaceWith(count + 1));
                    }
                    return changed;
                });
    }

    /** This station's ids for the seller. */
    private UUID[] ids(SellerRecord record) {
        List<UUID> ids = new ArrayList<>();
        for (SellerRecord.Alias alias : record.aliases()) {
            if (alias.stationId().equals(identity.stationId())) {
                ids.add(alias.stationSellerId());
            }
        }
        return ids.toArray(UUID[]::new);
    }

    /**
     * The national standing (and, for a copy, the seller's description) from the record. The row's version grows, so a
     * supervisor's change of the same seller made meanwhile fails instead of writing back the old national standing.
     */
    private static Uni<Void> update(SqlConnection connection, UUID id, boolean copy, SellerRecord r) {
        String description =
                copy ? ", name = $6, licence_expiry = $7, mobile_money_number = coalesce($8, mobile_money_number)" : "";
        List<Object> values =
                new ArrayList<>(Arrays.asList(id, r.sellerId(), r.status().name(), r.statusReason(), r.revision()));
        if (copy) {
            values.addAll(Arrays.asList(r.name(), r.licenceExpiry(), r.mobileMoneyNumber()));
        }
        return connection
                .preparedQuery("UPDATE seller SET national_seller_id = $2, national_status = $3,"
                        + " national_status_reason = $4, national_revision = $5, version = version + 1" + description
                        + " WHERE id = $1")
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }

    /** A seller registered at another station, kept here so that the counter knows them offline. */
    private static Uni<Void> copy(SqlConnection connection, SellerRecord r) {
        return connection
                .preparedQuery("INSERT INTO seller (id, seller_type, name, national_id, licence_number, licence_expiry,"
                        + " mobile_money_number, status, registered_at, origin, national_seller_id, national_status,"
                        + " national_status_reason, national_revision) VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE',"
                        + " $8, 'NATIONAL_REGISTER', $1, $9, $10, $11)")
                .execute(Tuple.from(Arrays.asList(
                        r.sellerId(),
                        r.sellerType().name(),
                        r.name(),
                        r.nationalId(),
                        r.licenceNumber(),
                        r.licenceExpiry(),
                        r.mobileMoneyNumber(),
                        OffsetDateTime.ofInstant(r.publishedAt(), ZoneOffset.UTC),
                        r.status().name(),
                        r.statusReason(),
                        r.revision())))
                .replaceWithVoid();
    }

    /** The seller's sites the station does not have yet (declared at any station), under the local seller. */
    private static Uni<Void> sites(SqlConnection connection, UUID sellerId, SellerRecord r) {
        if (r.sites().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = new ArrayList<>();
        for (SellerRegistration.Site site : r.sites()) {
            rows.add(Tuple.from(Arrays.asList(
                    site.siteId(), sellerId, site.name(), site.latitude(), site.longitude(), site.licenceArea())));
        }
        return connection
                .preparedQuery("INSERT INTO mine_site (id, seller_id, name, latitude, longitude, licence_area)"
                        + " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The centre's signature over the bytes received, or the record is refused (whoever else can write to Kafka). */
    private void requireCentresSignature(ConsumerRecord<String, String> message) {
        if (centreKey.isEmpty()) {
            throw new RecordRefused(
                    "no centre public key is configured (STATION_CENTRE_PUBLIC_KEY): no record can be trusted");
        }
        Header header = message.headers().lastHeader(TickSignature.HEADER);
        if (header == null) {
            throw new RecordRefused("the record is not signed (no '" + TickSignature.HEADER + "' header)");
        }
        String signature = new String(header.value(), StandardCharsets.US_ASCII);
        if (message.value() == null || !TickSignature.verify(centreKey.get(), message.value(), signature)) {
            throw new RecordRefused("the record's signature is not the centre's over these bytes (forged or altered)");
        }
    }
}
