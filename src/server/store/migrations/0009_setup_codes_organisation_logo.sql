-- One-time setup codes and the organisation's own look in reports.

-- A code a beheerder (or any user) types once, with their e-mail address, to choose a password:
-- printed by `npm run admin` for a new organisation's first beheerder and for a password reset.
-- Only its SHA-256 is stored; it expires, and using it (or issuing a newer one) ends it.
CREATE TABLE setup_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE CHECK (code_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  CHECK (expires_at > created_at)
);

CREATE INDEX setup_codes_user_idx ON setup_codes (user_id);

-- The logo on the organisation's PDF reports: a small PNG or JPEG, set by its beheerder.
ALTER TABLE organisations
  ADD COLUMN logo bytea CHECK (octet_length(logo) <= 102400),
  ADD COLUMN logo_media_type text CHECK (logo_media_type IN ('image/png', 'image/jpeg')),
  ADD CONSTRAINT organisations_logo_complete CHECK ((logo IS NULL) = (logo_media_type IS NULL));
