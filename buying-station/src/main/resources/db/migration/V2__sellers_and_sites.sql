-- Registered sellers and their declared mine sites. Sellers are blocked, never deleted.
CREATE TABLE seller (
    id                   UUID PRIMARY KEY,
    seller_type          TEXT        NOT NULL CHECK (seller_type IN ('INDIVIDUAL', 'COOPERATIVE', 'LICENSED_TRADER', 'PROCESSING_PLANT')),
    name                 TEXT        NOT NULL,
    national_id          TEXT UNIQUE,
    licence_number       TEXT UNIQUE,
    licence_expiry       DATE,
    mobile_money_number  TEXT,
    status               TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    status_reason        TEXT,
    registered_at        TIMESTAMPTZ NOT NULL,
    version              INTEGER     NOT NULL DEFAULT 0,
    CHECK (status = 'ACTIVE' OR status_reason IS NOT NULL),
    CHECK (national_id IS NOT NULL OR licence_number IS NOT NULL)
);

CREATE TABLE mine_site (
    id            UUID PRIMARY KEY,
    seller_id     UUID    NOT NULL REFERENCES seller (id),
    name          TEXT    NOT NULL,
    latitude      NUMERIC(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude     NUMERIC(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    licence_area  TEXT
);
CREATE INDEX mine_site_seller ON mine_site (seller_id);

-- Lots now name their seller by id and their declared site.
ALTER TABLE lot ADD COLUMN mine_site_id UUID REFERENCES mine_site (id);
CREATE INDEX lot_seller_paid ON lot (seller_id, paid_at) WHERE status = 'PAID';
