-- Sign-in limiting that holds under concurrency and cannot be used to lock a person out
-- (src/server/auth/rate-limit.ts). A sign_in_failures row is now written before the password
-- is checked (the attempt is reserved) and removed again when it was right.

-- Failures per client address over every e-mail address (someone trying many accounts).
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (client_address, failed_at);

-- Where an account signed in successfully: from such an address only the person's own
-- mistakes there count, never failures for the same e-mail address from elsewhere.
CREATE TABLE sign_in_known_addresses (
  email text NOT NULL,
  client_address text NOT NULL,
  last_success_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (email, client_address)
);

CREATE INDEX sign_in_known_addresses_age_idx ON sign_in_known_addresses (last_success_at);
