-- A seller registration the register cannot take (its national ID and licence name two different sellers, or the
-- database refused it) is an integrity incident like a purchase that cannot be genuine: shown to the treasury, parked.
ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS', 'REVERSAL', 'MISSING_PURCHASE', 'REGISTRATION'));
