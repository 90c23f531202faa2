package org.goldbuying.centre.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.goldbuying.centre.dashboard.DashboardEvents;
import org.goldbuying.contracts.Contract;
import org.goldbuying.contracts.ContractViolation;
import org.goldbuying.contracts.PurchaseEvent;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Adds purchases from every station to the reserve, each exactly once in effect. The purchase id is the primary
 * key and the insert does nothing when it is already there, so redeliveries, replays and out-of-order arrivals are
 * harmless. The message is acknowledged (and its offset becomes committable) only after the insert committed.
 * An event that breaks its contract is refused with the reason logged and parked on the dead-letter topic;
 * the consumer goes on.
 */
@ApplicationScoped
public class PurchaseIngest {
    private static final Logger LOG = Logger.getLogger(PurchaseIngest.class);

    static final String INSERT = """
            INSERT INTO purchase (purchase_id, event_id, station_id, region, station_sequence, paid_at, seller_id,
                seller_type, device_id, reading_id, gross_grams, fineness_per_mille, assay_method, fine_grams,
                tick_sequence, spot_usd_per_troy_ounce, fx_local_per_usd, currency, currency_exponent,
                gross_value_minor, deductions_minor, net_payable_minor, verification_code, payload, ingested_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                $22, $23, $24, $25)
            ON CONFLICT (purchase_id) DO NOTHING""";

    private final Pool database;
    private final Clock clock;
    private final DashboardEvents dashboard;

    public PurchaseIngest(Pool database, Clock clock, DashboardEvents dashboard) {
        this.database = database;
        this.clock = clock;
        this.dashboard = dashboard;
    }

    @Incoming("purchases")
    public Uni<Void> ingest(String json) {
        PurchaseEvent event;
        try {
            event = Contract.PURCHASE_EVENT.read(json);
        } catch (ContractViolation violation) {
            LOG.warnf("Purchase refused, parked on the dead-letter topic: %s", violation.getMessage());
            return Uni.createFrom().failure(violation);
        }
        return database.preparedQuery(INSERT).execute(row(event, json))
                .invoke(result -> {
                    if (result.rowCount() == 0) {
                        LOG.debugf("Purchase %s already in the reserve; duplicate ignored", event.purchaseId());
                    } else {
                        dashboard.purchaseIngested(event.stationId());
                    }
                })
                .replaceWithVoid();
    }

    private Tuple row(PurchaseEvent e, String json) {
        return Tuple.from(Arrays.asList(e.purchaseId(), e.eventId(), e.stationId(), e.region(), e.stationSequence(),
                OffsetDateTime.ofInstant(e.paidAt(), ZoneOffset.UTC), e.seller().id(), e.seller().type().name(),
                e.weighing().deviceId(), e.weighing().readingId(), e.weighing().grossGrams(),
                e.assay().finenessPerMille(), e.assay().method().name(), e.fineGrams(), e.price().tickSequence(),
                e.price().spotUsdPerTroyOunce(), e.price().fxLocalPerUsd(), e.currency(), e.currencyExponent(),
                e.grossValueMinor(), e.deductionsMinor(), e.netPayableMinor(), e.verificationCode(), json,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
    }
}
