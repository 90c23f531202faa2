-- The price_tick row is the tick's outbox: stored in the publication round's transaction, sent by the relay in
-- sequence order, marked sent only once Kafka acknowledged it. Ticks stored before this version were sent then.
ALTER TABLE price_tick ADD COLUMN sent_at TIMESTAMPTZ;
ALTER TABLE price_tick ADD COLUMN send_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE price_tick ADD COLUMN last_send_error TEXT;
UPDATE price_tick SET sent_at = published_at;
CREATE INDEX price_tick_unsent ON price_tick (sequence) WHERE sent_at IS NULL;
