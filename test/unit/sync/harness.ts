// A device for sync tests: its own store on the shared fake IndexedDB (own database name), the
// sync store over it, and an engine talking to a FakeSyncServer with controllable timers.
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { SyncEngine, type SyncEngineOptions } from '../../../src/app/sync/engine.ts';
import { testClock, testStore } from '../db/store-fixtures.ts';
import type { FakeSyncServer } from './fake-server.ts';

export interface PendingTimer {
  ms: number;
  fire: () => void;
}

export function testDevice(
  server: FakeSyncServer,
  name: string,
  options: Partial<SyncEngineOptions> & { clockOffsetMs?: number } = {},
) {
  const clock = testClock(Date.UTC(2025, 2, 1, 9, 0, 0) + (options.clockOffsetMs ?? 0));
  const { store, context } = testStore({ name, clock });
  const sync = createSyncStore(context);
  const timers: PendingTimer[] = [];
  const signIn = { needed: 0 };
  const update = { required: 0 };
  const engine = new SyncEngine({
    store: sync,
    transport: server.transport(),
    now: clock.now,
    random: () => 0.5,
    setTimer: (callback, ms) => {
      const timer: PendingTimer = {
        ms,
        fire: () => {
          timers.splice(timers.indexOf(timer), 1);
          callback();
        },
      };
      timers.push(timer);
      return () => {
        const index = timers.indexOf(timer);
        if (index >= 0) timers.splice(index, 1);
      };
    },
    onNeedsSignIn: () => {
      signIn.needed += 1;
    },
    onUpdateRequired: () => {
      update.required += 1;
    },
    ...options,
  });
  return { store, context, sync, engine, clock, timers, signIn, update };
}

export const newAction = (what: string) => ({
  what,
  ownerRole: 'veiligheid' as const,
  dueDate: '2025-04-01',
});

export const veiligheid = { userId: 'user-veiligheid', role: 'veiligheid' as const };
