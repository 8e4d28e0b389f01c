import type { Queryable } from '../store/store.ts';

// Failed sign-ins are counted in the database, so every server process sharing one
// PostgreSQL sees the same budget. Two limits: per e-mail address from one client address
// (a person mistyping, or a guesser), and per e-mail address overall (a guesser rotating
// addresses). Blocked attempts are not recorded, so waiting always ends the block.
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perEmailAndAddress: 5,
  perEmail: 20,
} as const;

export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkSignInAllowed(
  db: Queryable,
  email: string,
  clientAddress: string,
  limits = SIGN_IN_LIMITS,
): Promise<SignInGate> {
  const { rows } = await db.query<{
    here: number;
    total: number;
    here_retry: number | null;
    total_retry: number | null;
  }>(
    `SELECT count(*) FILTER (WHERE client_address = $2) AS here,
            count(*) AS total,
            ceil(extract(epoch FROM min(failed_at) FILTER (WHERE client_address = $2)
                 + $3 * interval '1 second' - now()))::int AS here_retry,
            ceil(extract(epoch FROM min(failed_at) + $3 * interval '1 second' - now()))::int
              AS total_retry
       FROM sign_in_failures
      WHERE email = $1 AND failed_at > now() - $3 * interval '1 second'`,
    [email, clientAddress, limits.windowSeconds],
  );
  const row = rows[0];
  if (!row) return { allowed: true };
  const waits: number[] = [];
  if (row.here >= limits.perEmailAndAddress) waits.push(row.here_retry ?? limits.windowSeconds);
  if (row.total >= limits.perEmail) waits.push(row.total_retry ?? limits.windowSeconds);
  if (waits.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, ...waits) };
}

export async function recordSignInFailure(
  db: Queryable,
  email: string,
  clientAddress: string,
  limits = SIGN_IN_LIMITS,
): Promise<void> {
  await db.query('INSERT INTO sign_in_failures (email, client_address) VALUES ($1, $2)', [
    email,
    clientAddress,
  ]);
  // Rows older than the window no longer count; pruning here keeps the table small.
  await db.query(
    `DELETE FROM sign_in_failures WHERE failed_at < now() - $1 * interval '1 second'`,
    [limits.windowSeconds],
  );
}

/** After a successful sign-in the person's own mistakes from that address are forgiven. */
export async function clearSignInFailures(
  db: Queryable,
  email: string,
  clientAddress: string,
): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE email = $1 AND client_address = $2', [
    email,
    clientAddress,
  ]);
}
