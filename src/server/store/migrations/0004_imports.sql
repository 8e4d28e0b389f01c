-- Imports: one row per run of a file import (portfolio, EP-online), with its counters and the
-- first row-level problems, and the full history of registered energy labels per dwelling.
-- verblijfsobjecten.energy_label_* keeps the label that counts (recomputed by the importer).

CREATE TABLE import_runs (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('portfolio', 'ep-online')),
  -- The file's base name only: paths of the importing machine are no business of the database.
  file_name text NOT NULL,
  -- 'running' stays behind only when the process died mid-import (the import rolled back).
  status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- Counters (rows read, imported, updated, skipped by reason, unmatched, problems).
  summary jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The first problems and unmatched rows ({row, column, message}); their totals are in summary.
  problems jsonb NOT NULL DEFAULT '[]'::jsonb,
  -- Why a failed run imported nothing.
  error text
);

CREATE INDEX import_runs_organisation_idx ON import_runs (organisation_id, started_at);

CREATE TABLE energy_labels (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  verblijfsobject_id uuid NOT NULL REFERENCES verblijfsobjecten (id) ON DELETE CASCADE,
  class text NOT NULL CHECK (
    class IN ('A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G')
  ),
  registration_date date NOT NULL,
  recording_date date NOT NULL,
  valid_until date NOT NULL CHECK (valid_until >= registration_date),
  ep2 double precision,
  energy_index double precision,
  method text NOT NULL CHECK (method IN ('NTA8800', 'EI')),
  source text NOT NULL CHECK (source IN ('ep-online')),
  -- As registered, for tracing a label back to its row in EP-online.
  bag_verblijfsobject_id text,
  gebouwtype text,
  -- The run that last wrote this label.
  import_run_id uuid REFERENCES import_runs (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- EP-online has no label id: a dwelling's label is its registration on its recording date,
  -- so importing the next month's totaalbestand updates rather than duplicates.
  UNIQUE (verblijfsobject_id, registration_date, recording_date)
);

CREATE INDEX energy_labels_organisation_idx ON energy_labels (organisation_id);
