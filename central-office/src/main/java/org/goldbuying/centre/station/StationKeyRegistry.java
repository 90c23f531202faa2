package org.goldbuying.centre.station;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.goldbuying.centre.common.CentreError;
import org.goldbuying.centre.common.CentreException;
import org.goldbuying.centre.common.ProposalSeen;
import org.goldbuying.contracts.StationPublicKey;

/**
 * The registry of station keys (docs/architecture.md, "Keys and trust"). One treasury user proposes a station's key
 * (its first, or the next one: a rotation) and another approves it; one proposes revoking a key and another confirms.
 * Until approved a key counts nothing; once revoked, nothing more it signs counts. Every decision is guarded by the
 * state it was made on, so two people deciding at once cannot both win.
 */
@ApplicationScoped
public class StationKeyRegistry {
    private static final String COLUMNS = "key_id, station_id, region, public_key, status, proposed_by, proposed_at,"
            + " proposal_reason, approved_by, approved_at, retired_at, revocation_proposed_by, revocation_proposed_at,"
            + " revocation_reason, revoked_by, revoked_at, rejected_by, rejected_at, rejection_reason";

    private final Pool database;
    private final Clock clock;

    public StationKeyRegistry(Pool database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A registered (or proposed) key, with who did what to it. */
    public record StationKey(
            String keyId,
            String stationId,
            String region,
            String publicKey,
            String status,
            String proposedBy,
            OffsetDateTime proposedAt,
            String proposalReason,
            String approvedBy,
            OffsetDateTime approvedAt,
            OffsetDateTime retiredAt,
            String revocationProposedBy,
            OffsetDateTime revocationProposedAt,
            String revocationReason,
            String revokedBy,
            OffsetDateTime revokedAt,
            String rejectedBy,
            OffsetDateTime rejectedAt,
            String rejectionReason) {

        static StationKey of(Row row) {
            return new StationKey(
                    row.getString("key_id"),
                    row.getString("station_id"),
                    row.getString("region"),
                    row.getString("public_key"),
                    row.getString("status"),
                    row.getString("proposed_by"),
                    row.getOffsetDateTime("proposed_at"),
                    row.getString("proposal_reason"),
                    row.getString("approved_by"),
                    row.getOffsetDateTime("approved_at"),
                    row.getOffsetDateTime("retired_at"),
                    row.getString("revocation_proposed_by"),
                    row.getOffsetDateTime("revocation_proposed_at"),
                    row.getString("revocation_reason"),
                    row.getString("revoked_by"),
                    row.getOffsetDateTime("revoked_at"),
                    row.getString("rejected_by"),
                    row.getOffsetDateTime("rejected_at"),
                    row.getString("rejection_reason"));
        }

        /** The key with this id among a station's keys, if there. */
        public static Optional<StationKey> among(List<StationKey> stationKeys, String keyId) {
            return stationKeys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
        }

        /**
         * The keys of the station approved after this one, when this one is retired (only a retired key has
         * successors); none otherwise.
         */
        public List<StationKey> successorsAmong(List<StationKey> stationKeys) {
            if (!"RETIRED".equals(status) || approvedAt == null) {
                return List.of();
            }
            return stationKeys.stream()
                    .filter(k -> k.approvedAt() != null && k.approvedAt().isAfter(approvedAt))
                    .toList();
        }

        /** Proposed, or proposed and turned down: a key that never counted. */
        public boolean neverApproved() {
            return "PROPOSED".equals(status) || "REJECTED".equals(status);
        }
    }

    public Uni<List<StationKey>> all() {
        return database.query("SELECT " + COLUMNS + " FROM station_key ORDER BY station_id, proposed_at")
                .execute()
                .map(StationKeyRegistry::keys);
    }

    /** Every key of these stations, whatever its status: what the ingest needs to judge a batch. */
    public Uni<List<StationKey>> ofStations(String[] stationIds) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM station_key WHERE station_id = ANY($1)")
                .execute(Tuple.of(stationIds))
                .map(StationKeyRegistry::keys);
    }

