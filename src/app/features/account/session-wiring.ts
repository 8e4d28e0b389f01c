import { idbSessionStorage } from '../../platform/session-storage.ts';
import { initSession, sessionLoaded, startSessionClock } from '../../state/session.ts';

// Connects the session state to the real browser: idb-keyval storage, the outbox and the
// shell (the banner loads it), kept free of the work database so the shell stays small.

let loading: Promise<void> | undefined;
let stopClock: (() => void) | undefined;

/** Loads the kept session once per page and starts the expiry clock. */
export function ensureSessionLoaded(): Promise<void> {
  loading ??= initSession(idbSessionStorage()).then(() => {
    stopClock ??= startSessionClock();
  });
  return sessionLoaded.value ? Promise.resolve() : loading;
}
