// Live queries without exposing Dexie: a repository returns a Live<T> that re-runs its query
// whenever a table it read changes (in this tab or another one), and the UI subscribes to it
// (src/app/state/use-live.ts).
import { liveQuery } from 'dexie';

export interface Live<T> {
  /** Calls onValue with the first result and after every relevant change; returns unsubscribe. */
  subscribe(onValue: (value: T) => void, onError?: (error: unknown) => void): () => void;
}

/** The query may only await Dexie calls (no fetch, crypto or timers) so Dexie can track it. */
export function live<T>(query: () => Promise<T>): Live<T> {
  return {
    subscribe(onValue, onError) {
      const subscription = liveQuery(query).subscribe({
        next: onValue,
        error: (error: unknown) => onError?.(error),
      });
      return () => subscription.unsubscribe();
    },
  };
}
