import { idbSessionStorage } from '../../platform/session-storage.ts';
import { initSession, sessionLoaded, startSessionClock } from '../../state/session.ts';

// Connects the session state to the browser's idb-keyval storage. Loaded with the shell
// (the banner calls it), so the session is known right after start.

let loading: Promise<void> | undefined;
let stopClock: (() => void) | undefined;

/** Loads the kept session once per page and starts the expiry clock. */
export function ensureSessionLoaded(): Promise<void> {
  loading ??= initSession(idbSessionStorage()).then(() => {
    stopClock ??= startSessionClock();
    // Colleagues' names need the database, which loads after the shell: fetched lazily.
    void import('../users/colleague-directory.ts').then(
      ({ startColleagueDirectory }) => startColleagueDirectory(),
      () => undefined,
    );
  });
  return sessionLoaded.value ? Promise.resolve() : loading;
}
