-- Review workspaces: two new synced kinds (the EFG case of a dwelling, the fire-safety round
-- schedule of a building) and BAG as an import source.
ALTER TABLE sync_records DROP CONSTRAINT sync_records_entity_check;
ALTER TABLE sync_records ADD CONSTRAINT sync_records_entity_check CHECK (
  entity IN (
    'inspection', 'answer', 'finding', 'action', 'photo', 'efgCase', 'roundSchedule',
    'complex', 'pand', 'verblijfsobject'
  )
);

ALTER TABLE import_runs DROP CONSTRAINT import_runs_kind_check;
ALTER TABLE import_runs ADD CONSTRAINT import_runs_kind_check CHECK (
  kind IN ('portfolio', 'ep-online', 'bag')
);
