// Sign-in limiting under concurrency and against lock-outs (issue 10, item 5): every attempt is
// reserved in the database before its password is hashed, a stranger cannot lock a person out
// of the addresses they signed in from, and X-Forwarded-For counts only behind TRUSTED_PROXIES.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import type { TrustedProxies } from '../../src/server/auth/client-address.ts';
import { recordSignInFailure, SIGN_IN_LIMITS } from '../../src/server/auth/rate-limit.ts';
import { parseConfig } from '../../src/server/config.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { createOrganisation, createUser, TEST_SCRYPT } from './support/auth.ts';
import { hashPassword } from '../../src/server/auth/password.ts';

const PASSWORD = 'lang-genoeg-wachtwoord';

function appOn(store: Store, trustedProxies?: TrustedProxies) {
  return createApp({
    store,
    distDir: makeTempDir('no-dist'),
    version: 'test',
    trustedProxies,
    logError: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
}
type App = ReturnType<typeof appOn>;

async function signIn(
  app: App,
  email: string,
  password: string,
  peer: string,
  forwardedFor?: string,
): Promise<number> {
  const response = await app.request(
    '/api/auth/sign-in',
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
      },
      body: JSON.stringify({ email, password }),
    },
    { incoming: { socket: { remoteAddress: peer } } },
  );
  return response.status;
}

describe.each(storeKinds)('sign-in limits on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup(trustedProxies?: TrustedProxies) {
    const { store } = fresh();
    await migrate(store);
    const organisation = await createOrganisation(store);
    const email = `ingrid-${Math.random().toString(36).slice(2, 8)}@woonstad.nl`;
    await createUser(store, { organisationId: organisation.id, role: 'inspecteur', email });
    await store.query('UPDATE users SET password_hash = $1 WHERE email = $2', [
      await hashPassword(PASSWORD, TEST_SCRYPT),
      email,
    ]);
    return { store, email, app: appOn(store, trustedProxies) };
  }

  it('checks only as many of 30 parallel wrong passwords as the limit allows', async () => {
    const { app, email } = await setup();
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(app, email, `geraden-${i}`, '198.51.100.7')),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(
      SIGN_IN_LIMITS.perEmailAndAddress,
    );
    expect(statuses.filter((status) => status === 429)).toHaveLength(
      30 - SIGN_IN_LIMITS.perEmailAndAddress,
    );
  });

  it('never lets a stranger lock the owner out of an address the owner signed in from', async () => {
    const { app, email } = await setup();
    expect(await signIn(app, email, PASSWORD, '203.0.113.5')).toBe(200);
    // A stranger guesses from many addresses until the account's overall limit is reached.
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i += 1)
      expect(await signIn(app, email, 'geraden', `198.51.100.${i + 1}`)).toBe(401);
    expect(await signIn(app, email, 'geraden', '198.51.100.200')).toBe(429);
    expect(await signIn(app, email, PASSWORD, '198.51.100.201')).toBe(429);
    // The owner, from where they signed in before, still gets in; and their own typo there
    // does not lock them either.
    expect(await signIn(app, email, 'tikfout', '203.0.113.5')).toBe(401);
    expect(await signIn(app, email, PASSWORD, '203.0.113.5')).toBe(200);
  });

  it('limits one address trying many accounts', async () => {
    const { app, store, email } = await setup();
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i += 1)
      await recordSignInFailure(store, `iemand-${i}@woonstad.nl`, '198.51.100.9');
    expect(await signIn(app, email, PASSWORD, '198.51.100.9')).toBe(429);
    expect(await signIn(app, email, PASSWORD, '198.51.100.10')).toBe(200);
  });

  it('counts IPv6 addresses per /64', async () => {
    const { app, email } = await setup();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress; i += 1)
      expect(await signIn(app, email, 'geraden', `2001:db8:1:2::${i + 1}`)).toBe(401);
    expect(await signIn(app, email, 'geraden', '2001:db8:1:2:ffff::9')).toBe(429);
    expect(await signIn(app, email, PASSWORD, '2001:db8:1:3::1')).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUSTED_PROXIES names the proxy', async () => {
    const { app, email } = await setup();
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress; i += 1)
      expect(await signIn(app, email, 'geraden', '198.51.100.7', `192.0.2.${i}`)).toBe(401);
    expect(await signIn(app, email, 'geraden', '198.51.100.7', '192.0.2.99')).toBe(429);
  });

  it('takes the client from X-Forwarded-For behind a trusted proxy, never a spoofed entry', async () => {
    const proxy = '10.0.0.1';
    const { app, email } = await setup({ kind: 'list', entries: ['10.0.0.0/8'] });
    // The client puts a fake address in front; the proxy appends the real one.
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress; i += 1)
      expect(await signIn(app, email, 'geraden', proxy, `192.0.2.${i}, 198.51.100.7`)).toBe(401);
    expect(await signIn(app, email, 'geraden', proxy, '198.51.100.7')).toBe(429);
    // Someone else behind the same proxy is not affected.
    expect(await signIn(app, email, PASSWORD, proxy, '198.51.100.8')).toBe(200);
    // A request that did not come through the proxy cannot choose its address.
    expect(await signIn(app, email, 'geraden', '198.51.100.7', '198.51.100.50')).toBe(429);
  });

  it('takes the client a number of hops from the right with TRUSTED_PROXIES=<hops>', async () => {
    const { app, email } = await setup({ kind: 'hops', hops: 2 });
    for (let i = 0; i < SIGN_IN_LIMITS.perEmailAndAddress; i += 1)
      expect(
        await signIn(app, email, 'geraden', '10.0.0.2', `1.1.1.${i}, 198.51.100.7, 10.0.0.1`),
      ).toBe(401);
    expect(await signIn(app, email, PASSWORD, '10.0.0.2', '198.51.100.7, 10.0.0.1')).toBe(429);
    expect(await signIn(app, email, PASSWORD, '10.0.0.2', '198.51.100.8, 10.0.0.1')).toBe(200);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('reads a hop count or a list of addresses and subnets, and refuses anything else', () => {
    expect(parseConfig({}).trustedProxies).toBeUndefined();
    expect(parseConfig({ TRUSTED_PROXIES: ' ' }).trustedProxies).toBeUndefined();
    expect(parseConfig({ TRUSTED_PROXIES: '1' }).trustedProxies).toEqual({ kind: 'hops', hops: 1 });
    expect(parseConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16, ::1' }).trustedProxies).toEqual({
      kind: 'list',
      entries: ['10.0.0.1', '10.1.0.0/16', '::1'],
    });
    for (const bad of ['0', '11', 'proxy.example.nl', '10.0.0.0/33', '10.0.0.1/8/8'])
      expect(() => parseConfig({ TRUSTED_PROXIES: bad }), bad).toThrow(/TRUSTED_PROXIES moet/);
  });
});
