-- The national register (issue 12): the station sends each seller it registers to the centre (signed, through the
-- outbox, registration_version counting the versions it sent) and keeps a copy of the centre's register for offline
-- work: the national seller a local row belongs to, the national standing (a block decided at the centre, kept apart
-- from the station's own), and the revision of the centre's record it last took. Sellers first registered elsewhere
-- arrive as copies (origin NATIONAL_REGISTER).
ALTER TABLE seller ADD COLUMN registration_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE seller ADD COLUMN origin TEXT NOT NULL DEFAULT 'STATION' CHECK (origin IN ('STATION', 'NATIONAL_REGISTER'));
ALTER TABLE seller ADD COLUMN national_seller_id UUID;
ALTER TABLE seller ADD COLUMN national_status TEXT CHECK (national_status IN ('ACTIVE', 'BLOCKED'));
ALTER TABLE seller ADD COLUMN national_status_reason TEXT;
ALTER TABLE seller ADD COLUMN national_revision BIGINT;
ALTER TABLE seller ADD CONSTRAINT seller_national_block_reason
    CHECK (national_status IS DISTINCT FROM 'BLOCKED' OR national_status_reason IS NOT NULL);
CREATE INDEX seller_national_seller ON seller (national_seller_id);
