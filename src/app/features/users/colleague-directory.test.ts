import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryUser, SignInResponse } from '../../../shared/auth.ts';
import { testStore } from '../../../../test/unit/db/store-fixtures.ts';
import { memorySessionStorage } from '../../platform/session-storage.ts';
import { online } from '../../state/connectivity.ts';
import { initSession, session } from '../../state/session.ts';
import { syncStatus } from '../../state/sync-engine-status.ts';
import { idleSyncStatus } from '../../sync/engine.ts';
import { refreshColleagueDirectory, startColleagueDirectory } from './colleague-directory.ts';
import { colleagueDirectory, userName } from './colleague-names.ts';
import type { UsersResult } from './users-api.ts';

function signedIn(id: string, organisationId = 'org-1'): SignInResponse {
  return {
    token: `${id}-`.padEnd(43, 'x'),
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id,
      email: `${id}@woonstad.nl`,
      displayName: `Gebruiker ${id}`,
      role: 'inspecteur',
      organisationId,
      organisationName: 'Woonstad',
      organisationSlug: 'woonstad',
    },
  };
}

const vera: DirectoryUser = { id: 'u-vera', displayName: 'Vera Veilig', role: 'veiligheid' };

function answering(users: DirectoryUser[]) {
  return vi.fn((_token: string): Promise<UsersResult<DirectoryUser[]>> =>
    Promise.resolve({ ok: true, value: users }),
  );
}

const offline = () =>
  Promise.resolve<UsersResult<DirectoryUser[]>>({ ok: false, problem: { kind: 'offline' } });

describe('the colleague directory on the device', () => {
  beforeEach(async () => {
    await initSession(memorySessionStorage(signedIn('u-self')));
    online.value = true;
  });

  afterEach(() => {
    colleagueDirectory.value = undefined;
    session.value = null;
    syncStatus.value = undefined;
  });

  it('fetches the names after sign-in and still shows them offline after a restart', async () => {
    const { store } = testStore();
    const fetchDirectory = answering([vera]);
    const stop = startColleagueDirectory({ store, fetchDirectory });
    await vi.waitFor(() => expect(userName('u-vera')).toBe('Vera Veilig'));
    expect(fetchDirectory).toHaveBeenCalledWith(signedIn('u-self').token);
    stop();
    colleagueDirectory.value = undefined;

    // Next morning, no network: the kept list names Vera.
    online.value = false;
    const noNetwork = vi.fn(offline);
    const again = startColleagueDirectory({ store, fetchDirectory: noNetwork });
    await vi.waitFor(() => expect(userName('u-vera')).toBe('Vera Veilig'));
    expect(noNetwork).not.toHaveBeenCalled();
    again();
  });

  it('keeps the old list when the server cannot be reached, and fetches again on reconnecting', async () => {
    const { store } = testStore();
    await store.colleagues.replace('org-1', [vera]);
    const fetchDirectory = vi.fn(offline);
    const stop = startColleagueDirectory({ store, fetchDirectory });
    await vi.waitFor(() => expect(fetchDirectory).toHaveBeenCalledTimes(1));
    expect((await store.colleagues.get())?.users).toEqual([vera]);

    fetchDirectory.mockImplementation(() =>
      Promise.resolve({
        ok: true,
        value: [vera, { id: 'u-nieuw', displayName: 'Nina Nieuw', role: 'inspecteur' }],
      }),
    );
    online.value = false;
    online.value = true;
    await vi.waitFor(() => expect(userName('u-nieuw')).toBe('Nina Nieuw'));
    stop();
  });

  it('asks again after every completed sync, not on every step of one', async () => {
    const { store } = testStore();
    const fetchDirectory = answering([vera]);
    const stop = startColleagueDirectory({ store, fetchDirectory });
    await vi.waitFor(() => expect(userName('u-vera')).toBe('Vera Veilig'));
    expect(fetchDirectory).toHaveBeenCalledTimes(1);

    syncStatus.value = { ...idleSyncStatus(), running: true, step: 'pull' };
    syncStatus.value = { ...idleSyncStatus(), running: false, lastSyncAt: 1_000 };
    await vi.waitFor(() => expect(fetchDirectory).toHaveBeenCalledTimes(2));
    syncStatus.value = { ...idleSyncStatus(), running: true, lastSyncAt: 1_000 };
    await Promise.resolve();
    expect(fetchDirectory).toHaveBeenCalledTimes(2);
    stop();
  });

  it('does not keep a list that arrives after another user signed in', async () => {
    const { store } = testStore();
    let release: (value: UsersResult<DirectoryUser[]>) => void = () => undefined;
    const slow = new Promise<UsersResult<DirectoryUser[]>>((resolve) => {
      release = resolve;
    });
    const refreshing = refreshColleagueDirectory({ store, fetchDirectory: () => slow });
    session.value = signedIn('u-other', 'org-2');
    release({ ok: true, value: [vera] });
    expect(await refreshing).toBe(false);
    expect(await store.colleagues.get()).toBeUndefined();
  });

  it('names nobody from a kept list of another organisation', async () => {
    const { store } = testStore();
    await store.colleagues.replace('org-2', [vera]);
    const stop = startColleagueDirectory({ store, fetchDirectory: offline });
    await vi.waitFor(() => expect(colleagueDirectory.value?.organisationId).toBe('org-2'));
    expect(userName('u-vera')).toBe('een collega');
    stop();
  });

  it('is gone after the device is cleared at sign-out', async () => {
    const { store } = testStore();
    await store.colleagues.replace('org-1', [vera]);
    await store.clearAll();
    expect(await store.colleagues.get()).toBeUndefined();
  });
});
