// One sync loop per device: the Web Locks API lets exactly one tab of this origin run a cycle.
// Without it (old Safari, some webviews) each tab serialises only its own cycles; the server's
// idempotent push keeps two tabs syncing at once correct, only wasteful.
import type { SyncLock } from '../sync/engine.ts';

export const SYNC_LOCK_NAME = 'schouw-sync';

interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function webLock(
  name: string = SYNC_LOCK_NAME,
  locks: LockManagerLike | undefined = (
    globalThis.navigator as { locks?: LockManagerLike } | undefined
  )?.locks,
): SyncLock {
  let localBusy = false;
  return {
    async runExclusive(task) {
      if (!locks) {
        if (localBusy) return { acquired: false };
        localBusy = true;
        try {
          return { acquired: true, value: await task() };
        } finally {
          localBusy = false;
        }
      }
      return locks.request(name, { ifAvailable: true }, async (lock) =>
        lock ? { acquired: true as const, value: await task() } : { acquired: false as const },
      );
    },
  };
}
