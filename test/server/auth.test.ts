import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/server/auth/password.ts';
import { recordSignInFailure, SIGN_IN_LIMITS } from '../../src/server/auth/rate-limit.ts';
import {
  MeResponseSchema,
  SignInResponseSchema,
  UserDirectoryResponseSchema,
} from '../../src/server/auth/schemas.ts';
import { hashToken, SESSION_TTL_MS } from '../../src/server/auth/sessions.ts';
import { DEMO_PASSWORD, demoUsers } from '../../src/server/demo/demo-users.ts';
import { DEMO_ORGANISATION, seedDemoData } from '../../src/server/demo/seed-demo.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import { ApiErrorBodySchema } from '../../src/shared/sync/protocol.ts';
import { storeKinds, useFreshStore, type StoreFixture } from './store-fixtures.ts';
import { appFor } from './support/app.ts';
import {
  bearer,
  createOrganisation,
  createSignedInUser,
  createUser,
  signIn as sessionFor,
  TEST_SCRYPT,
} from './support/auth.ts';

type App = ReturnType<typeof appFor>;

/** The node-server binding the app reads the client address from. */
function from(address: string) {
  return { incoming: { socket: { remoteAddress: address } } };
}

function signIn(app: App, body: unknown, address = '192.0.2.1') {
  return app.request(
    '/api/auth/sign-in',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    from(address),
  );
}

/** The fresh store of this test, migrated, and the app on it. */
async function migratedApp(fresh: () => StoreFixture) {
  const { store } = fresh();
  await migrate(store);
  return { store, app: appFor(store) };
}

/** Signs in and checks the answer's status; returns the response for a closer look. */
async function signInExpecting(
  app: App,
  status: number,
  body: unknown,
  address?: string,
): Promise<Response> {
  const response = await signIn(app, body, address);
  expect(response.status, JSON.stringify(body)).toBe(status);
  return response;
}

async function errorBody(response: Response) {
  return ApiErrorBodySchema.parse(await response.json());
}

/** The account `setup()` creates in the accounts tests. */
const INGRID = { email: 'ingrid@woonstad.nl', password: 'lang-genoeg-wachtwoord' } as const;

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterz', stored)).toBe(false);
  });

  it('stores its parameters with a random salt, so equal passwords hash differently', async () => {
    const first = await hashPassword('zelfde-wachtwoord', TEST_SCRYPT);
    const second = await hashPassword('zelfde-wachtwoord', TEST_SCRYPT);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('zelfde-wachtwoord', second)).toBe(true);
  });

  it('treats a malformed or absurd stored hash as no match instead of throwing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$3$8$1$c2FsdA$a2V5',
      'scrypt$1073741824$8$1$c2FsdA$a2V5',
    ]) {
      expect(await verifyPassword('whatever', stored)).toBe(false);
    }
  });
});

