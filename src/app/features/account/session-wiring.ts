import { setCurrentUserSource } from '../../db/current-user.ts';
import { idbSessionStorage } from '../../platform/session-storage.ts';
import { initSession, session, sessionLoaded, startSessionClock } from '../../state/session.ts';

// Connects the session state to the browser's idb-keyval storage. Loaded with the shell
// (the banner calls it), so the session is known right after start.

let loading: Promise<void> | undefined;
let stopClock: (() => void) | undefined;

/** Loads the kept session once per page and starts the expiry clock. */
export function ensureSessionLoaded(): Promise<void> {
  // Every write records its author (histories, "Door") and planning is per inspector.
  setCurrentUserSource(() => session.value?.user.id);
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
