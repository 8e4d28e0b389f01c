import { createHash, randomBytes } from 'node:crypto';
import { uuidv7 } from '../../shared/ids.ts';
import { RoleSchema } from '../../shared/domain/role.ts';
import type { Queryable } from '../store/store.ts';
import type { Principal } from './principal.ts';

// Sessions are opaque random bearer tokens; only their SHA-256 is stored. The lifetime is
// fixed (not sliding): a working day, so a tablet knows in advance when it must sign in
// again and can keep working offline past that moment without surprises.
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

const TOKEN_BYTES = 32;
// 32 bytes in base64url without padding.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  sessionId: string;
  token: string;
  expiresAt: Date;
}

export async function createSession(db: Queryable, userId: string): Promise<NewSession> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const sessionId = uuidv7();
  // The database clock decides expiry, so several server processes agree on it.
  const { rows } = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (id, user_id, token_hash, expires_at)
     VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
     RETURNING expires_at`,
    [sessionId, userId, hashToken(token), SESSION_TTL_MS],
  );
  const expiresAt = rows[0]?.expires_at;
  if (!expiresAt) throw new Error('session insert returned no row');
  return { sessionId, token, expiresAt };
}

export interface ActiveSession {
  principal: Principal;
  expiresAt: Date;
}

/** The live session of a bearer token: not expired, not revoked, user not disabled. */
export async function findSession(
  db: Queryable,
  token: string,
): Promise<ActiveSession | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const { rows } = await db.query<{
    session_id: string;
    user_id: string;
    organisation_id: string;
    role: string;
    expires_at: Date;
  }>(
    `SELECT s.id AS session_id, u.id AS user_id, u.organisation_id, u.role, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND u.disabled_at IS NULL`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return undefined;
  // The role is read from the user on every request, so a changed role applies at once.
  return {
    principal: {
      sessionId: row.session_id,
      userId: row.user_id,
      organisationId: row.organisation_id,
      role: RoleSchema.parse(row.role),
    },
    expiresAt: row.expires_at,
  };
}

export async function revokeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
    sessionId,
  ]);
}

/** Revokes every session of a user, except optionally the one making the request. */
export async function revokeUserSessions(
  db: Queryable,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db.query(
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [userId, exceptSessionId ?? null],
  );
}
