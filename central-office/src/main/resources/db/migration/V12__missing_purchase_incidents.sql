-- A station numbers its purchases without gaps, so positions missing below the newest purchase the reserve holds are
-- purchases paid at the station that never reached the centre (lost, held back, or deleted from its outbox). The
-- reserve alone shows them, whatever the station's heartbeat says: one MISSING_PURCHASE incident per run of missing
-- positions (missing_from to missing_to), resolved by the centre itself once they have all arrived.
ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS', 'REVERSAL', 'MISSING_PURCHASE'));
ALTER TABLE integrity_incident ADD COLUMN missing_from BIGINT;
ALTER TABLE integrity_incident ADD COLUMN missing_to BIGINT;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_missing_range CHECK
    ((kind = 'MISSING_PURCHASE') = (missing_from IS NOT NULL AND missing_to IS NOT NULL)
     AND (missing_from IS NULL OR 1 <= missing_from AND missing_from <= missing_to));
-- a position is reported once: a second watch (another instance of the centre) cannot open the same run twice
CREATE UNIQUE INDEX integrity_incident_missing ON integrity_incident (station_id, missing_from)
    WHERE kind = 'MISSING_PURCHASE';
-- the watch reads only the purchases that arrived since its last round
CREATE INDEX purchase_ingested_at ON purchase (ingested_at);