describe.each(storeKinds)('accounts on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup() {
    const { store, app } = await migratedApp(fresh);
    const organisation = await createOrganisation(store, { slug: 'woonstad-oost' });
    const user = await createUser(store, {
      organisationId: organisation.id,
      role: 'inspecteur',
      email: INGRID.email,
      displayName: 'Ingrid Jansen',
      password: INGRID.password,
    });
    return { store, app, organisation, user };
  }

  it('signs in with e-mail and password and answers who is signed in', async () => {
    const { store, app, organisation, user } = await setup();
    const response = await signInExpecting(app, 200, {
      email: ' Ingrid@Woonstad.NL ',
      password: INGRID.password,
    });
    const json: unknown = await response.json();
    const body = SignInResponseSchema.parse(json);
    expect(body.user).toEqual({
      id: user.id,
      email: 'ingrid@woonstad.nl',
      displayName: 'Ingrid Jansen',
      role: 'inspecteur',
      organisationId: organisation.id,
      organisationName: organisation.name,
      organisationSlug: 'woonstad-oost',
    });
    expect(Buffer.from(body.token, 'base64url')).toHaveLength(32);
    const lifetime = Date.parse(body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(SESSION_TTL_MS - 60_000);
    expect(lifetime).toBeLessThanOrEqual(SESSION_TTL_MS + 1000);

    // Only the SHA-256 of the token is stored.
    const { rows } = await store.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(rows).toEqual([{ token_hash: hashToken(body.token) }]);

    const me = await app.request('/api/auth/me', { headers: bearer(body.token) });
    expect(me.status).toBe(200);
    expect(MeResponseSchema.parse(await me.json())).toEqual({
      user: body.user,
      expiresAt: body.expiresAt,
    });
  });

  it('accepts the organisation slug and refuses it when it is another organisation', async () => {
    const { app } = await setup();
    await signInExpecting(app, 200, { ...INGRID, organisation: 'Woonstad-Oost' });
    await signInExpecting(app, 401, { ...INGRID, organisation: 'andere-stichting' });
  });

  it('answers a wrong password and an unknown e-mail address with the same Dutch 401', async () => {
    const { app } = await setup();
    const wrongPassword = await signInExpecting(app, 401, {
      email: INGRID.email,
      password: 'fout-wachtwoord',
    });
    const unknown = await signInExpecting(app, 401, {
      email: 'niemand@woonstad.nl',
      password: 'fout-wachtwoord',
    });
    const body = await errorBody(wrongPassword);
    expect(body).toEqual(await errorBody(unknown));
    expect(body.error).toBe('invalid_credentials');
    expect(body.message).toMatch(/wachtwoord klopt niet/);
  });

  it('answers bad input with a 400 that says what is wrong, never a 500', async () => {
    const { app } = await setup();
    const cases: { body: unknown; error: string; message: RegExp }[] = [
      { body: '{not json', error: 'invalid_json', message: /geen geldige JSON/ },
      { body: 'null', error: 'invalid_input', message: /.+/ },
      { body: [], error: 'invalid_input', message: /.+/ },
      { body: { password: 'x' }, error: 'invalid_input', message: /e-mailadres/ },
      {
        body: { email: 'geen-adres', password: 'x' },
        error: 'invalid_input',
        message: /geen geldig e-mailadres/,
      },
      { body: { email: 'a@b.nl', password: '' }, error: 'invalid_input', message: /wachtwoord/ },
      {
        body: { email: 'a@b.nl', password: 'x'.repeat(201) },
        error: 'invalid_input',
        message: /te lang/,
      },
      { body: { email: 'a@b.nl', password: 12 }, error: 'invalid_input', message: /wachtwoord/ },
    ];
    for (const testCase of cases) {
      const body = await errorBody(await signInExpecting(app, 400, testCase.body));
      expect(body.error).toBe(testCase.error);
      expect(body.message).toMatch(testCase.message);
    }
  });

  it('lets the password pick the account when an e-mail address is in two organisations', async () => {
    const { store, app } = await setup();
    const other = await createOrganisation(store, { slug: 'woonstad-west' });
    const credentials = { email: INGRID.email, password: 'ander-lang-wachtwoord' };
    const second = await createUser(store, {
      ...credentials,
      organisationId: other.id,
      role: 'beheerder',
    });
    const response = await signInExpecting(app, 200, credentials);
    expect(SignInResponseSchema.parse(await response.json()).user.id).toBe(second.id);

    // Same password in both: only then the organisation must be named.
    await createUser(store, {
      ...credentials,
      organisationId: (await createOrganisation(store, { slug: 'woonstad-zuid' })).id,
      role: 'veiligheid',
    });
    const ambiguous = await signInExpecting(app, 400, credentials);
    expect((await errorBody(ambiguous)).error).toBe('organisation_required');
    await signInExpecting(app, 200, { ...credentials, organisation: 'woonstad-zuid' });
  });

  it('refuses a disabled account and an account without a password', async () => {
    const { store, app, organisation } = await setup();
    const gone = { email: 'weg@woonstad.nl', password: INGRID.password };
    await createUser(store, {
      ...gone,
      organisationId: organisation.id,
      role: 'veiligheid',
      disabled: true,
    });
    const disabled = await signInExpecting(app, 403, gone);
    expect((await errorBody(disabled)).message).toMatch(/uitgeschakeld/);

    await createUser(store, {
      organisationId: organisation.id,
      role: 'veiligheid',
      email: 'nog-geen@woonstad.nl',
    });
    await signInExpecting(app, 401, { email: 'nog-geen@woonstad.nl', password: INGRID.password });
  });

  it('answers 401 unauthenticated for a missing, malformed, unknown, expired or revoked token', async () => {
    const { store, app } = await setup();
    const signedIn = await createSignedInUser(store, { role: 'inspecteur' });
    const expired = await createSignedInUser(store, { role: 'inspecteur' });
    await store.query(
      `UPDATE sessions SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 hour'
        WHERE id = $1`,
      [expired.sessionId],
    );
    const signOut = await app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: signedIn.headers,
    });
    expect(signOut.status).toBe(204);

    const headerCases: Record<string, string>[] = [
      {},
      { authorization: 'Basic abc' },
      { authorization: 'Bearer' },
      { authorization: 'Bearer kort' },
      bearer('A'.repeat(43)),
      expired.headers,
      signedIn.headers,
    ];
    for (const headers of headerCases) {
      const response = await app.request('/api/auth/me', { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = await errorBody(response);
      expect(body.error).toBe('unauthenticated');
      expect(body.message).toMatch(/aangemeld/);
    }
  });

  it('rate-limits failed sign-ins per e-mail and address with a Dutch 429 and Retry-After', async () => {
    const { app } = await setup();
    const attempt = { email: INGRID.email, password: 'geraden-wachtwoord' };
    for (let index = 0; index < SIGN_IN_LIMITS.perEmailAndAddress; index += 1) {
      await signInExpecting(app, 401, attempt, '198.51.100.7');
    }
    // Even the right password is refused now: the limit is checked before the password.
    const blocked = await signInExpecting(app, 429, INGRID, '198.51.100.7');
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(SIGN_IN_LIMITS.windowSeconds - 60);
    expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowSeconds);
    const body = await errorBody(blocked);
    expect(body.error).toBe('too_many_attempts');
    expect(body.message).toMatch(
      /Te veel mislukte aanmeldpogingen\. Probeer het over 15 minuten opnieuw/,
    );

    // The person at another address is not locked out by this one.
    await signInExpecting(app, 200, INGRID, '203.0.113.9');

    // The limit is state in the database: a new app on a reopened store still refuses.
    const reopened = appFor(await fresh().reopen());
    await signInExpecting(reopened, 429, attempt, '198.51.100.7');

    // Once the failures are older than the window, signing in works again.
    await fresh().store.query(
      `UPDATE sign_in_failures SET failed_at = failed_at - $1 * interval '1 second'`,
      [SIGN_IN_LIMITS.windowSeconds + 1],
    );
    await signInExpecting(reopened, 200, INGRID, '198.51.100.7');
  });

  it('rate-limits an e-mail address guessed from many addresses', async () => {
    const { store, app } = await setup();
    for (let index = 0; index < SIGN_IN_LIMITS.perEmail; index += 1) {
      await recordSignInFailure(store, INGRID.email, `10.0.0.${index}`);
    }
    await signInExpecting(app, 429, INGRID, '10.9.9.9');
    // Another account is not affected.
    await signInExpecting(app, 401, { email: 'ander@woonstad.nl', password: 'iets' }, '10.9.9.9');
  });

  if (kind === 'postgres') {
    it('shares the rate limit between two server processes on one PostgreSQL', async () => {
      const { app } = await setup();
      const otherProcess = appFor(await fresh().openAnother());
      const attempt = { email: INGRID.email, password: 'geraden-wachtwoord' };
      for (let index = 0; index < SIGN_IN_LIMITS.perEmailAndAddress; index += 1) {
        await signInExpecting(index % 2 === 0 ? app : otherProcess, 401, attempt, '198.51.100.8');
      }
      await signInExpecting(otherProcess, 429, attempt, '198.51.100.8');
      await signInExpecting(app, 429, attempt, '198.51.100.8');
    });
  }
});

