import { getAppStore } from '../../db/index.ts';
import { signOut, type SignOutResult } from '../../state/session.ts';
import { requestSignOut } from './auth-api.ts';

/**
 * Signs out on this tablet: refused while the outbox holds unsent work unless a backup was
 * exported in this flow. NOTE: the local work database is not cleared yet, because
 * src/app/db offers no function for it (see the accounts report); only the session is.
 */
export function signOutHere(backupExported: boolean): Promise<SignOutResult> {
  return signOut({
    pendingCount: () => getAppStore().outbox.pendingCount(),
    backupExported,
    revoke: (token) => requestSignOut(token),
  });
}
