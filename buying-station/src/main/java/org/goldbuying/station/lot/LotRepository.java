package org.goldbuying.station.lot;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.goldbuying.station.common.StationError;
import org.goldbuying.station.common.StationException;
import org.goldbuying.station.seller.SellerCaps;
import org.hibernate.reactive.mutiny.Mutiny;

/** The one way to read and write lots (besides the XRF fast path, checked against this mapping by a test). */
@ApplicationScoped
public class LotRepository implements PanacheRepositoryBase<Lot, UUID> {

    /** The lot with this id, or NOT_FOUND with a sentence the clerk can read. */
    public Uni<Lot> require(UUID id) {
        return findById(id).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** As above, locked until the transaction ends. */
    public Uni<Lot> require(UUID id, LockModeType lock) {
        return findById(id, lock).onItem().ifNull().failWith(() -> notFound(id));
    }

    /** As above, in a stateless session (the XRF path). */
    public static Uni<Lot> require(Mutiny.StatelessSession queries, UUID id) {
        return queries.get(Lot.class, id).onItem().ifNull().failWith(() -> notFound(id));
    }

    private static StationException notFound(UUID id) {
        return new StationException(StationError.NOT_FOUND, "No lot with id " + id + ".");
    }

    /** The paid lot with this purchase number (the station sequence on its receipt), or NOT_FOUND. */
    public Uni<Lot> requirePurchase(long stationSequence) {
        return find("payment.stationSequence", stationSequence)
                .firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> new StationException(
                        StationError.NOT_FOUND,
                        "No purchase no. " + stationSequence + " at this station: check the number on the receipt."));
    }

    /**
     * The next gap-free station sequence and the chain hash of the purchase before it (null where the chain starts).
     * The counter row stays locked until the payment's transaction ends, so purchases are numbered and chained one at
     * a time.
     */
    public Uni<ChainLink> nextChainLink() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE station_counter SET value = value + 1 WHERE name = 'purchase'"
                                        + " RETURNING value, chain_hash",
                                Object[].class)
                        .getSingleResult())
                .map(row -> new ChainLink(((Number) row[0]).longValue(), (String) row[1]));
    }

    /** Records the chain hash of the purchase just numbered: the next one names it as its predecessor. */
    public Uni<Void> advanceChain(String chainHash) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE station_counter SET chain_hash = :hash WHERE name = 'purchase'")
                        .setParameter("hash", chainHash)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A purchase's place in the station's chain: its sequence, and the chain hash of the one before. */
    public record ChainLink(long sequence, String previousHash) {}

    /**
     * Gross grams bought from a seller in the caps' periods ([monthStart, end) and [yearStart, end)), read with one
     * query: what counts against their caps.
     */
    public Uni<SellerCaps.Bought> paidGrossGrams(String sellerId, SellerCaps.Periods periods) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                                "select coalesce(sum(case when l.payment.paidAt >= :month then l.weighing.grossGrams "
                                        + "end), 0),"
                                        + " coalesce(sum(l.weighing.grossGrams), 0) from Lot l where l.sellerId = "
                                        + ":seller"
                                        + " and l.status = :paid and l.payment.paidAt >= :year and l.payment.paidAt < "
                                        + ":end",
                                Object[].class)
                        .setParameter("seller", sellerId)
                        .setParameter("paid", LotStatus.PAID)
                        .setParameter("month", periods.monthStart())
                        .setParameter("year", periods.yearStart())
                        .setParameter("end", periods.end())
                        .getSingleResult()
                        .map(sums -> new SellerCaps.Bought(grams(sums[0]), grams(sums[1]))));
    }

    private static BigDecimal grams(Object sum) {
        return sum instanceof BigDecimal grams ? grams : new BigDecimal(sum.toString());
    }

    /** Net payable paid to a seller since a moment: the linked transactions of the AML rule. */
    public Uni<Long> paidNetMinorSince(String sellerId, Instant from) {
        return Panache.getSession().chain(session -> paidNetMinorSince(session, sellerId, from));
    }

    /** As above, in any session (the XRF path uses a stateless one). */
    public static Uni<Long> paidNetMinorSince(Mutiny.QueryProducer queries, String sellerId, Instant from) {
        return queries.createSelectionQuery(
                        "select coalesce(sum(l.quote.netPayableMinor), 0) from Lot l where l.sellerId = :seller"
                                + " and l.status = :paid and l.payment.paidAt >= :from",
                        Long.class)
                .setParameter("seller", sellerId)
                .setParameter("paid", LotStatus.PAID)
                .setParameter("from", from)
                .getSingleResult();
    }

    /** Keeps a linked-transactions record for the AML report. */
    static Uni<Integer> recordAml(
            Mutiny.QueryProducer queries,
            Lot lot,
            long linkedTotalMinor,
            long thresholdMinor,
            int windowDays,
            Instant at) {
        return queries.createNativeQuery(
                        "INSERT INTO aml_record (lot_id, seller_id, window_days, linked_total_minor, threshold_minor, "
                                + "currency,"
                                + " recorded_at) VALUES (:lot, :seller, :days, :total, :threshold, :currency, :at)"
                                + " ON CONFLICT (lot_id) DO NOTHING")
                .setParameter("lot", lot.id())
                .setParameter("seller", lot.sellerId())
                .setParameter("days", windowDays)
                .setParameter("total", linkedTotalMinor)
                .setParameter("threshold", thresholdMinor)
                .setParameter("currency", lot.quote().currency())
                .setParameter("at", at)
                .executeUpdate();
    }

    /**
     * The lot this counter is assaying: the newest ASSAYING lot not held for a supervisor. The station has one
     * counter with one analyser, so the newest weighed lot is the one on the analyser.
     */
    public static Uni<Lot> latestAssaying(Mutiny.QueryProducer queries) {
        return queries.createSelectionQuery(
                        "from Lot where status = :assaying and assay.flags is null order by createdAt desc", Lot.class)
                .setParameter("assaying", LotStatus.ASSAYING)
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    /** Payment attempts of a lot still waiting for the operator: money that may yet move. */
    public Uni<Long> pendingPayments(UUID lotId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT count(*) FROM payment_attempt WHERE lot_id = :lot AND status = 'PENDING'",
                                Long.class)
                        .setParameter("lot", lotId)
                        .getSingleResult());
    }
}
