-- Every block and unblock of a seller, with who, when and why. The seller row holds only the standing now (and
-- loses its block reason on unblock), so the history is kept here; nothing is ever deleted.
CREATE TABLE seller_standing_change (
    id          UUID PRIMARY KEY,
    seller_id   UUID        NOT NULL REFERENCES seller (id),
    status      TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    reason      TEXT        NOT NULL CHECK (length(btrim(reason)) > 0),
    changed_by  TEXT        NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX seller_standing_change_seller ON seller_standing_change (seller_id, changed_at);

-- Sellers blocked before this history existed: their block, as far as it is known.
INSERT INTO seller_standing_change (id, seller_id, status, reason, changed_by, changed_at)
SELECT gen_random_uuid(), id, 'BLOCKED', status_reason, 'unknown (blocked before V8)', now()
FROM seller WHERE status = 'BLOCKED';
