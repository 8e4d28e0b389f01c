-- Stateless server nodes on one PostgreSQL (issue 12): photo bytes in the database, so every
-- node serves every photo, and the one-import-at-a-time rule kept by the database with a lease.

-- Finished photos, content addressed: stored once per SHA-256, however many organisations
-- uploaded them (photo_blobs says who may read which). Bytes are kept in the chunks they arrived in.
CREATE TABLE blob_objects (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  size integer NOT NULL CHECK (size > 0),
  stored_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE blob_chunks (
  hash text NOT NULL REFERENCES blob_objects (hash) ON DELETE CASCADE,
  start_byte integer NOT NULL CHECK (start_byte >= 0),
  data bytea NOT NULL CHECK (length(data) > 0),
  PRIMARY KEY (hash, start_byte)
);

-- Unfinished uploads per organisation. The key includes the offset, so a retried or duplicated
-- chunk can never be stored twice.
CREATE TABLE blob_partial_chunks (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  start_byte integer NOT NULL CHECK (start_byte >= 0),
  data bytea NOT NULL CHECK (length(data) > 0),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, hash, start_byte)
);

-- A running import holds a lease that its process renews; when it lapses (the process died),
-- any node marks the run failed.
ALTER TABLE import_runs ADD COLUMN lease_expires_at timestamptz;

-- Runs left 'running' by an older release have no lease: only the newest per organisation can
-- still be alive, and it gets a lease of one minute (older releases never renew it).
UPDATE import_runs AS r SET status = 'failed', finished_at = now(),
  error = 'De import is afgebroken (interrupted; superseded by a later run)'
WHERE r.status = 'running' AND EXISTS (
  SELECT 1 FROM import_runs AS o
  WHERE o.organisation_id = r.organisation_id AND o.status = 'running'
    AND (o.started_at, o.id) > (r.started_at, r.id)
);
UPDATE import_runs SET lease_expires_at = now() + interval '1 minute' WHERE status = 'running';

-- One running import per organisation, for every node at once.
CREATE UNIQUE INDEX import_runs_one_running_idx ON import_runs (organisation_id)
  WHERE status = 'running';
