// POST /api/auth/setup-code: a one-time code from `npm run admin` sets a password and signs in,
// once, before it expires, for its own user only, and guesses are rate limited like sign-ins.
import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS } from '../../src/server/auth/rate-limit.ts';
import { issueSetupCode, normaliseSetupCode } from '../../src/server/auth/setup-codes.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import { SignInResponseSchema } from '../../src/shared/auth.ts';
import { ApiErrorBodySchema } from '../../src/shared/sync/protocol.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { appFor } from './support/app.ts';
import { createOrganisation, createUser, signIn } from './support/auth.ts';

const NEW_PASSWORD = 'een-nieuw-wachtwoord';

describe('setup codes', () => {
  it('read the same whatever the case, spaces, hyphens or O/0 and I/L/1 mix-ups', () => {
    expect(normaliseSetupCode(' k7qm-3xpd 9t2w-hb4r ')).toBe('K7QM3XPD9T2WHB4R');
    expect(normaliseSetupCode('O1IL')).toBe('0111');
  });
});

describe.each(storeKinds)('POST /api/auth/setup-code on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup() {
    const { store } = fresh();
    await migrate(store);
    const organisation = await createOrganisation(store);
    const user = await createUser(store, {
      organisationId: organisation.id,
      role: 'beheerder',
      password: 'het-oude-wachtwoord',
    });
    const app = appFor(store);
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const redeem = (code: string, email = user.email, password = NEW_PASSWORD) =>
      post('/api/auth/setup-code', { email, code, password });
    return { store, app, organisation, user, post, redeem };
  }

  it('sets the password, signs in, and works only once', async () => {
    const { store, app, user, post, redeem } = await setup();
    const old = await signIn(store, user);
    const { code } = await store.transaction((tx) => issueSetupCode(tx, user.id));

    const first = await redeem(code.toLowerCase());
    expect(first.status).toBe(200);
    const body = SignInResponseSchema.parse(await first.json());
    expect(body.user).toMatchObject({ id: user.id, role: 'beheerder' });
    // The new session works; the session of the old password does not.
    const headers = { authorization: `Bearer ${body.token}` };
    expect((await app.request('/api/auth/me', { headers })).status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: old.headers })).status).toBe(401);

    const again = await redeem(code, user.email, 'nog-een-ander-wachtwoord');
    expect(again.status).toBe(401);
    expect(ApiErrorBodySchema.parse(await again.json()).error).toBe('invalid_setup_code');
    expect(
      (await post('/api/auth/sign-in', { email: user.email, password: NEW_PASSWORD })).status,
    ).toBe(200);
    expect(
      (await post('/api/auth/sign-in', { email: user.email, password: 'het-oude-wachtwoord' }))
        .status,
    ).toBe(401);
  });

  it('refuses an expired code, a code of another user, and a replaced code', async () => {
    const { store, organisation, user, redeem } = await setup();
    const colleague = await createUser(store, {
      organisationId: organisation.id,
      role: 'inspecteur',
    });
    const expired = await store.transaction((tx) => issueSetupCode(tx, user.id, 1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await redeem(expired.code)).status).toBe(401);

    const theirs = await store.transaction((tx) => issueSetupCode(tx, colleague.id));
    expect((await redeem(theirs.code, user.email)).status).toBe(401);

    const replaced = await store.transaction((tx) => issueSetupCode(tx, user.id));
    const newer = await store.transaction((tx) => issueSetupCode(tx, user.id));
    expect((await redeem(replaced.code)).status).toBe(401);
    expect((await redeem(newer.code)).status).toBe(200);
    // The colleague's code still belongs to the colleague.
    expect((await redeem(theirs.code, colleague.email)).status).toBe(200);
  });

  it('gives one of two simultaneous requests with the same code the account', async () => {
    const { store, user, redeem } = await setup();
    const { code } = await store.transaction((tx) => issueSetupCode(tx, user.id));
    const answers = await Promise.all([
      redeem(code, user.email, 'wachtwoord-van-de-een'),
      redeem(code, user.email, 'wachtwoord-van-de-ander'),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('keeps a disabled account disabled and the code unused', async () => {
    const { store, organisation, redeem } = await setup();
    const disabled = await createUser(store, {
      organisationId: organisation.id,
      role: 'inspecteur',
      disabled: true,
    });
    const { code } = await store.transaction((tx) => issueSetupCode(tx, disabled.id));
    const answer = await redeem(code, disabled.email);
    expect(answer.status).toBe(403);
    expect(ApiErrorBodySchema.parse(await answer.json()).error).toBe('account_disabled');
    const { rows } = await store.query<{ used: boolean }>(
      'SELECT used_at IS NOT NULL AS used FROM setup_codes WHERE user_id = $1',
      [disabled.id],
    );
    expect(rows).toEqual([{ used: false }]);
  });

  it('answers 400 in Dutch to hostile or incomplete input', async () => {
    const { store, user, post, redeem } = await setup();
    const { code } = await store.transaction((tx) => issueSetupCode(tx, user.id));
    const short = await redeem(code, user.email, 'kort');
    expect(short.status).toBe(400);
    expect(ApiErrorBodySchema.parse(await short.json()).message).toMatch(/minstens 10 tekens/);
    for (const body of [
      {},
      { email: user.email },
      { email: 'geen-adres', code, password: NEW_PASSWORD },
      { email: user.email, code: 'x'.repeat(500), password: NEW_PASSWORD },
      'tekst',
    ]) {
      const answer = await post('/api/auth/setup-code', body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
    }
    // The refused attempts did not use the code.
    expect((await redeem(code)).status).toBe(200);
  });

  it('counts wrong codes against the sign-in budget: guessing stops with 429', async () => {
    const { store, user, redeem } = await setup();
    const { code } = await store.transaction((tx) => issueSetupCode(tx, user.id));
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmailAndAddress; attempt += 1) {
      expect((await redeem('AAAA-BBBB-CCCC-DDDD')).status).toBe(401);
    }
    const blocked = await redeem(code);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
