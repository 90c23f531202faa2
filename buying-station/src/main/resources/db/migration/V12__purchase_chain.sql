-- Signed, chained purchases (purchase-event/2): the chain hash of the last purchase put in the outbox, kept in the
-- row whose lock already numbers purchases one at a time, so the next purchase names its predecessor without a race.
-- Null until the first signed purchase: the chain starts there.
ALTER TABLE station_counter ADD COLUMN chain_hash TEXT CHECK (chain_hash ~ '^[0-9a-f]{64}$');
