-- The assay step of a lot: a lot may now be opened ASSAYING (weighed, waiting for its XRF shots) and is quoted the
-- moment enough shots agree. Until then it has no fineness and no quote, so those columns become nullable, with a
-- check that a lot past ASSAYING has them all.

-- Drop the status checks of V1 by what they say, not by the names PostgreSQL generated for them.
DO $$
DECLARE c record;
BEGIN
    FOR c IN SELECT conname FROM pg_constraint
             WHERE conrelid = 'lot'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%QUOTED%'
    LOOP
        EXECUTE format('ALTER TABLE lot DROP CONSTRAINT %I', c.conname);
    END LOOP;
END $$;
ALTER TABLE lot ADD CONSTRAINT lot_status_known CHECK (status IN ('ASSAYING', 'QUOTED', 'PAID', 'VOID'));
ALTER TABLE lot ADD CONSTRAINT lot_paid_numbered CHECK (status IN ('ASSAYING', 'QUOTED') OR station_sequence IS NOT NULL);

ALTER TABLE lot ALTER COLUMN fineness_per_mille DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN tick_sequence DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN fine_grams DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN spot_usd_per_troy_ounce DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN spot_usd_per_gram DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN fx_local_per_usd DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN local_per_fine_gram DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN currency DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN currency_exponent DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN gross_value_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN discount_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN royalty_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN fees_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN net_payable_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN advance_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN retention_minor DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN quoted_at DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN locked_until DROP NOT NULL;
ALTER TABLE lot ADD CONSTRAINT lot_quoted_complete CHECK (status = 'ASSAYING' OR (
    fineness_per_mille IS NOT NULL AND tick_sequence IS NOT NULL AND fine_grams IS NOT NULL
    AND spot_usd_per_troy_ounce IS NOT NULL AND spot_usd_per_gram IS NOT NULL AND fx_local_per_usd IS NOT NULL
    AND local_per_fine_gram IS NOT NULL AND currency IS NOT NULL AND currency_exponent IS NOT NULL
    AND gross_value_minor IS NOT NULL AND discount_minor IS NOT NULL AND royalty_minor IS NOT NULL
    AND fees_minor IS NOT NULL AND net_payable_minor IS NOT NULL AND advance_minor IS NOT NULL
    AND retention_minor IS NOT NULL AND quoted_at IS NOT NULL AND locked_until IS NOT NULL));

-- The assay's outcome: the averaged composition (JSON, element symbol to mean percent), what the clerk must do
-- next (re-shoot, call the supervisor), fraud flags (JSON list) and the supervisor who released a flagged assay.
ALTER TABLE lot ADD COLUMN xrf_composition TEXT;
ALTER TABLE lot ADD COLUMN assay_note TEXT;
ALTER TABLE lot ADD COLUMN assay_flags TEXT;
ALTER TABLE lot ADD COLUMN assay_released_by TEXT;
ALTER TABLE lot ADD COLUMN assay_released_at TIMESTAMPTZ;
ALTER TABLE lot ADD CONSTRAINT lot_release_four_eyes CHECK (assay_released_by IS NULL OR assay_released_by <> created_by);

-- The optional density test (weight in air = the lot's gross weight) and its verdict against the composition.
ALTER TABLE lot ADD COLUMN density_grams_in_water NUMERIC CHECK (density_grams_in_water > 0);
ALTER TABLE lot ADD COLUMN density_water_celsius NUMERIC;
ALTER TABLE lot ADD COLUMN density_measured NUMERIC;
ALTER TABLE lot ADD COLUMN density_expected NUMERIC;
ALTER TABLE lot ADD COLUMN density_difference NUMERIC;
ALTER TABLE lot ADD COLUMN density_allowed NUMERIC;
ALTER TABLE lot ADD COLUMN density_flag TEXT;
ALTER TABLE lot ADD COLUMN density_by TEXT;
ALTER TABLE lot ADD COLUMN density_at TIMESTAMPTZ;

CREATE INDEX lot_assaying ON lot (created_at) WHERE status = 'ASSAYING';

-- Every XRF shot as received, kept for the audit trail. A set of shots that disagreed is marked discarded (the
-- clerk re-shoots), never deleted.
CREATE TABLE xrf_shot (
    id                   BIGSERIAL PRIMARY KEY,
    lot_id               UUID        NOT NULL REFERENCES lot (id),
    shot_id              TEXT        NOT NULL,
    analyser_model       TEXT        NOT NULL,
    analyser_serial      TEXT        NOT NULL,
    measured_at          TIMESTAMPTZ NOT NULL,
    measurement_millis   BIGINT      NOT NULL CHECK (measurement_millis >= 0),
    source               TEXT        NOT NULL CHECK (source IN ('SERIAL_LINE', 'CSV_IMPORT', 'MANUAL_ENTRY')),
    received_via         TEXT        NOT NULL CHECK (received_via IN ('SERIAL_PORT', 'API')),
    entered_by           TEXT,
    -- element symbol -> {"percent": "91.72", "sigma": "0.11"} or {"belowDetection": true}; decimals as strings
    readings             TEXT        NOT NULL,
    raw                  TEXT        NOT NULL,
    received_at          TIMESTAMPTZ NOT NULL,
    discarded            BOOLEAN     NOT NULL DEFAULT FALSE,
    discarded_reason     TEXT,
    CHECK (source <> 'MANUAL_ENTRY' OR entered_by IS NOT NULL),
    UNIQUE (lot_id, analyser_serial, shot_id)
);
CREATE INDEX xrf_shot_lot ON xrf_shot (lot_id, id);
