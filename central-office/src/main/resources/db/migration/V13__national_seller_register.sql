-- The national register of sellers (issue 12): the register of record is here. Stations register sellers (offline
-- too) and send each registration up, signed; one national seller per national ID or licence number, whichever
-- stations registered them, with every station's id for them (aliases) and each merge recorded. Every change is
-- published back to all stations (seller-record/1 on the compacted gold.sellers.v1) through an outbox.
CREATE TABLE national_seller (
    seller_id            UUID PRIMARY KEY,
    seller_type          TEXT        NOT NULL CHECK (seller_type IN ('INDIVIDUAL', 'COOPERATIVE', 'LICENSED_TRADER',
                                                                     'PROCESSING_PLANT')),
    name                 TEXT        NOT NULL,
    national_id          TEXT UNIQUE,
    licence_number       TEXT UNIQUE,
    licence_expiry       DATE,
    mobile_money_number  TEXT,
    status               TEXT        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'BLOCKED')),
    status_reason        TEXT,
    revision             BIGINT      NOT NULL DEFAULT 1,
    first_station_id     TEXT        NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL,
    -- a change of standing waits here for a second compliance officer (four eyes)
    proposed_status      TEXT CHECK (proposed_status IN ('ACTIVE', 'BLOCKED')),
    proposed_reason      TEXT,
    proposed_by          TEXT,
    proposed_at          TIMESTAMPTZ,
    CHECK (national_id IS NOT NULL OR licence_number IS NOT NULL),
    CHECK (status = 'ACTIVE' OR status_reason IS NOT NULL),
    CHECK ((proposed_status IS NULL) = (proposed_by IS NULL) AND (proposed_by IS NULL) = (proposed_reason IS NULL)
        AND (proposed_by IS NULL) = (proposed_at IS NULL))
);

-- Each station's id for a national seller, with the station's latest registration as it signed it.
CREATE TABLE national_seller_alias (
    station_id           TEXT        NOT NULL,
    station_seller_id    UUID        NOT NULL,
    seller_id            UUID        NOT NULL REFERENCES national_seller (seller_id),
    station_version      INTEGER     NOT NULL,
    registered_by        TEXT        NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL,
    payload              TEXT        NOT NULL,
    received_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (station_id, station_seller_id)
);
CREATE INDEX national_seller_alias_seller ON national_seller_alias (seller_id);

-- A registration that joined a seller already in the register: who, on what it matched, when.
CREATE TABLE national_seller_merge (
    id                   BIGSERIAL PRIMARY KEY,
    seller_id            UUID        NOT NULL REFERENCES national_seller (seller_id),
    station_id           TEXT        NOT NULL,
    station_seller_id    UUID        NOT NULL,
    matched_on           TEXT        NOT NULL,
    merged_at            TIMESTAMPTZ NOT NULL,
    UNIQUE (station_id, station_seller_id)
);

CREATE TABLE national_mine_site (
    site_id              UUID PRIMARY KEY,
    seller_id            UUID          NOT NULL REFERENCES national_seller (seller_id),
    station_id           TEXT          NOT NULL,
    name                 TEXT          NOT NULL,
    latitude             NUMERIC(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude            NUMERIC(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    licence_area         TEXT
);
CREATE INDEX national_mine_site_seller ON national_mine_site (seller_id);

-- Every decided change of a seller's national standing: proposed by one compliance officer, approved by another.
CREATE TABLE national_seller_standing (
    id                   BIGSERIAL PRIMARY KEY,
    seller_id            UUID        NOT NULL REFERENCES national_seller (seller_id),
    status               TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'BLOCKED')),
    reason               TEXT        NOT NULL,
    proposed_by          TEXT        NOT NULL,
    proposed_at          TIMESTAMPTZ NOT NULL,
    decided_by           TEXT        NOT NULL,
    decided_at           TIMESTAMPTZ NOT NULL,
    CHECK (proposed_by <> decided_by)
);
CREATE INDEX national_seller_standing_seller ON national_seller_standing (seller_id, id);

-- The register's outbox: each revision of a seller's record, written in the transaction that changed it, sent by the
-- relay in order and marked once Kafka acknowledged it.
CREATE TABLE seller_record_outbox (
    id                   BIGSERIAL PRIMARY KEY,
    seller_id            UUID        NOT NULL REFERENCES national_seller (seller_id),
    revision             BIGINT      NOT NULL,
    payload              TEXT        NOT NULL,
    created_at           TIMESTAMPTZ NOT NULL,
    sent_at              TIMESTAMPTZ,
    send_attempts        INT         NOT NULL DEFAULT 0,
    last_send_error      TEXT,
    UNIQUE (seller_id, revision)
);
CREATE INDEX seller_record_outbox_unsent ON seller_record_outbox (id) WHERE sent_at IS NULL;
