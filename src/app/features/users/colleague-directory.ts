// Keeps the organisation's names on the device: shows the kept list at once (offline too) and
// asks the server for a fresh one after sign-in, on reconnecting and after every sync. Loaded
// after the shell (it needs the database), from session-wiring.ts.
import { computed, effect } from '@preact/signals';
import type { DirectoryUser } from '../../../shared/auth.ts';
import { getAppStore, type SchouwStore } from '../../db/index.ts';
import { online } from '../../state/connectivity.ts';
import { authToken, session } from '../../state/session.ts';
import { syncStatus } from '../../state/sync-engine-status.ts';
import { colleagueDirectory } from './colleague-names.ts';
import { fetchColleagueDirectory, type UsersResult } from './users-api.ts';

export interface ColleagueDirectoryDependencies {
  store: Pick<SchouwStore, 'colleagues'>;
  fetchDirectory?: (token: string) => Promise<UsersResult<DirectoryUser[]>>;
}

/**
 * Fetches the directory for the signed-in user and keeps it. False when there was no token, the
 * server could not be asked, or someone else signed in meanwhile (their list is not this one).
 */
export async function refreshColleagueDirectory(
  deps: ColleagueDirectoryDependencies,
): Promise<boolean> {
  const token = authToken();
  const user = session.value?.user;
  if (token === undefined || !user) return false;
  const result = await (deps.fetchDirectory ?? fetchColleagueDirectory)(token);
  if (!result.ok || session.value?.user.id !== user.id) return false;
  await deps.store.colleagues.replace(user.organisationId, result.value);
  return true;
}

// Derived so that the effect below re-runs only when these values change, not on every tick of
// the session clock or every step of a sync cycle.
const token = computed(() => authToken());
const lastSyncAt = computed(() => syncStatus.value?.lastSyncAt);

/** Follows the kept list into `colleagueDirectory` and refreshes it; returns the stop function. */
export function startColleagueDirectory(
  deps: ColleagueDirectoryDependencies = { store: getAppStore() },
): () => void {
  const stopWatching = deps.store.colleagues.watch().subscribe(
    (directory) => {
      colleagueDirectory.value = directory;
    },
    // Without the kept list, names fall back to "een collega"; nothing else depends on it.
    () => undefined,
  );
  let busy = false;
  const stopRefreshing = effect(() => {
    const current = token.value;
    const reachable = online.value;
    void lastSyncAt.value;
    if (current === undefined || !reachable || busy) return;
    busy = true;
    void refreshColleagueDirectory(deps)
      .catch(() => false)
      .finally(() => {
        busy = false;
      });
  });
  return () => {
    stopRefreshing();
    stopWatching();
  };
}
