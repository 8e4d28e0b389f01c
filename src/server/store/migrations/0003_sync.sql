-- Sync: per-record merged state, per-device progress, per-op results, and the per-organisation
-- cursor counter. The portfolio tables publish themselves into sync_records through triggers, so
-- a fresh device gets the portfolio by pulling, exactly like any other change.

-- One row per organisation: the last cursor handed out and the server's hybrid logical clock.
-- Every writer of an organisation's sync_records (a push, a portfolio import) locks this row
-- first, inside its transaction, and takes its cursors from it. Writers of one organisation
-- are therefore serialised and the lock is released only at commit, so cursor order is commit
-- order: a pull that has seen cursor N can never later miss a change with a cursor <= N that
-- was still uncommitted (what a plain sequence allows on PostgreSQL).
CREATE TABLE sync_counters (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  value bigint NOT NULL DEFAULT 0 CHECK (value >= 0),
  -- Null until the first push; the per-organisation server clock (HLC string).
  hlc text
);

-- The merged state of every synced record: fields = {"name": {"value": ..., "hlc": "..."}}.
-- cursor is the counter value of the record's latest change, so this table is also the
-- (compacted) change log: a pull reads the records whose cursor is above the device's.
CREATE TABLE sync_records (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  entity text NOT NULL CHECK (
    entity IN ('inspection', 'answer', 'finding', 'action', 'photo', 'complex', 'pand', 'verblijfsobject')
  ),
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  deleted_hlc text,
  -- Who created the record (null for the server-owned portfolio); decides who may edit it.
  owner_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  cursor bigint NOT NULL CHECK (cursor > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, entity, id)
);
CREATE UNIQUE INDEX sync_records_cursor_idx ON sync_records (organisation_id, cursor);

-- One row per device (client id): the highest seq applied (or rejected) without gaps.
CREATE TABLE sync_clients (
  client_id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The last user who pushed from this device.
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  applied_up_to bigint NOT NULL DEFAULT 0 CHECK (applied_up_to >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The outcome of every op, written in the same transaction as its effect: the audit trail of
-- what each device sent and why an op was rejected.
CREATE TABLE sync_op_results (
  client_id uuid NOT NULL REFERENCES sync_clients (client_id) ON DELETE CASCADE,
  seq bigint NOT NULL CHECK (seq > 0),
  entity text NOT NULL,
  record_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  reason text,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_id, seq)
);

-- Photos are stored once by content hash; this table says which organisation may read which.
CREATE TABLE photo_blobs (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size > 0),
  mime_type text NOT NULL,
  uploaded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  completed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, hash)
);

-- Takes the organisation's next cursor, locking its counter row until commit (see above).
CREATE FUNCTION sync_next_cursor(org uuid) RETURNS bigint
LANGUAGE sql AS $$
  INSERT INTO sync_counters AS c (organisation_id, value) VALUES (org, 1)
  ON CONFLICT (organisation_id) DO UPDATE SET value = c.value + 1
  RETURNING c.value
$$;

-- Publishes a portfolio row as a sync record. Fields whose value did not change keep their
-- clock; changed fields get a server stamp "<wall ms>-<cursor mod 100000>-portfolio", unique per
-- change and rising with the cursor, so devices merge them like any other field.
CREATE FUNCTION sync_publish_portfolio(org uuid, kind text, rid text, vals jsonb, removed boolean)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  old_fields jsonb;
  old_deleted text;
  found_row boolean;
  changed boolean := false;
  next_cursor bigint;
  stamp text;
  wall_ms bigint;
  merged jsonb := '{}'::jsonb;
  field_name text;
  field_value jsonb;
BEGIN
  -- A cascade from a deleted organisation: nothing left to publish to.
  IF NOT EXISTS (SELECT 1 FROM organisations WHERE id = org) THEN
    RETURN;
  END IF;
  SELECT fields, deleted_hlc, true INTO old_fields, old_deleted, found_row
  FROM sync_records WHERE organisation_id = org AND entity = kind AND id = rid;
  found_row := coalesce(found_row, false);
  IF removed THEN
    IF NOT found_row THEN
      RETURN;
    END IF;
  ELSE
    FOR field_name, field_value IN SELECT key, value FROM jsonb_each(vals) LOOP
      IF NOT found_row OR old_deleted IS NOT NULL OR NOT (old_fields ? field_name)
         OR old_fields -> field_name -> 'value' IS DISTINCT FROM field_value THEN
        changed := true;
      END IF;
    END LOOP;
    IF NOT changed THEN
      RETURN;
    END IF;
  END IF;
  next_cursor := sync_next_cursor(org);
  -- Never below the record's own newest stamp, so a database clock that steps back cannot
  -- produce a change that devices would ignore as older.
  wall_ms := floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint;
  IF found_row THEN
    SELECT greatest(wall_ms, max(substr(f.value ->> 'hlc', 1, 15)::bigint) + 1,
                    substr(old_deleted, 1, 15)::bigint + 1)
      INTO wall_ms FROM jsonb_each(old_fields) f;
  END IF;
  stamp := lpad(wall_ms::text, 15, '0')
    || '-' || lpad((next_cursor % 100000)::text, 5, '0') || '-portfolio';
  IF removed THEN
    UPDATE sync_records SET deleted_hlc = stamp, cursor = next_cursor, updated_at = now()
    WHERE organisation_id = org AND entity = kind AND id = rid;
    RETURN;
  END IF;
  FOR field_name, field_value IN SELECT key, value FROM jsonb_each(vals) LOOP
    IF found_row AND old_deleted IS NULL AND old_fields ? field_name
       AND old_fields -> field_name -> 'value' IS NOT DISTINCT FROM field_value THEN
      merged := merged || jsonb_build_object(field_name, old_fields -> field_name);
    ELSE
      merged := merged || jsonb_build_object(
        field_name, jsonb_build_object('value', field_value, 'hlc', stamp));
    END IF;
  END LOOP;
  INSERT INTO sync_records (organisation_id, entity, id, fields, deleted_hlc, cursor)
  VALUES (org, kind, rid, merged, NULL, next_cursor)
  ON CONFLICT (organisation_id, entity, id) DO UPDATE
    SET fields = EXCLUDED.fields, deleted_hlc = NULL, cursor = EXCLUDED.cursor, updated_at = now();
