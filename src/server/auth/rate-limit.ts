import { createHash } from 'node:crypto';
import type { Queryable, Store } from '../store/store.ts';

// Failed sign-ins are counted in the database, so every server process sharing one PostgreSQL
// sees the same budget. Each attempt is reserved (written as a failure) in one transaction
// under advisory locks on its e-mail address and client address BEFORE the password is hashed,
// and removed again when the password was right: 30 parallel guesses get 5 checks, not 30.
//
// Three limits, none of which lets a stranger lock a person out where they usually work:
// - per e-mail address from one client address: a person mistyping, or a guesser there;
// - per client address over all e-mail addresses: one machine trying many accounts;
// - per e-mail address from everywhere, but only for client addresses the account never signed
//   in from (a guesser rotating addresses). From a known address (a successful sign-in within
//   `knownAddressDays`) only the first limit applies, so the owner keeps signing in while a
//   stranger is blocked; from a new address the owner waits at most one window.
// Blocked attempts are not recorded, so waiting always ends a block.
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perEmailAndAddress: 5,
  perEmail: 20,
  perAddress: 100,
  knownAddressDays: 90,
} as const;

export type SignInLimits = typeof SIGN_IN_LIMITS;

export type SignInGate =
  { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/** A 64-bit advisory lock key (the sync locks use the same space: a clash only queues). */
const lockKey = (text: string): string =>
  createHash('sha256').update(text).digest().readBigInt64BE(0).toString();

/** Reserves one attempt for `email` from `clientAddress`, or says how long to wait. */
export async function reserveSignInAttempt(
  store: Store,
  email: string,
  clientAddress: string,
  limits: SignInLimits = SIGN_IN_LIMITS,
): Promise<SignInGate> {
  return store.transaction(async (tx) => {
    // E-mail first, then address, in every transaction: no two wait on each other in a circle.
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint), pg_advisory_xact_lock($2::bigint)', [
      lockKey(`sign-in-email\u0000${email}`),
      lockKey(`sign-in-address\u0000${clientAddress}`),
    ]);
    const { rows } = await tx.query<{
      here: number;
      total: number;
      address: number;
      known: boolean;
      here_retry: number | null;
      total_retry: number | null;
      address_retry: number | null;
    }>(
      `WITH recent AS (
         SELECT email, client_address, failed_at FROM sign_in_failures
          WHERE (email = $1 OR client_address = $2)
            AND failed_at > now() - $3 * interval '1 second'
       )
       SELECT count(*) FILTER (WHERE email = $1 AND client_address = $2)::int AS here,
              count(*) FILTER (WHERE email = $1)::int AS total,
              count(*) FILTER (WHERE client_address = $2)::int AS address,
              EXISTS (SELECT 1 FROM sign_in_known_addresses
                       WHERE email = $1 AND client_address = $2
                         AND last_success_at > now() - $4 * interval '1 day') AS known,
              ceil(extract(epoch FROM min(failed_at) FILTER (WHERE email = $1 AND client_address = $2)
                   + $3 * interval '1 second' - now()))::int AS here_retry,
              ceil(extract(epoch FROM min(failed_at) FILTER (WHERE email = $1)
                   + $3 * interval '1 second' - now()))::int AS total_retry,
              ceil(extract(epoch FROM min(failed_at) FILTER (WHERE client_address = $2)
                   + $3 * interval '1 second' - now()))::int AS address_retry
         FROM recent`,
      [email, clientAddress, limits.windowSeconds, limits.knownAddressDays],
    );
    const row = rows[0];
    const waits: number[] = [];
    if (row) {
      if (row.here >= limits.perEmailAndAddress) waits.push(row.here_retry ?? limits.windowSeconds);
      if (row.address >= limits.perAddress) waits.push(row.address_retry ?? limits.windowSeconds);
      if (!row.known && row.total >= limits.perEmail)
        waits.push(row.total_retry ?? limits.windowSeconds);
    }
    if (waits.length > 0) return { allowed: false, retryAfterSeconds: Math.max(1, ...waits) };
    const inserted = await tx.query<{ id: string }>(
      'INSERT INTO sign_in_failures (email, client_address) VALUES ($1, $2) RETURNING id::text',
      [email, clientAddress],
    );
    // Rows older than the window no longer count; pruning here keeps the table small.
    await tx.query(
      `DELETE FROM sign_in_failures WHERE failed_at < now() - $1 * interval '1 second'`,
      [limits.windowSeconds],
    );
    const attemptId = inserted.rows[0]?.id;
    if (attemptId === undefined) throw new Error('sign-in attempt insert returned no row');
    return { allowed: true, attemptId };
  });
}

/** Records a failure outside the sign-in flow (tests, tools); a reserved attempt already is one. */
export async function recordSignInFailure(
  db: Queryable,
  email: string,
  clientAddress: string,
): Promise<void> {
  await db.query('INSERT INTO sign_in_failures (email, client_address) VALUES ($1, $2)', [
    email,
    clientAddress,
  ]);
}

/**
 * The password was right: the reserved attempt and the person's own earlier mistakes from this
 * address are forgiven, and the address becomes known for this account.
 */
export async function signInSucceeded(
  db: Queryable,
  email: string,
  clientAddress: string,
  limits: SignInLimits = SIGN_IN_LIMITS,
): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE email = $1 AND client_address = $2', [
    email,
    clientAddress,
  ]);
  await db.query(
    `INSERT INTO sign_in_known_addresses (email, client_address) VALUES ($1, $2)
     ON CONFLICT (email, client_address) DO UPDATE SET last_success_at = now()`,
    [email, clientAddress],
  );
  await db.query(
    `DELETE FROM sign_in_known_addresses WHERE last_success_at < now() - $1 * interval '1 day'`,
    [limits.knownAddressDays],
  );
}

/** The password was right but the sign-in still fails (account disabled, ambiguous): no strike. */
export async function releaseSignInAttempt(db: Queryable, attemptId: string): Promise<void> {
  await db.query('DELETE FROM sign_in_failures WHERE id = $1::bigint', [attemptId]);
}