    private static List<StationKey> keys(Iterable<Row> rows) {
        List<StationKey> keys = new ArrayList<>();
        for (Row row : rows) {
            keys.add(StationKey.of(row));
        }
        return keys;
    }

    /** Proposes a key for a station: its first, or its next (a rotation, once approved). */
    public Uni<StationKey> propose(String stationId, String region, String publicKeyText, String reason, String by) {
        StationPublicKey key;
        try {
            key = StationPublicKey.parse(publicKeyText);
        } catch (IllegalArgumentException e) {
            throw new CentreException(CentreError.BAD_REQUEST, "The public key cannot be used: " + e.getMessage());
        }
        return database.preparedQuery("INSERT INTO station_key (key_id, station_id, region, public_key, status,"
                        + " proposed_by, proposed_at, proposal_reason) VALUES ($1, $2, $3, $4, 'PROPOSED', $5, $6, $7)"
                        + " RETURNING " + COLUMNS)
                .execute(Tuple.from(List.of(key.keyId(), stationId, region, key.text(), by, now(), reason)))
                .map(rows -> StationKey.of(rows.iterator().next()))
                .onFailure(PgException.class)
                .transform(failure -> "23505".equals(((PgException) failure).getSqlState())
                        ? new CentreException(
                                CentreError.ALREADY_DECIDED,
                                "Key " + key.keyId() + " was proposed already; a key belongs to one station, once (one"
                                        + " that was turned down is not proposed again: make a new one).")
                        : failure);
    }

    /**
     * Approves a proposed key (a different user than the proposer): it signs the station's purchases from now on, and
     * the station's previous key, if any, is retired (what it signed still counts).
     */
    public Uni<StationKey> approve(String keyId, String by) {
        return database.withTransaction(connection -> connection
                        .preparedQuery("SELECT " + COLUMNS + " FROM station_key WHERE key_id = $1 FOR UPDATE")
                        .execute(Tuple.of(keyId))
                        .chain(rows -> {
                            StationKey key = existing(rows, keyId);
                            if (!"PROPOSED".equals(key.status())) {
                                throw decided(key, "only a proposed key can be approved");
                            }
                            if (by.equals(key.proposedBy())) {
                                throw new CentreException(
                                        CentreError.SELF_APPROVAL,
                                        "You proposed this key: a different treasury user approves it (four eyes).");
                            }
                            OffsetDateTime now = now();
                            return connection
                                    .preparedQuery("UPDATE station_key SET status = 'RETIRED', retired_at = $2"
                                            + " WHERE station_id = $1 AND status = 'ACTIVE'")
                                    .execute(Tuple.of(key.stationId(), now))
                                    .chain(() -> connection
                                            .preparedQuery("UPDATE station_key SET status = 'ACTIVE', approved_by = $2,"
                                                    + " approved_at = $3 WHERE key_id = $1 AND status = 'PROPOSED'"
                                                    + " RETURNING " + COLUMNS)
                                            .execute(Tuple.of(keyId, by, now)))
                                    .map(updated ->
                                            StationKey.of(updated.iterator().next()));
                        }))
                // two approvals for one station at once: the unique index keeps one active key, the other is refused
                .onFailure(PgException.class)
                .transform(failure -> "23505".equals(((PgException) failure).getSqlState())
                        ? new CentreException(
                                CentreError.ALREADY_DECIDED,
                                "Another key of this station was approved at the same moment; reload and check.")
                        : failure);
    }

    /**
     * Turns a proposed key down: rejected by another treasury user, or withdrawn by its proposer (one person is enough:
     * it takes trust away, never gives it), with the reason. The key never counts, and cannot be proposed again.
     */
    public Uni<StationKey> reject(String keyId, String reason, String by) {
        return change(
                keyId,
                "UPDATE station_key SET status = 'REJECTED', rejected_by = $2, rejected_at = $3, rejection_reason = $4"
                        + " WHERE key_id = $1 AND status = 'PROPOSED' RETURNING " + COLUMNS,
                Tuple.of(keyId, by, now(), reason),
                "only a proposed key can be rejected or withdrawn");
    }

