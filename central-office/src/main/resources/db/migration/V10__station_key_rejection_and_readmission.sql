-- A proposed station key can be rejected (by another treasury user) or withdrawn (by its proposer): it never counts,
-- and the row stays as the record of who proposed and who turned it down. Its public key stays taken: a key that was
-- turned down is not proposed again (the station makes a new one).
ALTER TABLE station_key DROP CONSTRAINT station_key_status_check;
ALTER TABLE station_key ADD CONSTRAINT station_key_status_check
    CHECK (status IN ('PROPOSED', 'ACTIVE', 'RETIRED', 'REVOKED', 'REJECTED'));
-- V8's CHECK (status = 'PROPOSED' OR approved_by IS NOT NULL), named by PostgreSQL: a rejected key was never approved
ALTER TABLE station_key DROP CONSTRAINT station_key_check1;
ALTER TABLE station_key ADD CONSTRAINT station_key_approved
    CHECK (status IN ('PROPOSED', 'REJECTED') OR approved_by IS NOT NULL);
ALTER TABLE station_key ADD COLUMN rejected_by TEXT;
ALTER TABLE station_key ADD COLUMN rejected_at TIMESTAMPTZ;
ALTER TABLE station_key ADD CONSTRAINT station_key_rejection CHECK
    ((status = 'REJECTED') = (rejected_by IS NOT NULL AND rejected_at IS NOT NULL) AND
     (status <> 'REJECTED' OR approved_by IS NULL));

-- Open refusals for a key not (yet) approved, by station: what UnregisteredKeyReadmission reads every few seconds.
CREATE INDEX integrity_incident_unregistered_key ON integrity_incident (station_id)
    WHERE kind = 'UNREGISTERED_KEY' AND status = 'OPEN';
