import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { RoleSchema } from '../../shared/domain/role.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Queryable, Store } from '../store/store.ts';
import { errorResponse, isUniqueViolation, readJson } from './errors.ts';
import { requireAuth, requireRole, type AuthEnv } from './middleware.ts';
import { hashPassword } from './password.ts';
import {
  CreateUserRequestSchema,
  SetPasswordRequestSchema,
  UpdateUserRequestSchema,
  UserDirectoryResponseSchema,
  UserSchema,
  type User,
  type UserDirectoryResponse,
} from './schemas.ts';
import { revokeUserSessions } from './sessions.ts';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  disabled_at: Date | null;
  created_at: Date;
}

const COLUMNS = 'id, email, display_name, role, disabled_at, created_at';

function toUser(row: UserRow): User {
  return UserSchema.parse({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: RoleSchema.parse(row.role),
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  });
}

const IdSchema = z.uuid();

function notFound(c: Context): Response {
  // Also the answer for another organisation's user: whether that id exists is none of
  // the caller's business.
  return errorResponse(c, 404, 'not_found', 'Deze gebruiker bestaat niet in uw organisatie.');
}

/** Locks and reads a user of `organisationId`; undefined for unknown ids and other organisations. */
async function findOwnUser(
  tx: Queryable,
  organisationId: string,
  id: string,
): Promise<UserRow | undefined> {
  if (!IdSchema.safeParse(id).success) return undefined;
  const { rows } = await tx.query<UserRow>(
    `SELECT ${COLUMNS} FROM users WHERE id = $1 AND organisation_id = $2 FOR UPDATE`,
    [id, organisationId],
  );
  return rows[0];
}

/** Active beheerders of an organisation other than `exceptId`, counted under row locks. */
async function otherActiveBeheerders(
  tx: Queryable,
  organisationId: string,
  exceptId: string,
): Promise<number> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM users
      WHERE organisation_id = $1 AND role = 'beheerder' AND disabled_at IS NULL AND id <> $2
      FOR UPDATE`,
    [organisationId, exceptId],
  );
  return rows.length;
}

class LastBeheerderError extends Error {}

/**
 * `/api/users`: a beheerder manages the accounts of their own organisation, never another's;
 * `/api/users/directory` gives every signed-in user the names of their own organisation.
 */
export function userRoutes(store: Store) {
  const routes = new Hono<AuthEnv>();
  routes.use('*', requireAuth(store));

  // Disabled accounts stay listed: their names still belong to the history they wrote.
  routes.get('/directory', async (c) => {
    const { rows } = await store.query<Pick<UserRow, 'id' | 'display_name' | 'role'>>(
      'SELECT id, display_name, role FROM users WHERE organisation_id = $1 ORDER BY display_name, id',
      [c.get('principal').organisationId],
    );
    const directory: UserDirectoryResponse = UserDirectoryResponseSchema.parse({
      users: rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role })),
    });
    return c.json(directory);
  });

  // Everything below is account management.
  routes.use('*', requireRole('beheerder'));

  routes.get('/', async (c) => {
    const { rows } = await store.query<UserRow>(
      `SELECT ${COLUMNS} FROM users WHERE organisation_id = $1 ORDER BY display_name, email`,
      [c.get('principal').organisationId],
    );
    return c.json({ users: rows.map(toUser) });
  });

  routes.post('/', async (c) => {
    const input = await readJson(c, CreateUserRequestSchema);
    if (!input.ok) return input.response;
    const { email, displayName, role, password } = input.data;
    const passwordHash = await hashPassword(password);
    try {
      const { rows } = await store.query<UserRow>(
        `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [uuidv7(), c.get('principal').organisationId, email, displayName, role, passwordHash],
      );
      const row = rows[0];
      if (!row) throw new Error('user insert returned no row');
      return c.json({ user: toUser(row) }, 201);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return errorResponse(
        c,
        409,
        'email_taken',
        'Er is in uw organisatie al een gebruiker met dit e-mailadres.',
      );
    }
  });

  routes.patch('/:id', async (c) => {
    const input = await readJson(c, UpdateUserRequestSchema);
    if (!input.ok) return input.response;
    const patch = input.data;
    const principal = c.get('principal');
    try {
      const updated = await store.transaction(async (tx) => {
        const user = await findOwnUser(tx, principal.organisationId, c.req.param('id'));
        if (!user) return undefined;
        const losesBeheer =
          user.role === 'beheerder' &&
          user.disabled_at === null &&
          ((patch.role !== undefined && patch.role !== 'beheerder') || patch.disabled === true);
        if (
          losesBeheer &&
          (await otherActiveBeheerders(tx, principal.organisationId, user.id)) === 0
        ) {
          throw new LastBeheerderError();
        }
        const { rows } = await tx.query<UserRow>(
          `UPDATE users SET
             display_name = coalesce($2, display_name),
             role = coalesce($3, role),
             disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at
                                WHEN $4::boolean THEN coalesce(disabled_at, now())
                                ELSE NULL END
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [user.id, patch.displayName ?? null, patch.role ?? null, patch.disabled ?? null],
        );
        // A disabled account's tablets must stop syncing now, not at token expiry.
        if (patch.disabled === true) await revokeUserSessions(tx, user.id);
        return rows[0];
      });
      if (!updated) return notFound(c);
      return c.json({ user: toUser(updated) });
    } catch (error) {
      if (!(error instanceof LastBeheerderError)) throw error;
      return errorResponse(
        c,
        409,
        'last_beheerder',
        'Er moet minstens één actieve beheerder in uw organisatie overblijven.',
      );
    }
  });

  routes.post('/:id/password', async (c) => {
    const input = await readJson(c, SetPasswordRequestSchema);
    if (!input.ok) return input.response;
    const principal = c.get('principal');
    const passwordHash = await hashPassword(input.data.password);
    const found = await store.transaction(async (tx) => {
      const user = await findOwnUser(tx, principal.organisationId, c.req.param('id'));
      if (!user) return false;
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [user.id, passwordHash]);
      // Whoever knew the old password is signed out everywhere; the beheerder setting their
      // own password keeps the session they are using.
      await revokeUserSessions(
        tx,
        user.id,
        user.id === principal.userId ? principal.sessionId : undefined,
      );
      return true;
    });
    return found ? c.body(null, 204) : notFound(c);
  });

  return routes;
}
