import { Hono } from 'hono';
import type { Store } from '../store/store.ts';
import { RoleSchema } from '../../shared/domain/role.ts';
import { SyncErrorCode } from '../../shared/sync/protocol.ts';
import { clientAddress, type TrustedProxies } from './client-address.ts';
import { errorResponse, readJson } from './errors.ts';
import { requireAuth, type AuthEnv } from './middleware.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.ts';
import { releaseSignInAttempt, reserveSignInAttempt, signInSucceeded } from './rate-limit.ts';
import {
  MeResponseSchema,
  SetupCodeRequestSchema,
  SignInRequestSchema,
  SignInResponseSchema,
  type SessionUser,
} from './schemas.ts';
import { createSession, revokeSession, revokeUserSessions } from './sessions.ts';
import { consumeSetupCode, hashSetupCode } from './setup-codes.ts';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: string;
  organisation_id: string;
  organisation_name: string;
  organisation_slug: string;
  password_hash: string | null;
  disabled_at: Date | null;
}

const USER_COLUMNS = `u.id, u.email, u.display_name, u.role, u.organisation_id,
  o.name AS organisation_name, o.slug AS organisation_slug, u.password_hash, u.disabled_at`;

function sessionUser(row: UserRow): SessionUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: RoleSchema.parse(row.role),
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationSlug: row.organisation_slug,
  };
}

const WRONG_CREDENTIALS =
  'Het e-mailadres of wachtwoord klopt niet. Controleer beide en probeer het opnieuw.';

const WRONG_SETUP_CODE =
  'Deze code klopt niet bij dit e-mailadres, is verlopen of al gebruikt. ' +
  'Vraag de beheerder om een nieuwe eenmalige code.';

const ACCOUNT_DISABLED =
  'Uw account is uitgeschakeld. Neem contact op met de beheerder van uw organisatie.';

function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return (
    `Te veel mislukte aanmeldpogingen. Probeer het over ${minutes} ` +
    `${minutes === 1 ? 'minuut' : 'minuten'} opnieuw, of vraag de beheerder om een nieuw wachtwoord.`
  );
}

export interface AuthRouteOptions {
  /** Proxies whose X-Forwarded-For names the client (TRUSTED_PROXIES). */
  trustedProxies?: TrustedProxies | undefined;
}

/** `/api/auth`: sign-in (with a password or a one-time setup code), sign-out and who am I. */
export function authRoutes(store: Store, options: AuthRouteOptions = {}) {
  const routes = new Hono<AuthEnv>();

  routes.post('/sign-in', async (c) => {
    const input = await readJson(c, SignInRequestSchema);
    if (!input.ok) return input.response;
    const { email, password, organisation } = input.data;
    const address = clientAddress(c, options.trustedProxies);

    // Reserved before any password is hashed: parallel guesses cannot all pass the check.
    const gate = await reserveSignInAttempt(store, email, address);
    if (!gate.allowed) {
      c.header('Retry-After', String(gate.retryAfterSeconds));
      return errorResponse(c, 429, 'too_many_attempts', retryMessage(gate.retryAfterSeconds));
    }

    const { rows } = await store.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM users u JOIN organisations o ON o.id = u.organisation_id
        WHERE u.email = $1 AND ($2::text IS NULL OR o.slug = $2::text)
        ORDER BY u.id LIMIT 10`,
      [email, organisation ?? null],
    );
    // With the same e-mail address in several organisations, the password picks the account;
    // only when it opens more than one must the person name the organisation.
    const matches: UserRow[] = [];
    for (const row of rows) {
      if (row.password_hash !== null && (await verifyPassword(password, row.password_hash))) {
        matches.push(row);
      }
    }
    if (rows.length === 0) await verifyAgainstNothing(password);

    const match = matches[0];
    // A wrong password: the reserved attempt stays as the failure.
    if (!match) return errorResponse(c, 401, 'invalid_credentials', WRONG_CREDENTIALS);
    if (matches.length > 1) {
      await releaseSignInAttempt(store, gate.attemptId);
      return errorResponse(
        c,
        400,
        'organisation_required',
        'Dit e-mailadres hoort bij meer dan één organisatie. Vul ook de code van uw organisatie in.',
      );
    }
    if (match.disabled_at !== null) {
      await releaseSignInAttempt(store, gate.attemptId);
      return errorResponse(c, 403, 'account_disabled', ACCOUNT_DISABLED);
    }
    await signInSucceeded(store, email, address);
    const session = await createSession(store, match.id);
    return c.json(
      SignInResponseSchema.parse({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: sessionUser(match),
      }),
    );
  });

  // A one-time code (from `npm run admin`) and a new password: sets the password and signs in.
  // Counted against the same budget as sign-ins, so codes cannot be guessed faster.
  routes.post('/setup-code', async (c) => {
    const input = await readJson(c, SetupCodeRequestSchema);
    if (!input.ok) return input.response;
    const { email, code, password, organisation } = input.data;
    const address = clientAddress(c, options.trustedProxies);

    // Reserved like a sign-in attempt, before anything is checked.
    const gate = await reserveSignInAttempt(store, email, address);
    if (!gate.allowed) {
      c.header('Retry-After', String(gate.retryAfterSeconds));
      return errorResponse(c, 429, 'too_many_attempts', retryMessage(gate.retryAfterSeconds));
    }
    const { rows } = await store.query<UserRow & { code_id: string }>(
      `SELECT ${USER_COLUMNS}, sc.id AS code_id
         FROM setup_codes sc JOIN users u ON u.id = sc.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE sc.code_hash = $1 AND u.email = $2 AND ($3::text IS NULL OR o.slug = $3::text)
          AND sc.used_at IS NULL AND sc.expires_at > now()`,
      [hashSetupCode(code), email, organisation ?? null],
    );
    const match = rows[0];
    // A wrong code: the reserved attempt stays as the failure.
    if (!match) return errorResponse(c, 401, 'invalid_setup_code', WRONG_SETUP_CODE);
    if (match.disabled_at !== null) {
      await releaseSignInAttempt(store, gate.attemptId);
      return errorResponse(c, 403, 'account_disabled', ACCOUNT_DISABLED);
    }
    const passwordHash = await hashPassword(password);
    const session = await store.transaction(async (tx) => {
      // Two requests with one code: only the first sets the password.
      if (!(await consumeSetupCode(tx, match.code_id))) return undefined;
      await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [match.id, passwordHash]);
      // Whoever knew the old password is signed out everywhere.
      await revokeUserSessions(tx, match.id);
      return createSession(tx, match.id);
    });
    if (!session) return errorResponse(c, 401, 'invalid_setup_code', WRONG_SETUP_CODE);
    await signInSucceeded(store, email, address);
    return c.json(
      SignInResponseSchema.parse({
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: sessionUser(match),
      }),
    );
  });

  routes.post('/sign-out', requireAuth(store), async (c) => {
    await revokeSession(store, c.get('principal').sessionId);
    return c.body(null, 204);
  });

  routes.get('/me', requireAuth(store), async (c) => {
    const principal = c.get('principal');
    const { rows } = await store.query<UserRow & { expires_at: Date }>(
      `SELECT ${USER_COLUMNS}, s.expires_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         JOIN organisations o ON o.id = u.organisation_id
        WHERE s.id = $1`,
      [principal.sessionId],
    );
    const row = rows[0];
    if (!row) {
      return errorResponse(c, 401, SyncErrorCode.unauthenticated, 'U bent niet (meer) aangemeld.');
    }
    return c.json(
      MeResponseSchema.parse({ expiresAt: row.expires_at.toISOString(), user: sessionUser(row) }),
    );
  });

  return routes;
}
