// A form that is not yet a record (a finding without location and description cannot be
// stored as one) keeps its text in localStorage, so closing the page or a crash loses nothing.

export function readDraft<T>(key: string): T | undefined {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the form still works, only the crash protection is gone.
  }
}

export function clearDraft(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Nothing to do: a draft that cannot be removed is replaced by the next one.
  }
}
