-- A paid purchase undone after the fact (counterfeit gold found, a payment that bounced): proposed by one supervisor,
-- approved by another, and sent to the centre as a signed reversal event in the approval's transaction. The lot stays
-- PAID with every figure; the reversal says who undid it and why. One reversal per lot.
CREATE TABLE purchase_reversal (
    lot_id       UUID PRIMARY KEY REFERENCES lot (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('COUNTERFEIT', 'PAYMENT_FAILED', 'OTHER')),
    note         TEXT        NOT NULL CHECK (length(note) BETWEEN 10 AND 500),
    proposed_by  TEXT        NOT NULL,
    proposed_at  TIMESTAMPTZ NOT NULL,
    approved_by  TEXT,
    approved_at  TIMESTAMPTZ,
    CHECK (approved_by IS NULL OR approved_by <> proposed_by),
    CHECK ((approved_by IS NULL) = (approved_at IS NULL))
);
