import { createStore, del, get, set, type UseStore } from 'idb-keyval';

// Where the signed-in session survives a reload or a night without network: a small
// IndexedDB store of its own (idb-keyval), apart from the work database, so signing out can
// remove it without touching anything else.
export interface SessionStorage {
  load(): Promise<unknown>;
  save(value: unknown): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'session';

export function idbSessionStorage(): SessionStorage {
  let store: UseStore | undefined;
  // Opened on first use, so importing this module never touches IndexedDB.
  const target = () => (store ??= createStore('schouw-session', 'session'));
  return {
    load: () => get(KEY, target()),
    save: (value) => set(KEY, value, target()),
    clear: () => del(KEY, target()),
  };
}

/** For tests: keeps the value in memory. */
export function memorySessionStorage(initial?: unknown): SessionStorage {
  let value = initial;
  return {
    load: () => Promise.resolve(value),
    save: (next) => {
      value = next;
      return Promise.resolve();
    },
    clear: () => {
      value = undefined;
      return Promise.resolve();
    },
  };
}
