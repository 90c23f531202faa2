-- A lot quoted again (requote) must not appear twice in the AML report: one record per lot.
DELETE FROM aml_record a USING aml_record b WHERE a.lot_id = b.lot_id AND a.id > b.id;
ALTER TABLE aml_record ADD CONSTRAINT aml_record_one_per_lot UNIQUE (lot_id);
