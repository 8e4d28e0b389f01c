import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memorySessionStorage } from '../platform/session-storage.ts';
import {
  acceptSignIn,
  authToken,
  initSession,
  needsSignIn,
  now,
  session,
  signInNeeded,
  signOut,
  type StoredSession,
} from './session.ts';

const HOUR = 60 * 60 * 1000;

function storedSession(
  overrides: Partial<StoredSession['user']> = {},
  expiresInMs = 12 * HOUR,
): StoredSession {
  return {
    token: 'A'.repeat(43),
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    user: {
      id: 'user-1',
      email: 'ingrid@woonstad.nl',
      displayName: 'Ingrid Jansen',
      role: 'inspecteur',
      organisationId: 'org-1',
      organisationName: 'Woonstad',
      organisationSlug: 'woonstad',
      ...overrides,
    },
  };
}

describe('session state', () => {
  beforeEach(async () => {
    await initSession(memorySessionStorage());
    now.value = Date.now();
  });

  it('restores a kept session after a reload and drops a damaged one', async () => {
    const kept = storedSession();
    await initSession(memorySessionStorage(kept));
    expect(session.value).toEqual(kept);

    const damaged = memorySessionStorage({ token: 'x', user: { id: 1 } });
    await initSession(damaged);
    expect(session.value).toBeNull();
    expect(await damaged.load()).toBeUndefined();
  });

  it('asks to sign in again once the token expires, but keeps the user and their session', async () => {
    await acceptSignIn(storedSession({}, HOUR));
    expect(signInNeeded.value).toBe(false);
    expect(authToken()).toBe('A'.repeat(43));

    now.value = Date.now() + 2 * HOUR;
    expect(signInNeeded.value).toBe(true);
    expect(authToken()).toBeUndefined();
    // Expiry does not sign anyone out: local work goes on under the same user.
    expect(session.value?.user.displayName).toBe('Ingrid Jansen');
  });

  it('asks to sign in again when the sync engine reports a refused token, until sign-in', async () => {
    await acceptSignIn(storedSession());
    needsSignIn();
    expect(signInNeeded.value).toBe(true);
    await acceptSignIn({ ...storedSession(), token: 'B'.repeat(43) });
    expect(signInNeeded.value).toBe(false);
    expect(authToken()).toBe('B'.repeat(43));
  });

  it('does not ask to sign in again when nobody was signed in', () => {
    needsSignIn();
    expect(signInNeeded.value).toBe(false);
  });

  it('keeps the session where it survives a reload', async () => {
    const storage = memorySessionStorage();
    await initSession(storage);
    const next = storedSession();
    await acceptSignIn(next);
    expect(await storage.load()).toEqual(next);
  });

  it('refuses another person on a tablet where someone is still signed in', async () => {
    await acceptSignIn(storedSession({}, -HOUR));
    const result = await acceptSignIn(storedSession({ id: 'user-2', displayName: 'Piet' }));
    expect(result).toEqual({
      ok: false,
      reason: 'other-user',
      previous: expect.objectContaining({ id: 'user-1' }),
    });
    expect(session.value?.user.id).toBe('user-1');
  });

  it('refuses to sign out with unsent work until a backup was exported', async () => {
    const storage = memorySessionStorage();
    await initSession(storage);
    await acceptSignIn(storedSession());
    const clearLocalData = vi.fn(() => Promise.resolve());
    const revoke = vi.fn(() => Promise.resolve());

    const refused = await signOut({
      pendingCount: () => Promise.resolve(3),
      backupExported: false,
      revoke,
      clearLocalData,
    });
    expect(refused).toEqual({ kind: 'backup-required', pending: 3 });
    expect(session.value).not.toBeNull();
    expect(clearLocalData).not.toHaveBeenCalled();
    expect(revoke).not.toHaveBeenCalled();

    const done = await signOut({
      pendingCount: () => Promise.resolve(3),
      backupExported: true,
      revoke,
      clearLocalData,
    });
    expect(done).toEqual({ kind: 'signed-out' });
    expect(revoke).toHaveBeenCalledWith('A'.repeat(43));
    expect(clearLocalData).toHaveBeenCalledOnce();
    expect(session.value).toBeNull();
    expect(await storage.load()).toBeUndefined();
  });

  it('signs out offline too: a failed revoke does not keep the session on the tablet', async () => {
    await acceptSignIn(storedSession());
    const result = await signOut({
      pendingCount: () => Promise.resolve(0),
      backupExported: false,
      revoke: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(result).toEqual({ kind: 'signed-out' });
    expect(session.value).toBeNull();
  });
});