    /** Proposes revoking a key (it keeps counting until another user confirms). */
    public Uni<StationKey> proposeRevocation(String keyId, String reason, String by) {
        return change(
                keyId,
                "UPDATE station_key SET revocation_proposed_by = $2, revocation_proposed_at = $3,"
                        + " revocation_reason = $4 WHERE key_id = $1 AND status IN ('ACTIVE', 'RETIRED')"
                        + " AND revocation_proposed_by IS NULL RETURNING " + COLUMNS,
                Tuple.of(keyId, by, now(), reason),
                "only an approved key without a pending revocation can be proposed for revocation");
    }

    /** Confirms a proposed revocation (a different user than the proposer): nothing more the key signs counts. */
    public Uni<StationKey> confirmRevocation(String keyId, ProposalSeen seen, String by) {
        return revocationOf(keyId).chain(revocation -> {
            if (revocation.proposedBy() == null) {
                throw new CentreException(
                        CentreError.PROPOSAL_CHANGED,
                        "No revocation of key " + keyId + " is pending: it was withdrawn. Reload the key list.");
            }
            if (!seen.is(revocation.proposedBy(), revocation.proposedAt())) {
                // a stale page must not confirm a proposal its reader never saw (withdrawn, then proposed again)
                throw new CentreException(
                        CentreError.PROPOSAL_CHANGED,
                        "The revocation pending now is not the one you confirmed: " + revocation.proposedBy()
                                + " proposed it at " + revocation.proposedAt() + " (\"" + revocation.reason()
                                + "\"). Read it, then confirm that one.");
            }
            if (by.equals(revocation.proposedBy())) {
                throw new CentreException(
                        CentreError.SELF_APPROVAL,
                        "You proposed this revocation: a different treasury user confirms it (four eyes).");
            }
            return change(
                    keyId,
                    "UPDATE station_key SET status = 'REVOKED', revoked_by = $2, revoked_at = $3"
                            + " WHERE key_id = $1 AND revocation_proposed_by = $4 AND revocation_proposed_at = $5"
                            + " AND status IN ('ACTIVE', 'RETIRED') RETURNING " + COLUMNS,
                    Tuple.of(keyId, by, now(), revocation.proposedBy(), revocation.proposedAt()),
                    "the revocation was withdrawn or replaced meanwhile: reload the key list");
        });
    }

    /**
     * Withdraws a revocation its proposer no longer wants, with the reason: the key counts as before, a new revocation
     * can be proposed, and the withdrawn proposal is kept (station_key_revocation_withdrawal). Only the proposer may:
     * anyone else could otherwise stop, alone, a revocation that two colleagues would carry.
     */
    public Uni<StationKey> withdrawRevocation(String keyId, String reason, String by) {
        return revocationOf(keyId).chain(revocation -> {
            String proposer = revocation.proposedBy();
            if ("REVOKED".equals(revocation.keyStatus())) {
                throw new CentreException(
                        CentreError.ALREADY_DECIDED,
                        "Key " + keyId + " is revoked: its revocation can no longer be withdrawn.");
            }
            if (proposer != null && !proposer.equals(by)) {
                throw new CentreException(
                        CentreError.NOT_THE_PROPOSER,
                        "Only " + proposer + ", who proposed this revocation, can withdraw it: confirm it,"
                                + " or leave it for them.");
            }
            return change(
                    keyId,
                    WITHDRAW_REVOCATION,
                    Tuple.of(keyId, by, now(), reason),
                    "only a pending revocation can be withdrawn");
        });
    }

    /** A key's status and its pending revocation proposal (nulls when none): what a decision on it checks. */
    private record Revocation(String keyStatus, String proposedBy, OffsetDateTime proposedAt, String reason) {}

