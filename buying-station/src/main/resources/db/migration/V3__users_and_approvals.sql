-- Counter accounts. Passwords are bcrypt hashes; accounts are deactivated, never deleted.
CREATE TABLE station_user (
    username       TEXT PRIMARY KEY CHECK (username ~ '^[a-z0-9._-]{3,40}$'),
    display_name   TEXT        NOT NULL,
    password_hash  TEXT        NOT NULL,
    role           TEXT        NOT NULL CHECK (role IN ('CLERK', 'SUPERVISOR')),
    active         BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who did what to a lot, and the approvals a lot needs before it may be paid.
ALTER TABLE lot ADD COLUMN created_by TEXT;
ALTER TABLE lot ADD COLUMN paid_by TEXT;
ALTER TABLE lot ADD COLUMN approval_reasons TEXT;
ALTER TABLE lot ADD COLUMN approved_by TEXT;
ALTER TABLE lot ADD COLUMN approved_at TIMESTAMPTZ;
ALTER TABLE lot ADD CONSTRAINT lot_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by);

-- Linked transactions over the AML threshold (same seller, rolling window), kept for reporting.
CREATE TABLE aml_record (
    id                   BIGSERIAL PRIMARY KEY,
    lot_id               UUID        NOT NULL REFERENCES lot (id),
    seller_id            TEXT        NOT NULL,
    window_days          INTEGER     NOT NULL,
    linked_total_minor   BIGINT      NOT NULL,
    threshold_minor      BIGINT      NOT NULL,
    currency             CHAR(3)     NOT NULL,
    recorded_at          TIMESTAMPTZ NOT NULL
);
