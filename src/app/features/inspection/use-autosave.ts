// The hook around SaveQueue: one queue per field, flushed when the field unmounts (next group)
// and when the page is hidden (tablet locked, app switched, tab closed), and the page asks
// before unloading while a write has not finished.
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SaveQueue, type SaveQueueStatus } from './save-queue.ts';

const queues = new Set<SaveQueue<never>>();

/** Number of fields with something entered that is not yet on disk. */
export const unsavedFields = signal(0);

function recount(): void {
  let count = 0;
  for (const queue of queues) if (queue.unsaved) count += 1;
  unsavedFields.value = count;
}

/** Writes everything that waits for a pause in typing. */
export function flushAllAutosaves(): Promise<void> {
  return Promise.all([...queues].map((queue) => queue.flush())).then(() => undefined);
}

let listening = false;
function listenToPageLifecycle(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAllAutosaves();
  });
  window.addEventListener('pagehide', () => void flushAllAutosaves());
  window.addEventListener('beforeunload', (event) => {
    void flushAllAutosaves();
    if (unsavedFields.value > 0) event.preventDefault();
  });
}

export interface Autosave<V> extends SaveQueueStatus {
  save(value: V, delayMs?: number): void;
  flush(): Promise<void>;
  retry(): Promise<void>;
}

export function useAutosave<V>(write: (value: V) => Promise<unknown>): Autosave<V> {
  const [status, setStatus] = useState<SaveQueueStatus>({ state: 'idle' });
  const writeRef = useRef(write);
  writeRef.current = write;
  const queue = useMemo(
    () =>
      new SaveQueue<V>(
        (value) => writeRef.current(value),
        (next) => {
          setStatus(next);
          recount();
        },
      ),
    [],
  );
  useEffect(() => {
    listenToPageLifecycle();
    const entry = queue as unknown as SaveQueue<never>;
    queues.add(entry);
    return () => {
      void queue.flush().finally(() => {
        queues.delete(entry);
        recount();
      });
    };
  }, [queue]);
  return {
    ...status,
    save: (value, delayMs) => queue.schedule(value, delayMs),
    flush: () => queue.flush(),
    retry: () => queue.retry(),
  };
}
