// One-shot loads (a repository call without a live variant) as component state, re-run when
// `deps` change; a late answer for old deps is ignored.
import { useEffect, useState } from 'preact/hooks';
import type { LiveState } from '../../state/use-live.ts';

export function usePromise<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
): LiveState<T> & { reload: () => void } {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setState({ status: 'ready', value }),
      (error: unknown) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
    // The caller's deps decide when the load changes, as with useEffect.
  }, [...deps, round]);
  return { ...state, reload: () => setRound((value) => value + 1) };
}
