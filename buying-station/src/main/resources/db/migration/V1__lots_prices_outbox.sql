-- The station's own records. Nothing is ever deleted: a lot moves QUOTED -> PAID (-> VOID by a supervisor),
-- and every paid purchase has its outbox event written in the same transaction.

CREATE TABLE price_tick (
    sequence                 BIGINT PRIMARY KEY,
    status                   TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    suspended_reason         TEXT,
    published_at             TIMESTAMPTZ NOT NULL,
    valid_from               TIMESTAMPTZ NOT NULL,
    valid_until              TIMESTAMPTZ NOT NULL,
    source_name              TEXT        NOT NULL,
    simulated                BOOLEAN     NOT NULL,
    spot_usd_per_troy_ounce  NUMERIC(20, 6),
    currency                 CHAR(3),
    currency_exponent        SMALLINT,
    fx_local_per_usd         NUMERIC(24, 8),
    discount_percent         NUMERIC(7, 4),
    royalty_percent          NUMERIC(7, 4),
    fees_percent             NUMERIC(7, 4),
    advance_percent          NUMERIC(7, 4),
    max_tick_age_seconds     BIGINT,
    quote_lock_seconds       BIGINT,
    received_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    payload                  TEXT        NOT NULL,
    CHECK (status = 'SUSPENDED' OR (spot_usd_per_troy_ounce > 0 AND fx_local_per_usd > 0))
);

CREATE TABLE lot (
    id                       UUID PRIMARY KEY,
    status                   TEXT        NOT NULL CHECK (status IN ('QUOTED', 'PAID', 'VOID')),
    seller_id                TEXT        NOT NULL,
    seller_type              TEXT        NOT NULL,
    -- weighing: the legal record of the transaction reading
    reading_id               BIGINT      NOT NULL,
    device_id                TEXT        NOT NULL,
    raw_frame                TEXT        NOT NULL,
    weighed_at               TIMESTAMPTZ NOT NULL,
    gross_grams              NUMERIC     NOT NULL CHECK (gross_grams > 0),  -- scale as the balance reported it
    -- assay
    fineness_per_mille       NUMERIC     NOT NULL CHECK (fineness_per_mille > 0 AND fineness_per_mille <= 1000),
    assay_method             TEXT        NOT NULL,
    -- quote, pinned to one price tick
    tick_sequence            BIGINT      NOT NULL REFERENCES price_tick (sequence),
    fine_grams               NUMERIC(14, 4) NOT NULL,
    spot_usd_per_troy_ounce  NUMERIC(20, 6) NOT NULL,
    spot_usd_per_gram        NUMERIC(24, 10) NOT NULL,
    fx_local_per_usd         NUMERIC(24, 8) NOT NULL,
    local_per_fine_gram      NUMERIC(30, 10) NOT NULL,
    currency                 CHAR(3)     NOT NULL,
    currency_exponent        SMALLINT    NOT NULL,
    gross_value_minor        BIGINT      NOT NULL,
    discount_minor           BIGINT      NOT NULL,
    royalty_minor            BIGINT      NOT NULL,
    fees_minor               BIGINT      NOT NULL,
    net_payable_minor        BIGINT      NOT NULL CHECK (net_payable_minor >= 0),
    advance_minor            BIGINT      NOT NULL,
    retention_minor          BIGINT      NOT NULL,
    quoted_at                TIMESTAMPTZ NOT NULL,
    locked_until             TIMESTAMPTZ NOT NULL,
    -- payment
    station_sequence         BIGINT UNIQUE,
    paid_at                  TIMESTAMPTZ,
    payment_method           TEXT,
    verification_code        TEXT,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    version                  INTEGER     NOT NULL DEFAULT 0,
    CHECK (status = 'QUOTED' OR station_sequence IS NOT NULL)
);

-- Gap-free numbering of paid purchases: incremented inside the payment's transaction, so a rollback leaves no gap
-- and the centre can tell a missing purchase from a quiet station.
CREATE TABLE station_counter (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO station_counter (name, value) VALUES ('purchase', 0);

CREATE TABLE outbox_event (
    id            BIGSERIAL PRIMARY KEY,
    aggregate_id  UUID        NOT NULL,
    event_type    TEXT        NOT NULL,
    message_key   TEXT        NOT NULL,
    payload       TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at       TIMESTAMPTZ,
    attempts      INTEGER     NOT NULL DEFAULT 0,
    last_error    TEXT
);
CREATE INDEX outbox_event_unsent ON outbox_event (id) WHERE sent_at IS NULL;
