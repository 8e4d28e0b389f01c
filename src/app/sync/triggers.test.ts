import { describe, expect, it } from 'vitest';
import type { Live } from '../db/index.ts';
import type { SyncTrigger } from './engine.ts';
import { startSyncTriggers } from './triggers.ts';

function manualTimers() {
  const pending: { ms: number; fire: () => void; cancelled: boolean }[] = [];
  return {
    pending,
    set: (callback: () => void, ms: number) => {
      const timer = { ms, fire: callback, cancelled: false };
      pending.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    fireLive: () => {
      for (const timer of pending.filter((item) => !item.cancelled)) timer.fire();
    },
  };
}

function source<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    emit: (value: T) => listeners.forEach((listener) => listener(value)),
    subscribe(listener: (value: T) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

describe('sync triggers', () => {
  it('asks for a sync when back online, when visible and on every timer tick', () => {
    const triggers: SyncTrigger[] = [];
    const connectivity = source<boolean>();
    const visible = source<undefined>();
    const repeating = manualTimers();
    startSyncTriggers((trigger) => triggers.push(trigger), {
      connectivity,
      visibility: { subscribe: (onVisible) => visible.subscribe(() => onVisible()) },
      setRepeating: repeating.set,
      intervalMs: 60_000,
    });

    connectivity.emit(false);
    connectivity.emit(true);
    visible.emit(undefined);
    repeating.fireLive();

    expect(triggers).toEqual(['online', 'visible', 'timer']);
    expect(repeating.pending[0]?.ms).toBe(60_000);
  });

  it('turns a burst of local writes into one debounced request', () => {
    const triggers: SyncTrigger[] = [];
    const counts = source<number>();
    const timers = manualTimers();
    const pendingCount: Live<number> = { subscribe: (onValue) => counts.subscribe(onValue) };
    startSyncTriggers((trigger) => triggers.push(trigger), {
      connectivity: source<boolean>(),
      pendingCount,
      setTimer: timers.set,
      setRepeating: () => () => undefined,
      debounceMs: 2_000,
    });

    counts.emit(3); // the first value is the state at start, not a write
    counts.emit(4);
    counts.emit(5);
    counts.emit(0); // an acknowledgement is not a write
    timers.fireLive();

    expect(triggers).toEqual(['local-change']);
    expect(timers.pending.filter((timer) => !timer.cancelled)).toHaveLength(1);
  });

  it('removes every listener and timer when stopped', () => {
    const triggers: SyncTrigger[] = [];
    const connectivity = source<boolean>();
    let intervalStopped = false;
    const stop = startSyncTriggers((trigger) => triggers.push(trigger), {
      connectivity,
      setRepeating: () => () => {
        intervalStopped = true;
      },
    });

    stop();
    connectivity.emit(true);

    expect(triggers).toEqual([]);
    expect(intervalStopped).toBe(true);
  });
});
