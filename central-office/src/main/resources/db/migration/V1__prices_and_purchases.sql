-- Every official price tick published, with the exact message sent.
CREATE TABLE price_tick (
    sequence                 BIGINT PRIMARY KEY,
    status                   TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    suspended_reason         TEXT,
    published_at             TIMESTAMPTZ NOT NULL,
    valid_until              TIMESTAMPTZ NOT NULL,
    source_name              TEXT        NOT NULL,
    simulated                BOOLEAN     NOT NULL,
    spot_usd_per_troy_ounce  NUMERIC(20, 6),
    currency                 CHAR(3),
    fx_local_per_usd         NUMERIC(24, 8),
    payload                  TEXT        NOT NULL
);

-- The reserve ledger's source: one row per purchase, whatever how often its event arrived.
CREATE TABLE purchase (
    purchase_id              UUID PRIMARY KEY,
    event_id                 UUID        NOT NULL,
    station_id               TEXT        NOT NULL,
    region                   TEXT        NOT NULL,
    station_sequence         BIGINT      NOT NULL,
    paid_at                  TIMESTAMPTZ NOT NULL,
    seller_id                TEXT        NOT NULL,
    seller_type              TEXT        NOT NULL,
    device_id                TEXT        NOT NULL,
    reading_id               BIGINT      NOT NULL,
    gross_grams              NUMERIC(14, 4) NOT NULL CHECK (gross_grams > 0),
    fineness_per_mille       NUMERIC(7, 3)  NOT NULL,
    assay_method             TEXT        NOT NULL,
    fine_grams               NUMERIC(14, 4) NOT NULL CHECK (fine_grams > 0),
    tick_sequence            BIGINT      NOT NULL,
    spot_usd_per_troy_ounce  NUMERIC(20, 6) NOT NULL,
    fx_local_per_usd         NUMERIC(24, 8) NOT NULL,
    currency                 CHAR(3)     NOT NULL,
    currency_exponent        SMALLINT    NOT NULL,
    gross_value_minor        BIGINT      NOT NULL,
    deductions_minor         BIGINT      NOT NULL,
    net_payable_minor        BIGINT      NOT NULL,
    verification_code        TEXT        NOT NULL,
    payload                  TEXT        NOT NULL,
    ingested_at              TIMESTAMPTZ NOT NULL,
    -- a second purchase claiming a station's sequence number is an anomaly: refused, parked, investigated
    UNIQUE (station_id, station_sequence)
);
CREATE INDEX purchase_paid_at ON purchase (paid_at);