END;
$$;

CREATE FUNCTION sync_complex_values(c complexes) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT jsonb_build_object('complexnummer', c.complexnummer, 'name', c.name, 'gemeente', c.gemeente)
$$;

CREATE FUNCTION sync_pand_values(p panden) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'complexId', p.complex_id, 'bagPandId', p.bag_pand_id, 'bouwjaar', p.bouwjaar,
    'storeys', p.storeys)
$$;

CREATE FUNCTION sync_verblijfsobject_values(v verblijfsobjecten) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT jsonb_build_object(
    'pandId', v.pand_id,
    'complexId', (SELECT p.complex_id FROM panden p WHERE p.id = v.pand_id),
    'vheNummer', v.vhe_nummer,
    'bagVerblijfsobjectId', v.bag_verblijfsobject_id,
    'postcode', v.postcode,
    'huisnummer', v.huisnummer,
    'huisletter', v.huisletter,
    'toevoeging', v.toevoeging,
    'woonplaats', v.woonplaats,
    'woningtype', v.woningtype,
    'areaM2', v.area_m2,
    'floor', v.floor,
    'lift', v.lift,
    'energyLabel', CASE WHEN v.energy_label_class IS NULL THEN NULL ELSE jsonb_build_object(
      'class', v.energy_label_class,
      'registrationDate', v.energy_label_registration_date,
      'recordingDate', v.energy_label_recording_date,
      'validUntil', v.energy_label_valid_until,
      'ep2', v.energy_label_ep2,
      'energyIndex', v.energy_label_energy_index,
      'source', v.energy_label_source) END)
$$;

-- One trigger function per table, so each only ever sees its own row type.
CREATE FUNCTION sync_complexes_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM sync_publish_portfolio(OLD.organisation_id, 'complex', OLD.id::text, NULL, true);
    RETURN OLD;
  END IF;
  PERFORM sync_publish_portfolio(
    NEW.organisation_id, 'complex', NEW.id::text, sync_complex_values(NEW), false);
  RETURN NEW;
END;
$$;

CREATE FUNCTION sync_panden_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM sync_publish_portfolio(OLD.organisation_id, 'pand', OLD.id::text, NULL, true);
    RETURN OLD;
  END IF;
  PERFORM sync_publish_portfolio(
    NEW.organisation_id, 'pand', NEW.id::text, sync_pand_values(NEW), false);
  RETURN NEW;
END;
$$;

CREATE FUNCTION sync_verblijfsobjecten_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM sync_publish_portfolio(OLD.organisation_id, 'verblijfsobject', OLD.id::text, NULL, true);
    RETURN OLD;
  END IF;
  PERFORM sync_publish_portfolio(
    NEW.organisation_id, 'verblijfsobject', NEW.id::text, sync_verblijfsobject_values(NEW), false);
  RETURN NEW;
END;
$$;

CREATE TRIGGER complexes_sync AFTER INSERT OR UPDATE OR DELETE ON complexes
  FOR EACH ROW EXECUTE FUNCTION sync_complexes_trigger();
CREATE TRIGGER panden_sync AFTER INSERT OR UPDATE OR DELETE ON panden
  FOR EACH ROW EXECUTE FUNCTION sync_panden_trigger();
CREATE TRIGGER verblijfsobjecten_sync AFTER INSERT OR UPDATE OR DELETE ON verblijfsobjecten
  FOR EACH ROW EXECUTE FUNCTION sync_verblijfsobjecten_trigger();

-- Publish the portfolio that existed before this migration, parents first.
SELECT count(sync_publish_portfolio(organisation_id, 'complex', id::text, sync_complex_values(c), false))
FROM (SELECT * FROM complexes ORDER BY organisation_id, complexnummer) c;
SELECT count(sync_publish_portfolio(organisation_id, 'pand', id::text, sync_pand_values(p), false))
FROM (SELECT * FROM panden ORDER BY organisation_id, complex_id, id) p;
SELECT count(sync_publish_portfolio(
  organisation_id, 'verblijfsobject', id::text, sync_verblijfsobject_values(v), false))
FROM (SELECT * FROM verblijfsobjecten ORDER BY organisation_id, vhe_nummer) v;
