-- Keep spot and FX exactly as the centre published them (scale included): a receipt must show "2650.00", the
-- figure on the tick, not "2650.000000". Existing values keep their value; only the declared scale goes.
ALTER TABLE price_tick ALTER COLUMN spot_usd_per_troy_ounce TYPE NUMERIC;
ALTER TABLE price_tick ALTER COLUMN fx_local_per_usd TYPE NUMERIC;
ALTER TABLE lot ALTER COLUMN spot_usd_per_troy_ounce TYPE NUMERIC;
ALTER TABLE lot ALTER COLUMN fx_local_per_usd TYPE NUMERIC;
