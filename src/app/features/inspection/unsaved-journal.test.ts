import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidStateError } from '../../db/index.ts';
import {
  answerJournalKey,
  journalPut,
  journalWritten,
  replayUnsavedAnswers,
} from './unsaved-journal.ts';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const INSPECTION = '0190d0c0-0000-7000-8000-000000000001';

describe('the journal of unsaved answers', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = new MemoryStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
  });
  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('replays a value the closed page did not write, once', async () => {
    const saved: unknown[] = [];
    const writer = {
      saveAnswer: async (inspectionId: string, questionId: string, value: unknown) =>
        saved.push([inspectionId, questionId, value]),
      clearAnswer: async () => undefined,
    };
    const value = { type: 'measurement', value: 1.25, unit: 'm' } as const;
    journalPut(answerJournalKey(INSPECTION, 'gangbreedte'), value);

    expect(await replayUnsavedAnswers(writer)).toBe(1);
    expect(saved).toEqual([[INSPECTION, 'gangbreedte', value]]);
    expect(await replayUnsavedAnswers(writer)).toBe(0);
  });

  it('forgets a value once it is written, but keeps a newer one', () => {
    const key = answerJournalKey(INSPECTION, 'q');
    journalPut(key, 'new');
    journalWritten(key, 'old');
    expect(storage.length).toBe(1);
    journalWritten(key, 'new');
    expect(storage.length).toBe(0);
  });

  it('drops an answer the store refuses for good, keeps one that failed for another reason', async () => {
    journalPut(answerJournalKey(INSPECTION, 'closed'), { type: 'text', value: 'x' });
    await replayUnsavedAnswers({
      saveAnswer: () => Promise.reject(new InvalidStateError('afgerond')),
      clearAnswer: async () => undefined,
    });
    expect(storage.length).toBe(0);
    journalPut(answerJournalKey(INSPECTION, 'later'), null);
    await replayUnsavedAnswers({
      saveAnswer: async () => undefined,
      clearAnswer: () => Promise.reject(new Error('database closed')),
    });
    expect(storage.length).toBe(1);
  });
});
