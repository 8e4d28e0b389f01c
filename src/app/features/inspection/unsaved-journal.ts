// A synchronous copy of what was typed but not yet on disk, taken when the page is hidden or
// closed: IndexedDB writes are asynchronous and a closing tab may not finish them, localStorage
// writes are not. On the next start the copy is written through the normal repositories and
// removed; a write that completed anyway makes the replay a no-op (the same value again).
import type { AnswerValue } from '../../../shared/domain/templates/answer.ts';
import { StoreError } from '../../db/index.ts';

const PREFIX = 'schouw.unsaved.';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

const encode = (value: unknown) => JSON.stringify({ value });

/** Keeps `value` for `key` until it is on disk. */
export function journalPut(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, encode(value));
  } catch {
    // Full or disabled storage: the asynchronous write is still attempted.
  }
}

/** Forgets `key` when it still holds `value` (a newer value stays until it is written too). */
export function journalWritten(key: string, value: unknown): void {
  const store = storage();
  if (store?.getItem(PREFIX + key) === encode(value)) store.removeItem(PREFIX + key);
}

/** The journal key of an answer. */
export function answerJournalKey(inspectionId: string, questionId: string): string {
  return `answer:${inspectionId}/${questionId}`;
}

interface AnswerWriter {
  saveAnswer(inspectionId: string, questionId: string, value: AnswerValue): Promise<unknown>;
  clearAnswer(inspectionId: string, questionId: string): Promise<unknown>;
}

/** Writes the answers a closed page left in the journal; refused ones (finished…) are dropped. */
export async function replayUnsavedAnswers(answers: AnswerWriter): Promise<number> {
  const store = storage();
  if (!store) return 0;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(`${PREFIX}answer:`)) keys.push(key);
  }
  let written = 0;
  for (const key of keys) {
    const [inspectionId, questionId] = key.slice(PREFIX.length + 'answer:'.length).split('/');
    const raw = store.getItem(key);
    if (!inspectionId || !questionId || raw === null) {
      store.removeItem(key);
      continue;
    }
    try {
      const { value } = JSON.parse(raw) as { value: AnswerValue | null };
      if (value === null) await answers.clearAnswer(inspectionId, questionId);
      else await answers.saveAnswer(inspectionId, questionId, value);
      written += 1;
      store.removeItem(key);
    } catch (error) {
      // The store refused it for good (finished inspection, invalid value): nothing to retry.
      if (error instanceof StoreError || error instanceof SyntaxError) store.removeItem(key);
    }
  }
  return written;
}
