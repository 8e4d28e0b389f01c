-- Accounts: sign-in sessions, disabling users, and sign-in rate limiting. Rate-limit state
-- lives here, not in process memory, because several server processes may share one
-- PostgreSQL and an attacker would otherwise get a fresh budget per process.

-- A disabled user keeps their history (authorship of inspections) but can no longer sign in.
ALTER TABLE users ADD COLUMN disabled_at timestamptz;

CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- SHA-256 of the bearer token (hex); the token itself is never stored, so a leaked
  -- database or backup does not hand out working sessions.
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (expires_at > created_at)
);

CREATE INDEX sessions_user_idx ON sessions (user_id);

-- One row per failed sign-in; counted within a sliding window and pruned as it ages.
CREATE TABLE sign_in_failures (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- Lowercased as typed, whether or not such a user exists (so probing is limited too).
  email text NOT NULL,
  client_address text NOT NULL,
  failed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX sign_in_failures_email_idx ON sign_in_failures (email, failed_at);
-- Pruning old rows of every address at once.
CREATE INDEX sign_in_failures_failed_at_idx ON sign_in_failures (failed_at);
