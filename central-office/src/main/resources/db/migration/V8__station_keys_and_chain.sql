-- The registry of station keys: a station's purchases count only when signed by a key registered here for it.
-- Registering a key (or rotating: registering the next one) and revoking one each take two different treasury users;
-- the CHECKs hold that even against someone writing to this database directly. A key, once registered, is never
-- deleted: purchases it signed stay verifiable.
CREATE TABLE station_key (
    key_id                  TEXT PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{16}$'),
    station_id              TEXT        NOT NULL CHECK (station_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
    region                  TEXT        NOT NULL,
    public_key              TEXT        NOT NULL UNIQUE,
    status                  TEXT        NOT NULL
        CHECK (status IN ('PROPOSED', 'ACTIVE', 'RETIRED', 'REVOKED')),
    proposed_by             TEXT        NOT NULL,
    proposed_at             TIMESTAMPTZ NOT NULL,
    proposal_reason         TEXT        NOT NULL,
    approved_by             TEXT,
    approved_at             TIMESTAMPTZ,
    retired_at              TIMESTAMPTZ,
    revocation_proposed_by  TEXT,
    revocation_proposed_at  TIMESTAMPTZ,
    revocation_reason       TEXT,
    revoked_by              TEXT,
    revoked_at              TIMESTAMPTZ,
    CHECK (approved_by IS NULL OR approved_by <> proposed_by),
    CHECK (status = 'PROPOSED' OR approved_by IS NOT NULL),
    CHECK (revoked_by IS NULL OR revoked_by <> revocation_proposed_by),
    CHECK (status <> 'REVOKED' OR (revoked_by IS NOT NULL AND revocation_proposed_by IS NOT NULL))
);
-- One key signs a station's new purchases at a time; a rotated-out key is RETIRED (its purchases still in flight count).
CREATE UNIQUE INDEX station_key_one_active ON station_key (station_id) WHERE status = 'ACTIVE';
CREATE INDEX station_key_station ON station_key (station_id);

-- Each purchase's place in its station's chain (purchase-event/2): the key that signed it, the chain hash of the
-- purchase before it as it names it, and its own chain hash (for version-1 purchases too, so a chain can start after).
ALTER TABLE purchase ADD COLUMN station_key_id TEXT;
ALTER TABLE purchase ADD COLUMN previous_hash TEXT;
ALTER TABLE purchase ADD COLUMN chain_hash TEXT;

ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS'));
