-- A drawing belongs to one use of a photo (src/shared/domain/photo-note.ts). Up to protocol 2 a
-- drawing was the `annotation` field of the photo record (one per image hash), so the same image
-- attached to two inspections shared it. Each answer and finding that uses such a photo gets its
-- own copy in `photoNotes` (keyed by hash), with the drawing's own clock: the app's version-4
-- upgrade (src/app/db/photo-notes-upgrade.ts) makes the identical split on a device, so the two
-- agree without sending anything. The copied records get new cursors so every device pulls them.
-- Photo records keep their `annotation` (an app of protocol 2 still reads and writes it).
WITH drawings AS (
  SELECT organisation_id, id AS hash, fields -> 'annotation' -> 'value' AS layer,
         fields -> 'annotation' ->> 'hlc' AS hlc
  FROM sync_records
  WHERE entity = 'photo'
    AND jsonb_typeof(fields -> 'annotation' -> 'value') = 'object'
    AND jsonb_typeof(fields -> 'annotation' -> 'value' -> 'shapes') = 'array'
    AND jsonb_array_length(fields -> 'annotation' -> 'value' -> 'shapes') > 0
), live_uses AS (
  -- Answers and findings that exist: no tombstone, or one older than a later field write.
  SELECT r.organisation_id, r.entity, r.id, r.fields
  FROM sync_records r
  WHERE r.entity IN ('answer', 'finding')
    AND NOT (r.fields ? 'photoNotes')
    AND (r.deleted_hlc IS NULL OR EXISTS (
      SELECT 1 FROM jsonb_each(r.fields) AS f
      WHERE (f.value ->> 'hlc') COLLATE "C" > r.deleted_hlc COLLATE "C"))
), uses AS (
  SELECT u.organisation_id, u.entity, u.id, d.hash, d.layer, d.hlc
  FROM live_uses u
  JOIN drawings d ON d.organisation_id = u.organisation_id
  WHERE (jsonb_typeof(u.fields -> 'photoIds' -> 'value') = 'array'
         AND (u.fields -> 'photoIds' -> 'value') ? d.hash)
     OR (u.entity = 'answer'
         AND u.fields -> 'value' -> 'value' ->> 'type' = 'photo'
         AND jsonb_typeof(u.fields -> 'value' -> 'value' -> 'value') = 'array'
         AND (u.fields -> 'value' -> 'value' -> 'value') ? d.hash)
), notes AS (
  SELECT organisation_id, entity, id,
         jsonb_object_agg(hash, jsonb_build_object('annotation', layer)) AS value,
         max(hlc COLLATE "C") AS hlc
  FROM uses
  GROUP BY organisation_id, entity, id
)
UPDATE sync_records s
SET fields = s.fields || jsonb_build_object(
      'photoNotes', jsonb_build_object('value', n.value, 'hlc', n.hlc)),
    cursor = sync_next_cursor(s.organisation_id),
    updated_at = now()
FROM notes n
WHERE s.organisation_id = n.organisation_id AND s.entity = n.entity AND s.id = n.id;
