// Starts the app's one sync loop: the engine over the app's store and fetch, the cross-tab lock,
// the triggers, and the session (token in, "sign in again" out). Loaded lazily after the shell.
import { effect } from '@preact/signals';
import { getAppSyncStore } from '../db/index.ts';
import { browserConnectivity } from '../platform/connectivity.ts';
import { createHttpTransport } from '../platform/http.ts';
import { webLock } from '../platform/web-locks.ts';
import { authToken, needsSignIn } from '../state/session.ts';
import { trackSyncEngine } from '../state/sync-engine-status.ts';
import { SyncEngine } from './engine.ts';
import { documentVisibility, startSyncTriggers } from './triggers.ts';

export function startAppSync(): () => void {
  const store = getAppSyncStore();
  const engine = new SyncEngine({
    store,
    transport: createHttpTransport({ token: authToken }),
    lock: webLock(),
    onNeedsSignIn: needsSignIn,
  });
  const stopTracking = trackSyncEngine(engine);
  // Without a token the server can only answer 401: wait for a sign-in instead.
  const stopTriggers = startSyncTriggers(
    (trigger) => {
      if (authToken() !== undefined) engine.requestSync(trigger);
    },
    {
      connectivity: browserConnectivity,
      visibility: documentVisibility,
      pendingCount: store.watchPendingCount(),
    },
  );
  // A (new) token: resume after a 401 and sync at once; also the first sync after start-up.
  const stopSession = effect(() => {
    if (authToken() === undefined) return;
    if (engine.status.blocked === 'unauthenticated') engine.resume();
    else engine.requestSync('manual');
  });
  return () => {
    stopSession();
    stopTriggers();
    stopTracking();
    engine.dispose();
  };
}
