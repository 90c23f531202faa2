-- A purchase message the centre refused because it cannot be genuine as it stands: its figures do not add up, it
-- reuses a purchase id with other content, or it claims a station sequence number another purchase holds. Kept with
-- the evidence and the message, for the treasury to see and resolve; the message never counts in the reserve.
CREATE TABLE integrity_incident (
    id           BIGSERIAL PRIMARY KEY,
    detected_at  TIMESTAMPTZ NOT NULL,
    kind         TEXT        NOT NULL CHECK (kind IN ('ARITHMETIC', 'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE')),
    station_id   TEXT        NOT NULL,
    purchase_id  UUID,
    evidence     TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED'))
);
CREATE INDEX integrity_incident_open ON integrity_incident (station_id) WHERE status = 'OPEN';
