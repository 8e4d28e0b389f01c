// Startup wiring only: adapters in, signals tracking, render.
import './platform/no-eval.ts';
import { render } from 'preact';
import { App } from './App.tsx';
import { loadLocale, locale, setLocale } from './i18n/i18n.ts';
import { browserConnectivity } from './platform/connectivity.ts';
import { browserStorage } from './platform/storage.ts';
import { browserServiceWorkerUpdates } from './platform/sw-update.ts';
import { watchForUpdates } from './state/app-update.ts';
import { trackConnectivity } from './state/connectivity.ts';
import { startClock, unsyncedWarningAfterMs } from './state/durability.ts';
import { trackStorageStatus } from './state/storage-status.ts';
import { trackPendingChanges, trackRefusals } from './state/sync-status.ts';
import './styles.css';

setLocale(locale.value);
trackConnectivity(browserConnectivity);
trackStorageStatus(browserStorage);
// Storage (Dexie, schemas, templates) loads after the shell, keeping it out of the first load.
// Who is signed in reaches the store through the session wiring (db/current-user.ts).
void import('./db/index.ts').then(({ getAppStore, UNSYNCED_WARNING_AGE_MS }) => {
  trackPendingChanges(getAppStore().outbox);
  trackRefusals(getAppStore().refusals);
  unsyncedWarningAfterMs.value = UNSYNCED_WARNING_AGE_MS;
  // Answers typed just before the tab closed last time (see unsaved-journal.ts).
  void import('./features/inspection/unsaved-journal.ts').then(({ replayUnsavedAnswers }) =>
    replayUnsavedAnswers(getAppStore().answers),
  );
});
// The one sync loop of this device (engine, triggers, cross-tab lock) also loads after the shell.
void import('./sync/start.ts').then(({ startAppSync }) => startAppSync());
startClock();
if (import.meta.env.PROD) watchForUpdates(browserServiceWorkerUpdates());

const root = document.getElementById('app');
// An English user waits for the English texts (a small precached file) instead of a Dutch flash.
void loadLocale(locale.value)
  .catch(() => undefined)
  .then(() => {
    if (root) render(<App />, root);
    performance.mark('schouw:interactive'); // read by bench/first-load.ts
  });
