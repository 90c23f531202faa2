-- A station numbers its purchases without gaps, so positions missing below the newest purchase the reserve holds are
-- purchases paid at the station that never reached the centre (lost, held back, or deleted from its outbox). The
-- reserve alone shows them, whatever the station's heartbeat says: one MISSING_PURCHASE incident per purchase that
-- arrives above empty positions (missing_from to missing_to, the positions between it and the station's next purchase
-- below), resolved by the centre itself once they have all arrived.
ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS', 'REVERSAL', 'MISSING_PURCHASE'));
ALTER TABLE integrity_incident ADD COLUMN missing_from BIGINT;
ALTER TABLE integrity_incident ADD COLUMN missing_to BIGINT;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_missing_range CHECK
    ((kind = 'MISSING_PURCHASE') = (missing_from IS NOT NULL AND missing_to IS NOT NULL)
     AND (missing_from IS NULL OR 1 <= missing_from AND missing_from <= missing_to));
-- keyed on the purchase above the run (missing_to + 1): each arrival is reported once, also by two centres at once;
-- a later gap is never hidden by an earlier, wider report (a key that signed far ahead cannot blind the watch)
CREATE UNIQUE INDEX integrity_incident_missing ON integrity_incident (station_id, missing_to)
    WHERE kind = 'MISSING_PURCHASE';
-- the watch reads only the purchases that arrived since its last round
CREATE INDEX purchase_ingested_at ON purchase (ingested_at);
