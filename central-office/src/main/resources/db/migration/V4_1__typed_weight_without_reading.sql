-- A purchase weighed by hand (a supervisor-approved typed weight, purchase contract weighing.typedOverride) has no
-- balance reading. Its override (reason, typed by, approved by) stays in the stored payload for the auditors.
ALTER TABLE purchase ALTER COLUMN reading_id DROP NOT NULL;
