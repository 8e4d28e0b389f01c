import { createHash, randomInt } from 'node:crypto';
import { uuidv7 } from '../../shared/ids.ts';
import type { Queryable } from '../store/store.ts';

// One-time setup codes: `npm run admin` prints one for a new organisation's first beheerder and
// for a password reset; the person types it once in the app with their e-mail address and a new
// password (POST /api/auth/setup-code). 16 characters of Crockford's alphabet are 80 random bits,
// so a plain SHA-256 is enough to keep the stored value useless (no slow hash needed), and
// attempts are rate limited like sign-ins.

/** How long a code stays usable: long enough to pass it on over a weekend. */
export const SETUP_CODE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// No I, L, O or U: nothing to confuse with 1, 0 or V when read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 16;

/** A new code, shown as four groups of four: `K7QM-3XPD-9T2W-HB4R`. */
export function generateSetupCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) {
    code += ALPHABET[randomInt(ALPHABET.length)];
  }
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** What counts of a typed code: case, spaces and hyphens do not; O and I/L read as 0 and 1. */
export function normaliseSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function hashSetupCode(typed: string): string {
  return createHash('sha256').update(normaliseSetupCode(typed)).digest('hex');
}

export interface IssuedSetupCode {
  code: string;
  expiresAt: Date;
}

/** Issues a code for `userId`; any earlier unused code of that user stops working. */
export async function issueSetupCode(
  tx: Queryable,
  userId: string,
  ttlMs: number = SETUP_CODE_TTL_MS,
): Promise<IssuedSetupCode> {
  await tx.query('DELETE FROM setup_codes WHERE user_id = $1 AND used_at IS NULL', [userId]);
  const code = generateSetupCode();
  // The database clock decides expiry, as for sessions.
  const { rows } = await tx.query<{ expires_at: Date }>(
    `INSERT INTO setup_codes (id, user_id, code_hash, expires_at)
     VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond') RETURNING expires_at`,
    [uuidv7(), userId, hashSetupCode(code), ttlMs],
  );
  const expiresAt = rows[0]?.expires_at;
  if (!expiresAt) throw new Error('setup code insert returned no row');
  return { code, expiresAt };
}

/**
 * Marks the code used, exactly once: of two requests with the same code only one gets true.
 * Call inside the transaction that sets the password.
 */
export async function consumeSetupCode(tx: Queryable, codeId: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE setup_codes SET used_at = now()
      WHERE id = $1 AND used_at IS NULL AND expires_at > now()`,
    [codeId],
  );
  return rowCount === 1;
}
