// When the sync loop runs: the connection came back, the page became visible, a timer ticked, or
// the user saved something (debounced, so a burst of autosaves becomes one cycle).
import type { Live } from '../db/index.ts';
import type { SyncTrigger } from './engine.ts';

export interface SyncTriggerSources {
  /** Calls back with true when the device regains a connection. */
  connectivity: { subscribe(listener: (online: boolean) => void): () => void };
  /** Calls back when the page becomes visible again. */
  visibility?: { subscribe(onVisible: () => void): () => void };
  /** The outbox size; a rise means a local write. */
  pendingCount?: Live<number>;
  intervalMs?: number;
  debounceMs?: number;
  setTimer?: (callback: () => void, ms: number) => () => void;
  setRepeating?: (callback: () => void, ms: number) => () => void;
}

export const SYNC_INTERVAL_MS = 60_000;
export const LOCAL_CHANGE_DEBOUNCE_MS = 2_000;

function timeout(callback: () => void, ms: number): () => void {
  const handle = setTimeout(callback, ms);
  return () => clearTimeout(handle);
}

function interval(callback: () => void, ms: number): () => void {
  const handle = setInterval(callback, ms);
  return () => clearInterval(handle);
}

/** Wires the triggers to `requestSync`; returns a function that removes them all. */
export function startSyncTriggers(
  requestSync: (trigger: SyncTrigger) => void,
  sources: SyncTriggerSources,
): () => void {
  const setTimer = sources.setTimer ?? timeout;
  const setRepeating = sources.setRepeating ?? interval;
  const stops: (() => void)[] = [];
  stops.push(
    sources.connectivity.subscribe((online) => {
      if (online) requestSync('online');
    }),
  );
  if (sources.visibility) stops.push(sources.visibility.subscribe(() => requestSync('visible')));
  stops.push(setRepeating(() => requestSync('timer'), sources.intervalMs ?? SYNC_INTERVAL_MS));
  if (sources.pendingCount) {
    let previous: number | undefined;
    let cancelDebounce: (() => void) | undefined;
    stops.push(
      sources.pendingCount.subscribe((count) => {
        const rose = previous !== undefined && count > previous;
        previous = count;
        if (!rose) return;
        cancelDebounce?.();
        cancelDebounce = setTimer(() => {
          cancelDebounce = undefined;
          requestSync('local-change');
        }, sources.debounceMs ?? LOCAL_CHANGE_DEBOUNCE_MS);
      }),
    );
    stops.push(() => cancelDebounce?.());
  }
  return () => {
    for (const stop of stops.splice(0)) stop();
  };
}

/** The page's visibility as a trigger source. */
export const documentVisibility = {
  subscribe(onVisible: () => void): () => void {
    const listener = () => {
      if (document.visibilityState === 'visible') onVisible();
    };
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
