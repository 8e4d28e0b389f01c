// Turns a repository's Live<T> (a query that re-runs when its tables change) into Preact state:
// `useLive` for components, `liveSignal` for code outside components. Both start as 'loading'
// so a screen can tell "nothing yet" from "nothing there".
import { signal, type ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { Live } from '../db/index.ts';

export type LiveState<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

const LOADING = { status: 'loading' } as const;

/**
 * Subscribes while the component is mounted; `deps` work as in useEffect (pass the ids the query
 * depends on). Example: `const detail = useLive(() => store.portfolio.watchComplexDetail(id), [id])`.
 */
export function useLive<T>(source: () => Live<T>, deps: readonly unknown[]): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>(LOADING);
  useEffect(() => {
    setState(LOADING);
    return source().subscribe(
      (value) => setState({ status: 'ready', value }),
      (error) => setState({ status: 'error', error }),
    );
    // The caller's deps decide when the query changes, as with useEffect.
  }, deps);
  return state;
}

/** A signal following a live query until dispose() is called. */
export function liveSignal<T>(live: Live<T>): {
  state: ReadonlySignal<LiveState<T>>;
  dispose: () => void;
} {
  const state = signal<LiveState<T>>(LOADING);
  const dispose = live.subscribe(
    (value) => {
      state.value = { status: 'ready', value };
    },
    (error) => {
      state.value = { status: 'error', error };
    },
  );
  return { state, dispose };
}
