import { getAppStore } from '../../db/index.ts';
import { signOut, type SignOutResult } from '../../state/session.ts';
import { requestSignOut } from './auth-api.ts';

/**
 * Signs out on this tablet: refused while the outbox holds unsent work unless a backup was
 * exported in this flow. Afterwards nothing of this user remains readable: the local
 * database and the session are cleared.
 */
export function signOutHere(backupExported: boolean): Promise<SignOutResult> {
  return signOut({
    pendingCount: () => getAppStore().outbox.pendingCount(),
    backupExported,
    revoke: (token) => requestSignOut(token),
    clearLocalData: () => getAppStore().clearAll(),
  });
}
