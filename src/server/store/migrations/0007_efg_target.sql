-- The organisation's own EFG goal: this share of its E/F/G dwellings out of EFG by the deadline.
-- No row means the policy default (all out by the end of 2028, DEFAULT_EFG_TARGET in
-- src/shared/domain/efg-progress.ts). Set by duurzaamheid or beheerder (PUT /api/efg/target).
CREATE TABLE efg_targets (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  deadline date NOT NULL CHECK (deadline BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
  share_percent integer NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
