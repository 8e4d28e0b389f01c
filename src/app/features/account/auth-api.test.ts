import { describe, expect, it } from 'vitest';
import { requestSetupCodeSignIn, requestSignIn, requestSignOut } from './auth-api.ts';

const input = { organisation: '', email: 'ingrid@woonstad.nl', password: 'geheim-wachtwoord' };

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return () =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      }),
    );
}

const okBody = {
  token: 'A'.repeat(43),
  expiresAt: '2026-11-22T18:00:00.000Z',
  user: {
    id: 'u',
    email: 'ingrid@woonstad.nl',
    displayName: 'Ingrid',
    role: 'inspecteur',
    organisationId: 'o',
    organisationName: 'Woonstad',
    organisationSlug: 'woonstad',
  },
};

describe('requestSignIn', () => {
  it('sends the organisation only when one was typed', async () => {
    const bodies: unknown[] = [];
    const fetchFn = (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return answer(200, okBody)();
    };
    await requestSignIn(input, fetchFn);
    await requestSignIn({ ...input, organisation: ' woonstad ' }, fetchFn);
    expect(bodies).toEqual([
      { email: input.email, password: input.password },
      { email: input.email, password: input.password, organisation: 'woonstad' },
    ]);
  });

  it('maps each server answer to what the screen says', async () => {
    expect(await requestSignIn(input, answer(200, okBody))).toEqual({
      kind: 'ok',
      session: okBody,
    });
    expect(
      await requestSignIn(input, answer(401, { error: 'invalid_credentials', message: '…' })),
    ).toEqual({
      kind: 'invalid-credentials',
    });
    expect(
      await requestSignIn(input, answer(400, { error: 'organisation_required', message: '…' })),
    ).toEqual({
      kind: 'organisation-required',
    });
    expect(
      await requestSignIn(input, answer(403, { error: 'account_disabled', message: '…' })),
    ).toEqual({
      kind: 'account-disabled',
    });
    expect(
      await requestSignIn(
        input,
        answer(429, { error: 'too_many_attempts', message: '…' }, { 'retry-after': '840' }),
      ),
    ).toEqual({ kind: 'rate-limited', retryAfterSeconds: 840 });
    expect(
      await requestSignIn(
        input,
        answer(400, { error: 'invalid_input', message: 'Dit is geen geldig e-mailadres.' }),
      ),
    ).toEqual({
      kind: 'invalid-input',
      message: 'Dit is geen geldig e-mailadres.',
    });
    expect(await requestSignIn(input, answer(500, { error: 'internal', message: '…' }))).toEqual({
      kind: 'server-error',
      status: 500,
    });
    expect(await requestSignIn(input, answer(200, { token: 'only' }))).toEqual({
      kind: 'server-error',
      status: 200,
    });
  });

  it('reports offline when no answer arrives', async () => {
    const outcome = await requestSignIn(input, () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    expect(outcome).toEqual({ kind: 'offline' });
  });
});

describe('requestSignOut', () => {
  it('sends the token and accepts an already expired session', async () => {
    let authorization: string | null = null;
    await requestSignOut('tok', (_url, init) => {
      authorization = new Headers(init?.headers).get('authorization');
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    expect(authorization).toBe('Bearer tok');
    await expect(
      requestSignOut('tok', answer(401, { error: 'unauthenticated' })),
    ).resolves.toBeUndefined();
    await expect(requestSignOut('tok', answer(500, {}))).rejects.toThrow(/500/);
  });
});

describe('requestSetupCodeSignIn', () => {
  it('sends the code to the setup-code route and maps a refused code', async () => {
    const calls: { url: string; body: unknown }[] = [];
    const fetchFn = (url: string, init?: RequestInit) => {
      calls.push({ url, body: JSON.parse(String(init?.body)) });
      return answer(401, { error: 'invalid_setup_code', message: 'Deze code klopt niet' })();
    };
    const outcome = await requestSetupCodeSignIn({ ...input, code: 'k7qm-3xpd' }, fetchFn);
    expect(outcome).toEqual({ kind: 'invalid-setup-code' });
    expect(calls).toEqual([
      {
        url: '/api/auth/setup-code',
        body: { email: input.email, password: input.password, code: 'k7qm-3xpd' },
      },
    ]);
    expect(await requestSetupCodeSignIn({ ...input, code: 'x' }, answer(200, okBody))).toEqual({
      kind: 'ok',
      session: okBody,
    });
  });
});
