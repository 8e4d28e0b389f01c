import { describe, expect, it } from 'vitest';
import { createUser, listUsers, setUserPassword, updateUser } from './users-api.ts';

const user = {
  id: '0192f0c4-0000-7000-8000-000000000001',
  email: 'nieuw@woonstad.nl',
  displayName: 'Nieuwe Inspecteur',
  role: 'inspecteur',
  disabled: false,
  createdAt: '2026-11-22T08:00:00.000Z',
};

function answer(status: number, body?: unknown) {
  return () =>
    Promise.resolve(
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
}

describe('users api', () => {
  it('sends the bearer token and the new user as JSON, and returns the created user', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const input = {
      email: user.email,
      displayName: user.displayName,
      role: 'inspecteur' as const,
      password: 'lang-genoeg',
    };
    const result = await createUser('token-1', input, (url, init) => {
      calls.push({ url, init });
      return answer(201, { user })();
    });
    expect(result).toEqual({ ok: true, value: user });
    expect(calls[0]?.url).toBe('/api/users');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer token-1');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(input);
  });

  it('lists the users of the organisation', async () => {
    expect(await listUsers('t', answer(200, { users: [user] }))).toEqual({
      ok: true,
      value: [user],
    });
  });

  it('passes on the server’s Dutch message when it refuses a change', async () => {
    const body = {
      error: 'last_beheerder',
      message: 'Er moet minstens één actieve beheerder in uw organisatie overblijven.',
    };
    expect(await updateUser('t', user.id, { disabled: true }, answer(409, body))).toEqual({
      ok: false,
      problem: { kind: 'refused', status: 409, error: body.error, message: body.message },
    });
  });

  it('treats a missing network, a 503 from the worker and a refused token as what they are', async () => {
    const noNetwork = () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await listUsers('t', noNetwork)).toEqual({ ok: false, problem: { kind: 'offline' } });
    expect(await listUsers('t', answer(503))).toEqual({ ok: false, problem: { kind: 'offline' } });
    expect(await listUsers('t', answer(401, { error: 'unauthenticated', message: 'x' }))).toEqual({
      ok: false,
      problem: { kind: 'signed-out' },
    });
    expect(await listUsers('t', answer(500))).toEqual({
      ok: false,
      problem: { kind: 'server-error', status: 500 },
    });
  });

  it('accepts the empty 204 answer to a new password and rejects an answer of the wrong shape', async () => {
    expect(await setUserPassword('t', user.id, 'lang-genoeg', answer(204))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(await listUsers('t', answer(200, { users: [{ id: 1 }] }))).toEqual({
      ok: false,
      problem: { kind: 'server-error', status: 200 },
    });
  });
});
