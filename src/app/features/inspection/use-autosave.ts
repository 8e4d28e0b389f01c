// The hook around SaveQueue: one queue per field, flushed when the field unmounts (next group)
// and when the page is hidden (tablet locked, app switched, tab closed), and the page asks
// before unloading while a write has not finished.
import { signal } from '@preact/signals';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { SaveQueue, type SaveQueueStatus } from './save-queue.ts';
import { journalPut, journalWritten } from './unsaved-journal.ts';

const queues = new Set<SaveQueue<never>>();
/** The journal key of each queue that has one (answers), see unsaved-journal.ts. */
const journalKeys = new Map<SaveQueue<never>, string>();

/** Copies every unsaved value synchronously, before the page may be gone. */
function journalUnsaved(): void {
  for (const [queue, key] of journalKeys) {
    const unsaved = queue.unsavedValue();
    if (unsaved) journalPut(key, unsaved.value);
  }
}

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
    if (document.visibilityState !== 'hidden') return;
    journalUnsaved();
    void flushAllAutosaves();
  });
  window.addEventListener('pagehide', () => {
    journalUnsaved();
    void flushAllAutosaves();
  });
  window.addEventListener('beforeunload', (event) => {
    journalUnsaved();
    void flushAllAutosaves();
    if (unsavedFields.value > 0) event.preventDefault();
  });
}

export interface Autosave<V> extends SaveQueueStatus {
  save(value: V, delayMs?: number): void;
  /** Drops a value still waiting to be written (the field holds invalid input now). */
  cancel(): void;
  flush(): Promise<void>;
  retry(): Promise<void>;
}

/**
 * `journalKey` (answers) makes a value typed just before the page closes survive: it is copied
 * to localStorage on pagehide/visibilitychange and replayed on the next start.
 */
export function useAutosave<V>(
  write: (value: V) => Promise<unknown>,
  journalKey?: string,
): Autosave<V> {
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
        (value) => {
          if (journalKey !== undefined) journalWritten(journalKey, value);
        },
      ),
    [],
  );
  useEffect(() => {
    listenToPageLifecycle();
    const entry = queue as unknown as SaveQueue<never>;
    queues.add(entry);
    if (journalKey !== undefined) journalKeys.set(entry, journalKey);
    return () => {
      void queue.flush().finally(() => {
        queues.delete(entry);
        journalKeys.delete(entry);
        recount();
      });
    };
  }, [queue]);
  return {
    ...status,
    save: (value, delayMs) => queue.schedule(value, delayMs),
    cancel: () => queue.cancel(),
    flush: () => queue.flush(),
    retry: () => queue.retry(),
  };
}
