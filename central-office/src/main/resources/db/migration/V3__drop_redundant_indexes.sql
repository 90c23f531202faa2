-- purchase_station_sequence repeated the index of UNIQUE (station_id, station_sequence), and no query filters on
-- region: every ingested row paid for both.
DROP INDEX IF EXISTS purchase_station_sequence;
DROP INDEX IF EXISTS purchase_region;
