-- A purchase paid to a seller the national register had blocked at the time (a station that was offline and had not
-- heard of the block yet, or someone who lifted it in the station's database): a BLOCKED_SELLER incident, one per
-- purchase, found from the reserve and the register alone.
ALTER TABLE integrity_incident DROP CONSTRAINT integrity_incident_kind_check;
ALTER TABLE integrity_incident ADD CONSTRAINT integrity_incident_kind_check CHECK (kind IN ('ARITHMETIC',
    'CONFLICTING_DUPLICATE', 'DUPLICATE_SEQUENCE', 'UNSIGNED', 'UNREGISTERED_KEY', 'REVOKED_KEY', 'BAD_SIGNATURE',
    'BROKEN_CHAIN', 'PRICE_TERMS', 'REVERSAL', 'MISSING_PURCHASE', 'REGISTRATION', 'BLOCKED_SELLER'));
CREATE UNIQUE INDEX integrity_incident_blocked_seller ON integrity_incident (purchase_id) WHERE kind = 'BLOCKED_SELLER';