    private Uni<Revocation> revocationOf(String keyId) {
        return database.preparedQuery("SELECT status, revocation_proposed_by, revocation_proposed_at, revocation_reason"
                        + " FROM station_key WHERE key_id = $1")
                .execute(Tuple.of(keyId))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new CentreException(CentreError.NOT_FOUND, "No station key " + keyId + ".");
                    }
                    Row row = rows.iterator().next();
                    return new Revocation(
                            row.getString("status"),
                            row.getString("revocation_proposed_by"),
                            row.getOffsetDateTime("revocation_proposed_at"),
                            row.getString("revocation_reason"));
                });
    }

    /** The pending proposal, kept in its own table, then cleared from the key; one statement, so both or neither. */
    private static final String WITHDRAW_REVOCATION = """
            WITH proposal AS (
                SELECT key_id, revocation_proposed_by, revocation_proposed_at, revocation_reason FROM station_key
                WHERE key_id = $1 AND status IN ('ACTIVE', 'RETIRED') AND revocation_proposed_by = $2 FOR UPDATE),
            kept AS (
                INSERT INTO station_key_revocation_withdrawal (key_id, proposed_by, proposed_at, revocation_reason,
                    withdrawn_by, withdrawn_at, withdrawal_reason)
                SELECT key_id, revocation_proposed_by, revocation_proposed_at, revocation_reason, $2, $3, $4
                FROM proposal)
            UPDATE station_key SET revocation_proposed_by = NULL, revocation_proposed_at = NULL,
                revocation_reason = NULL
            WHERE key_id = (SELECT key_id FROM proposal) RETURNING\s""" + COLUMNS;

    /** Every revocation proposal withdrawn by its proposer, newest first: part of the keys' audit trail. */
    public Uni<List<WithdrawnRevocation>> withdrawnRevocations() {
        return database.query(
                        "SELECT key_id, proposed_by, proposed_at, revocation_reason, withdrawn_at, withdrawal_reason"
                                + " FROM station_key_revocation_withdrawal ORDER BY withdrawn_at DESC, id DESC")
                .execute()
                .map(rows -> {
                    List<WithdrawnRevocation> withdrawn = new ArrayList<>();
                    for (Row row : rows) {
                        withdrawn.add(new WithdrawnRevocation(
                                row.getString("key_id"),
                                row.getString("proposed_by"),
                                row.getOffsetDateTime("proposed_at"),
                                row.getString("revocation_reason"),
                                row.getOffsetDateTime("withdrawn_at"),
                                row.getString("withdrawal_reason")));
                    }
                    return withdrawn;
                });
    }

    /** A revocation proposal its proposer withdrew: what was proposed, when, why, and why it was withdrawn. */
    public record WithdrawnRevocation(
            String keyId,
            String proposedBy,
            OffsetDateTime proposedAt,
            String revocationReason,
            OffsetDateTime withdrawnAt,
            String withdrawalReason) {}

    private Uni<StationKey> change(String keyId, String statement, Tuple arguments, String rule) {
        return database.preparedQuery(statement).execute(arguments).chain(rows -> {
            if (rows.rowCount() == 1) {
                return Uni.createFrom().item(StationKey.of(rows.iterator().next()));
            }
            return database.preparedQuery("SELECT " + COLUMNS + " FROM station_key WHERE key_id = $1")
                    .execute(Tuple.of(keyId))
                    .map(found -> {
                        throw decided(existing(found, keyId), rule);
                    });
        });
    }

    private static StationKey existing(Iterable<Row> rows, String keyId) {
        var it = rows.iterator();
        if (!it.hasNext()) {
            throw new CentreException(CentreError.NOT_FOUND, "No station key " + keyId + ".");
        }
        return StationKey.of(it.next());
    }

    private static CentreException decided(StationKey key, String rule) {
        String state = key.status().toLowerCase()
                + (key.revocationProposedBy() != null && !"REVOKED".equals(key.status())
                        ? " with a revocation proposed by " + key.revocationProposedBy()
                        : "");
        return new CentreException(
                CentreError.ALREADY_DECIDED, "Key " + key.keyId() + " is " + state + ": " + rule + ".");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
