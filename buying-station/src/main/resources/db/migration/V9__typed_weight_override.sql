-- A weight typed by hand when the registered balance cannot be used: no reading and no raw frame, but the reason,
-- and (through the lot's approval) the supervisor who accepted it. Exactly one of a reading or an override.
ALTER TABLE lot ALTER COLUMN reading_id DROP NOT NULL;
ALTER TABLE lot ALTER COLUMN raw_frame DROP NOT NULL;
ALTER TABLE lot ADD COLUMN weight_override_reason TEXT;
ALTER TABLE lot ADD CONSTRAINT lot_reading_or_typed_override
    CHECK ((reading_id IS NULL) <> (weight_override_reason IS NULL));
