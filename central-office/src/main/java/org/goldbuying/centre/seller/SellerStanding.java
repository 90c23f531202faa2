package org.goldbuying.centre.seller;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.common.ProposalSeen;
import org.goldbuying.contracts.SellerRecord;

/**
 * A seller's national standing (blocked at every counter, or not), changed with four eyes: one compliance officer
 * proposes with the reason, another approves the proposal they read. The approved change is kept in the seller's
 * standing history and published to every station in the same transaction.
 */
@ApplicationScoped
public class SellerStanding {
    private final Pool database;
    private final SellerRegister register;
    private final Clock clock;

    public SellerStanding(Pool database, SellerRegister register, Clock clock) {
        this.database = database;
        this.register = register;
        this.clock = clock;
    }

    /** Proposes blocking (with the reason the counters will show) or unblocking a seller. */
    public Uni<Void> propose(UUID sellerId, SellerRecord.Status status, String reason, String by) {
        return database.withTransaction(connection -> connection
                .preparedQuery("SELECT status, proposed_by FROM national_seller WHERE seller_id = $1 FOR UPDATE")
                .execute(Tuple.of(sellerId))
                .chain(rows -> {
                    Row seller =
                            existing(rows.iterator().hasNext() ? rows.iterator().next() : null, sellerId);
                    if (seller.getString("proposed_by") != null) {
                        throw new CentreException(
                                CentreError.ALREADY_DECIDED,
                                "A change of this seller's standing, proposed by " + seller.getString("proposed_by")
                                        + ", is waiting: another officer approves it, or its proposer withdraws it.");
                    }
                    if (status.name().equals(seller.getString("status"))) {
                        throw new CentreException(
                                CentreError.ALREADY_DECIDED,
                                "The seller is " + status.name().toLowerCase() + " already.");
                    }
                    return connection
                            .preparedQuery("UPDATE national_seller SET proposed_status = $2, proposed_reason = $3,"
                                    + " proposed_by = $4, proposed_at = $5 WHERE seller_id = $1")
                            .execute(Tuple.of(sellerId, status.name(), reason, by, now()));
                })
                .replaceWithVoid());
    }

    /**
     * Approves the pending proposal the approver read (not their own): the seller's standing changes, the change is
     * kept in the history, and the new record goes to every station.
     */
    public Uni<Void> approve(UUID sellerId, ProposalSeen seen, String by) {
        return database.withTransaction(connection -> pending(connection, sellerId, seen)
                .chain(proposal -> {
                    if (by.equals(proposal.getString("proposed_by"))) {
                        throw new CentreException(
                                CentreError.SELF_APPROVAL,
                                "You proposed this change: a different compliance officer approves it (four eyes).");
                    }
                    OffsetDateTime now = now();
                    return connection
                            .preparedQuery("INSERT INTO national_seller_standing (seller_id, status, reason,"
                                    + " proposed_by, proposed_at, decided_by, decided_at)"
                                    + " SELECT seller_id, proposed_status, proposed_reason, proposed_by, proposed_at,"
                                    + " $2, $3 FROM national_seller WHERE seller_id = $1")
                            .execute(Tuple.of(sellerId, by, now))
                            .chain(() -> connection
                                    .preparedQuery("UPDATE national_seller SET status = proposed_status,"
                                            + " status_reason = CASE WHEN proposed_status = 'BLOCKED'"
                                            + " THEN proposed_reason END, proposed_status = NULL,"
                                            + " proposed_reason = NULL, proposed_by = NULL, proposed_at = NULL,"
                                            + " revision = revision + 1,"
                                            + " updated_at = $2 WHERE seller_id = $1")
                                    .execute(Tuple.of(sellerId, now)))
                            .chain(() -> register.publish(connection, sellerId, now));
                }));
    }

    /**
     * Withdraws one's own pending proposal: the standing stays as it was. Only its proposer may: anyone else could
     * otherwise stop, alone, a block two colleagues would carry (another officer who disagrees does not approve it).
     */
    public Uni<Void> withdraw(UUID sellerId, ProposalSeen seen, String by) {
        return database.withTransaction(connection -> pending(connection, sellerId, seen)
                .chain(proposal -> {
                    if (!by.equals(proposal.getString("proposed_by"))) {
                        throw new CentreException(
                                CentreError.NOT_THE_PROPOSER,
                                "Only " + proposal.getString("proposed_by") + ", who proposed this change, can withdraw"
                                        + " it: approve it, or leave it for them.");
                    }
                    return connection
                            .preparedQuery("UPDATE national_seller SET proposed_status = NULL, proposed_reason = NULL,"
                                    + " proposed_by = NULL, proposed_at = NULL"
                                    + " WHERE seller_id = $1 AND proposed_by = $2")
                            .execute(Tuple.of(sellerId, by));
                })
                .replaceWithVoid());
    }

    /** The pending proposal, locked, if it is the one the decision names; else a refusal that says what changed. */
    private static Uni<Row> pending(SqlConnection connection, UUID sellerId, ProposalSeen seen) {
        return connection
                .preparedQuery("SELECT proposed_status, proposed_reason, proposed_by, proposed_at FROM national_seller"
                        + " WHERE seller_id = $1 FOR UPDATE")
                .execute(Tuple.of(sellerId))
                .map(rows -> {
                    Row row =
                            existing(rows.iterator().hasNext() ? rows.iterator().next() : null, sellerId);
                    if (row.getString("proposed_by") == null) {
                        throw new CentreException(
                                CentreError.PROPOSAL_CHANGED,
                                "No change of this seller's standing is pending: it was decided or withdrawn."
                                        + " Reload the seller.");
                    }
                    if (!seen.is(row.getString("proposed_by"), row.getOffsetDateTime("proposed_at"))) {
                        throw new CentreException(
                                CentreError.PROPOSAL_CHANGED,
                                "The proposal pending now is not the one you decided on: "
                                        + row.getString("proposed_by")
                                        + " proposed " + row.getString("proposed_status") + " (\""
                                        + row.getString("proposed_reason") + "\"). Read it, then decide.");
                    }
                    return row;
                });
    }

    private static Row existing(Row row, UUID sellerId) {
        if (row == null) {
            throw new CentreException(CentreError.NOT_FOUND, "No seller " + sellerId + " in the national register.");
        }
        return row;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
