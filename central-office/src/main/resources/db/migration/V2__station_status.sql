-- The latest heartbeat of every station: what the centre knows of stations it cannot see.
CREATE TABLE station_status (
    station_id             TEXT PRIMARY KEY,
    region                 TEXT        NOT NULL,
    last_heartbeat_at      TIMESTAMPTZ NOT NULL,
    received_at            TIMESTAMPTZ NOT NULL,
    interval_seconds       BIGINT      NOT NULL,
    outbox_backlog         BIGINT      NOT NULL,
    oldest_unsent_at       TIMESTAMPTZ,
    last_station_sequence  BIGINT      NOT NULL,
    last_paid_at           TIMESTAMPTZ,
    price_tick_sequence    BIGINT,
    balance_device_id      TEXT        NOT NULL,
    balance_status         TEXT        NOT NULL,
    balance_fault          TEXT,
    balance_verification_expiry DATE   NOT NULL,
    payload                TEXT        NOT NULL
);

CREATE INDEX purchase_station_sequence ON purchase (station_id, station_sequence);
CREATE INDEX purchase_region ON purchase (region);