describe.each(storeKinds)('user management on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup() {
    const { store, app } = await migratedApp(fresh);
    const beheerder = await createSignedInUser(store, {
      role: 'beheerder',
      password: 'beheerder-wachtwoord',
    });
    const send = (method: string, path: string, body?: unknown, headers = beheerder.headers) =>
      app.request(
        path,
        {
          method,
          headers: { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
        from('192.0.2.50'),
      );
    const statusOf = async (...args: Parameters<typeof send>) => (await send(...args)).status;
    return { store, app, beheerder, send, statusOf };
  }

  it('creates a user who can then sign in, and refuses the same e-mail address twice', async () => {
    const { send, beheerder } = await setup();
    const created = await send('POST', '/api/users', {
      email: 'Nieuw@Woonstad.nl',
      displayName: ' Nina Nieuw ',
      role: 'duurzaamheid',
      password: 'eerste-wachtwoord',
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as {
      user: { email: string; displayName: string; disabled: boolean };
    };
    expect(user).toMatchObject({
      email: 'nieuw@woonstad.nl',
      displayName: 'Nina Nieuw',
      disabled: false,
    });

    const signedIn = await send(
      'POST',
      '/api/auth/sign-in',
      {
        organisation: beheerder.organisation.slug,
        email: 'nieuw@woonstad.nl',
        password: 'eerste-wachtwoord',
      },
      {},
    );
    expect(signedIn.status).toBe(200);

    const again = await send('POST', '/api/users', {
      email: 'nieuw@woonstad.nl',
      displayName: 'Iemand anders',
      role: 'inspecteur',
      password: 'tweede-wachtwoord',
    });
    expect(again.status).toBe(409);
    expect((await errorBody(again)).message).toMatch(/al een gebruiker met dit e-mailadres/);
  });

  it('explains invalid user input in Dutch with the field that is wrong', async () => {
    const { send } = await setup();
    const response = await send('POST', '/api/users', {
      email: 'nina@woonstad.nl',
      displayName: 'Nina',
      role: 'directeur',
      password: 'kort',
    });
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body.details?.map((detail) => detail.path).sort()).toEqual(['password', 'role']);
    expect(body.details?.find((detail) => detail.path === 'role')?.message).toMatch(
      /Onbekende rol/,
    );
    expect(body.details?.find((detail) => detail.path === 'password')?.message).toMatch(
      /minstens 10 tekens/,
    );

    const empty = await send('PATCH', `/api/users/${crypto.randomUUID()}`, {});
    expect(empty.status).toBe(400);
    expect((await errorBody(empty)).message).toMatch(/Geef aan wat er moet veranderen/);
  });

  it('applies a role change to the user’s existing session at once', async () => {
    const { store, app, beheerder, send } = await setup();
    const target = await createSignedInUser(store, {
      role: 'inspecteur',
      organisation: beheerder.organisation,
    });
    const patched = await send('PATCH', `/api/users/${target.user.id}`, {
      role: 'veiligheid',
      displayName: 'Vera',
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      user: { role: 'veiligheid', displayName: 'Vera' },
    });
    const me = MeResponseSchema.parse(
      await (await app.request('/api/auth/me', { headers: target.headers })).json(),
    );
    expect(me.user.role).toBe('veiligheid');
  });

  it('disabling a user ends their sessions, and enabling lets them sign in again', async () => {
    const { store, app, beheerder, statusOf } = await setup();
    const target = await createSignedInUser(store, {
      role: 'inspecteur',
      organisation: beheerder.organisation,
      password: 'target-wachtwoord',
    });
    expect(await statusOf('PATCH', `/api/users/${target.user.id}`, { disabled: true })).toBe(200);
    expect((await app.request('/api/auth/me', { headers: target.headers })).status).toBe(401);
    const credentials = { email: target.user.email, password: 'target-wachtwoord' };
    expect(await statusOf('POST', '/api/auth/sign-in', credentials, {})).toBe(403);
    expect(await statusOf('PATCH', `/api/users/${target.user.id}`, { disabled: false })).toBe(200);
    expect(await statusOf('POST', '/api/auth/sign-in', credentials, {})).toBe(200);
  });

  it('never lets the last active beheerder be demoted or disabled', async () => {
    const { store, beheerder, send, statusOf } = await setup();
    for (const patch of [{ role: 'inspecteur' }, { disabled: true }]) {
      const response = await send('PATCH', `/api/users/${beheerder.user.id}`, patch);
      expect(response.status).toBe(409);
      expect((await errorBody(response)).message).toMatch(/minstens één actieve beheerder/);
    }
    await createUser(store, { organisationId: beheerder.organisation.id, role: 'beheerder' });
    expect(await statusOf('PATCH', `/api/users/${beheerder.user.id}`, { role: 'inspecteur' })).toBe(
      200,
    );
  });

  it('setting a password signs the user out elsewhere but keeps the beheerder’s own session', async () => {
    const { store, app, beheerder, statusOf } = await setup();
    const target = await createSignedInUser(store, {
      role: 'inspecteur',
      organisation: beheerder.organisation,
      password: 'oud-wachtwoord-1',
    });
    expect(
      await statusOf('POST', `/api/users/${target.user.id}/password`, {
        password: 'nieuw-wachtwoord-1',
      }),
    ).toBe(204);
    expect((await app.request('/api/auth/me', { headers: target.headers })).status).toBe(401);
    const signInWith = (password: string) =>
      statusOf('POST', '/api/auth/sign-in', { email: target.user.email, password }, {});
    expect(await signInWith('oud-wachtwoord-1')).toBe(401);
    expect(await signInWith('nieuw-wachtwoord-1')).toBe(200);

    expect(
      await statusOf('POST', `/api/users/${beheerder.user.id}/password`, {
        password: 'eigen-nieuw-ww',
      }),
    ).toBe(204);
    expect((await app.request('/api/auth/me', { headers: beheerder.headers })).status).toBe(200);
  });
});

describe.each(storeKinds)('user directory on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function directoryOf(app: App, headers: Record<string, string>) {
    const response = await app.request('/api/users/directory', { headers });
    expect(response.status).toBe(200);
    const text = await response.text();
    // Names and roles only: no e-mail address of any colleague leaves the server here.
    expect(text).not.toContain('@');
    return UserDirectoryResponseSchema.parse(JSON.parse(text)).users;
  }

  it('gives every role the names of its own organisation, disabled colleagues included, and nothing of another', async () => {
    const { store, app } = await migratedApp(fresh);
    const organisation = await createOrganisation(store);
    const inspecteur = await createSignedInUser(store, { role: 'inspecteur', organisation });
    const gone = await createUser(store, {
      organisationId: organisation.id,
      role: 'veiligheid',
      displayName: 'Vera Vertrokken',
      disabled: true,
    });
    const beheerder = await createUser(store, {
      organisationId: organisation.id,
      role: 'beheerder',
      displayName: 'Bea Beheer',
    });
    const stranger = await createSignedInUser(store, { role: 'duurzaamheid' });

    const expected = [
      { id: beheerder.id, displayName: 'Bea Beheer', role: 'beheerder' },
      { id: inspecteur.user.id, displayName: 'Test inspecteur', role: 'inspecteur' },
      { id: gone.id, displayName: 'Vera Vertrokken', role: 'veiligheid' },
    ];
    expect(await directoryOf(app, inspecteur.headers)).toEqual(expected);
    expect(await directoryOf(app, (await sessionFor(store, beheerder)).headers)).toEqual(expected);
    expect(await directoryOf(app, stranger.headers)).toEqual([
      { id: stranger.user.id, displayName: 'Test duurzaamheid', role: 'duurzaamheid' },
    ]);
    expect((await app.request('/api/users/directory')).status).toBe(401);
  });
});

