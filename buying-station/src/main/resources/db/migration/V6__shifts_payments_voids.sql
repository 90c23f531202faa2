-- Shifts and the cash drawer, payment attempts (cash, mobile money, bank transfer) and voids. Nothing here is ever
-- deleted: a shift moves OPEN -> COUNTED -> CLOSED, every cash movement is its own row, every payment attempt (also
-- a failed one) stays, and a voided lot keeps every figure with who voided it and why.

-- One clerk's shift at the counter. The float is what the clerk counted into the drawer at the start; at the end
-- the clerk counts cash and gold, the station records its own figures beside them and the differences, and a
-- supervisor who is not the clerk signs the count off.
CREATE TABLE shift (
    id                        UUID PRIMARY KEY,
    clerk                     TEXT        NOT NULL REFERENCES station_user (username),
    status                    TEXT        NOT NULL CHECK (status IN ('OPEN', 'COUNTED', 'CLOSED')),
    currency                  CHAR(3)     NOT NULL,
    float_minor               BIGINT      NOT NULL CHECK (float_minor >= 0),
    opened_at                 TIMESTAMPTZ NOT NULL,
    counted_at                TIMESTAMPTZ,
    counted_cash_minor        BIGINT CHECK (counted_cash_minor >= 0),
    counted_gold_grams        NUMERIC CHECK (counted_gold_grams >= 0),
    expected_cash_minor       BIGINT,
    expected_gold_grams       NUMERIC,
    cash_difference_minor     BIGINT,
    gold_difference_grams     NUMERIC,
    signed_off_by             TEXT REFERENCES station_user (username),
    closed_at                 TIMESTAMPTZ,
    version                   INTEGER     NOT NULL DEFAULT 0,
    CONSTRAINT shift_count_complete CHECK (status = 'OPEN' OR (counted_at IS NOT NULL
        AND counted_cash_minor IS NOT NULL AND counted_gold_grams IS NOT NULL AND expected_cash_minor IS NOT NULL
        AND expected_gold_grams IS NOT NULL AND cash_difference_minor IS NOT NULL
        AND gold_difference_grams IS NOT NULL)),
    CONSTRAINT shift_signed_off CHECK (status <> 'CLOSED' OR (signed_off_by IS NOT NULL AND closed_at IS NOT NULL)),
    CONSTRAINT shift_four_eyes CHECK (signed_off_by IS NULL OR signed_off_by <> clerk)
);
-- A clerk has one drawer: at most one shift not yet closed.
CREATE UNIQUE INDEX shift_one_active_per_clerk ON shift (clerk) WHERE status <> 'CLOSED';

-- Every movement of cash in or out of a shift's drawer, signed (+ in, - out). The drawer's balance is their sum.
CREATE TABLE drawer_movement (
    id            BIGSERIAL PRIMARY KEY,
    shift_id      UUID        NOT NULL REFERENCES shift (id),
    kind          TEXT        NOT NULL CHECK (kind IN ('FLOAT', 'CASH_PAYMENT')),
    amount_minor  BIGINT      NOT NULL,
    lot_id        UUID REFERENCES lot (id),
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    CHECK ((kind = 'FLOAT' AND amount_minor >= 0 AND lot_id IS NULL)
        OR (kind = 'CASH_PAYMENT' AND amount_minor < 0 AND lot_id IS NOT NULL)),
    -- a lot is paid out of a drawer at most once
    UNIQUE (lot_id)
);
CREATE INDEX drawer_movement_shift ON drawer_movement (shift_id);

-- Every attempt to pay a lot. Mobile money goes PENDING -> CONFIRMED | FAILED at the operator, under the
-- idempotency key (the lot id), so a retry never pays twice; cash and bank transfer are CONFIRMED at once.
CREATE TABLE payment_attempt (
    id                 UUID PRIMARY KEY,
    lot_id             UUID        NOT NULL REFERENCES lot (id),
    attempt            INTEGER     NOT NULL CHECK (attempt > 0),
    method             TEXT        NOT NULL CHECK (method IN ('CASH', 'MOBILE_MONEY', 'BANK_TRANSFER')),
    status             TEXT        NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'FAILED')),
    amount_minor       BIGINT      NOT NULL CHECK (amount_minor >= 0),
    currency           CHAR(3)     NOT NULL,
    idempotency_key    TEXT,
    payee              TEXT,
    reference          TEXT,
    failure_reason     TEXT,
    shift_id           UUID REFERENCES shift (id),
    requested_by       TEXT        NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    settled_at         TIMESTAMPTZ,
    version            INTEGER     NOT NULL DEFAULT 0,
    UNIQUE (lot_id, attempt),
    CHECK (method <> 'BANK_TRANSFER' OR reference IS NOT NULL),
    CHECK (method <> 'MOBILE_MONEY' OR idempotency_key IS NOT NULL),
    CHECK (status <> 'FAILED' OR failure_reason IS NOT NULL)
);
-- Money for a lot is in flight or paid at most once: never two live attempts.
CREATE UNIQUE INDEX payment_attempt_one_live ON payment_attempt (lot_id) WHERE status IN ('PENDING', 'CONFIRMED');
CREATE INDEX payment_attempt_shift ON payment_attempt (shift_id) WHERE status = 'CONFIRMED';

-- The reference the lot was paid with (bank transfer reference, mobile-money operator reference).
ALTER TABLE lot ADD COLUMN payment_reference TEXT;

-- Voids: only by a supervisor, with a reason; an unpaid (QUOTED) lot only, so a void has no station sequence.
ALTER TABLE lot ADD COLUMN void_reason TEXT;
ALTER TABLE lot ADD COLUMN voided_by TEXT;
ALTER TABLE lot ADD COLUMN voided_at TIMESTAMPTZ;
ALTER TABLE lot DROP CONSTRAINT lot_paid_numbered;
ALTER TABLE lot ADD CONSTRAINT lot_paid_numbered CHECK (status <> 'PAID' OR station_sequence IS NOT NULL);
ALTER TABLE lot ADD CONSTRAINT lot_void_explained CHECK (status <> 'VOID' OR (void_reason IS NOT NULL
    AND voided_by IS NOT NULL AND voided_at IS NOT NULL AND station_sequence IS NULL));
