-- Turning a proposed key down takes a written reason, as every other four-eyes decision here does. Rows turned down
-- before this migration have none, so the rule holds for every change from now on (NOT VALID skips the old rows).
ALTER TABLE station_key ADD COLUMN rejection_reason TEXT;
ALTER TABLE station_key ADD CONSTRAINT station_key_rejection_reason
    CHECK (status <> 'REJECTED' OR rejection_reason IS NOT NULL) NOT VALID;

-- A revocation proposal its proposer withdrew, with why: the key's own revocation columns are cleared (so a new
-- proposal can be made), and this row keeps the proposal and its withdrawal. Only the proposer withdraws: anyone
-- else could otherwise stop a revocation that two colleagues would carry, alone.
CREATE TABLE station_key_revocation_withdrawal (
    id                  BIGSERIAL PRIMARY KEY,
    key_id              TEXT        NOT NULL REFERENCES station_key (key_id),
    proposed_by         TEXT        NOT NULL,
    proposed_at         TIMESTAMPTZ NOT NULL,
    revocation_reason   TEXT        NOT NULL,
    withdrawn_by        TEXT        NOT NULL,
    withdrawn_at        TIMESTAMPTZ NOT NULL,
    withdrawal_reason   TEXT        NOT NULL,
    CHECK (withdrawn_by = proposed_by)
);
CREATE INDEX station_key_revocation_withdrawal_key ON station_key_revocation_withdrawal (key_id);
