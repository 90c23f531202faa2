-- An incident is resolved with four eyes: one treasury user proposes the resolution with a note, another confirms it.
ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_status_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_status_check
    CHECK (status IN ('OPEN', 'RESOLUTION_PROPOSED', 'RESOLVED'));
ALTER TABLE integrity_incident ADD COLUMN resolution_note TEXT;
ALTER TABLE integrity_incident ADD COLUMN proposed_by TEXT;
ALTER TABLE integrity_incident ADD COLUMN proposed_at TIMESTAMPTZ;
ALTER TABLE integrity_incident ADD COLUMN resolved_by TEXT;
ALTER TABLE integrity_incident ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_four_eyes CHECK (resolved_by IS NULL OR resolved_by <> proposed_by);
DROP INDEX integrity_incident_open;
CREATE INDEX integrity_incident_open ON integrity_incident (station_id) WHERE status <> 'RESOLVED';