describe.each(storeKinds)('demo users on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('seeds one demo user per role who can sign in with the documented password, once', async () => {
    const { store, app } = await migratedApp(fresh);
    await seedDemoData(store, []);
    await seedDemoData(store, []);
    const { rows } = await store.query<{ email: string; role: string }>(
      'SELECT email, role FROM users ORDER BY email',
    );
    expect(rows).toEqual(
      demoUsers
        .map(({ email, role }) => ({ email, role }))
        .sort((a, b) => a.email.localeCompare(b.email)),
    );
    for (const user of demoUsers) {
      const response = await signInExpecting(app, 200, {
        email: user.email,
        password: DEMO_PASSWORD,
      });
      const body = SignInResponseSchema.parse(await response.json());
      expect(body.user).toMatchObject({
        role: user.role,
        organisationSlug: DEMO_ORGANISATION.slug,
      });
    }
  });

  it('adds the demo users to a demo organisation seeded before accounts existed, not to one with users', async () => {
    const { store } = fresh();
    await migrate(store);
    const demo = await createOrganisation(store, {
      slug: DEMO_ORGANISATION.slug,
      name: DEMO_ORGANISATION.name,
    });
    await seedDemoData(store, []);
    const count = async () =>
      (
        await store.query<{ n: number }>(
          'SELECT count(*) AS n FROM users WHERE organisation_id = $1',
          [demo.id],
        )
      ).rows[0]?.n;
    expect(await count()).toBe(demoUsers.length);

    await store.query('DELETE FROM users WHERE email = $1', ['inspecteur@demo.schouw.nl']);
    await seedDemoData(store, []);
    expect(await count()).toBe(demoUsers.length - 1);
  });
});
