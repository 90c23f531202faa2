-- A paid purchase undone at its station (counterfeit gold found, a payment that bounced), by a signed reversal that
-- two supervisors decided. The purchase stays in the ledger, marked reversed; the reserve no longer counts it.
CREATE TABLE purchase_reversal (
    purchase_id     UUID PRIMARY KEY REFERENCES purchase (purchase_id),
    event_id        UUID        NOT NULL,
    station_id      TEXT        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('COUNTERFEIT', 'PAYMENT_FAILED', 'OTHER')),
    note            TEXT        NOT NULL,
    proposed_by     TEXT        NOT NULL,
    approved_by     TEXT        NOT NULL CHECK (approved_by <> proposed_by),
    reversed_at     TIMESTAMPTZ NOT NULL,
    station_key_id  TEXT        NOT NULL,
    payload         TEXT        NOT NULL,
    ingested_at     TIMESTAMPTZ NOT NULL
);

-- What the reserve counts: every purchase not reversed.
CREATE VIEW reserve_purchase AS
    SELECT p.* FROM purchase p
    WHERE NOT EXISTS (SELECT 1 FROM purchase_reversal r WHERE r.purchase_id = p.purchase_id);

ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS', 'REVERSAL'));
