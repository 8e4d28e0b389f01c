// Accounts for server tests: an organisation, a user with a role, and a bearer token for
// them, written straight into the store (no HTTP, no scrypt unless a password is asked for).
import { randomBytes } from 'node:crypto';
import { hashPassword, type ScryptParameters } from '../../../src/server/auth/password.ts';
import { createSession } from '../../../src/server/auth/sessions.ts';
import type { Queryable } from '../../../src/server/store/store.ts';
import type { Role } from '../../../src/shared/domain/role.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';

// Cheap parameters for test accounts: verification reads them from the stored hash, so
// sign-in works exactly as with the production default, only faster.
export const TEST_SCRYPT: ScryptParameters = { N: 2 ** 10, r: 8, p: 1 };

export interface TestOrganisation {
  id: string;
  name: string;
  slug: string;
}

export interface TestUser {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  role: Role;
  /** The plain password when one was set, else undefined (the account cannot sign in). */
  password: string | undefined;
}

export interface SignedInUser {
  organisation: TestOrganisation;
  user: TestUser;
  token: string;
  sessionId: string;
  /** `{ authorization: 'Bearer …' }`, ready for `app.request(url, { headers })`. */
  headers: Record<string, string>;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function createOrganisation(
  db: Queryable,
  options: { name?: string; slug?: string } = {},
): Promise<TestOrganisation> {
  const suffix = randomBytes(4).toString('hex');
  const organisation = {
    id: uuidv7(),
    name: options.name ?? `Woonstichting ${suffix}`,
    slug: options.slug ?? `woonstichting-${suffix}`,
  };
  await db.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
    organisation.id,
    organisation.name,
    organisation.slug,
  ]);
  return organisation;
}

export async function createUser(
  db: Queryable,
  options: {
    organisationId: string;
    role: Role;
    email?: string;
    displayName?: string;
    password?: string;
    disabled?: boolean;
  },
): Promise<TestUser> {
  const user: TestUser = {
    id: uuidv7(),
    organisationId: options.organisationId,
    email: options.email ?? `${options.role}-${randomBytes(4).toString('hex')}@test.schouw.nl`,
    displayName: options.displayName ?? `Test ${options.role}`,
    role: options.role,
    password: options.password,
  };
  await db.query(
    `INSERT INTO users (id, organisation_id, email, display_name, role, password_hash, disabled_at)
     VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::boolean THEN now() END)`,
    [
      user.id,
      user.organisationId,
      user.email,
      user.displayName,
      user.role,
      options.password === undefined ? null : await hashPassword(options.password, TEST_SCRYPT),
      options.disabled ?? false,
    ],
  );
  return user;
}

/** A new bearer token for an existing user (a real session row, as sign-in creates). */
export async function signIn(
  db: Queryable,
  user: TestUser,
): Promise<{ token: string; sessionId: string; headers: Record<string, string> }> {
  const session = await createSession(db, user.id);
  return { token: session.token, sessionId: session.sessionId, headers: bearer(session.token) };
}

/**
 * A user with `role` in `organisation` (a new organisation when omitted), signed in.
 * The usual one-liner: `const { headers } = await createSignedInUser(store, { role: 'inspecteur' })`.
 */
export async function createSignedInUser(
  db: Queryable,
  options: {
    role: Role;
    organisation?: TestOrganisation;
    email?: string;
    password?: string;
  },
): Promise<SignedInUser> {
  const organisation = options.organisation ?? (await createOrganisation(db));
  const user = await createUser(db, {
    organisationId: organisation.id,
    role: options.role,
    ...(options.email === undefined ? {} : { email: options.email }),
    ...(options.password === undefined ? {} : { password: options.password }),
  });
  return { organisation, user, ...(await signIn(db, user)) };
}
