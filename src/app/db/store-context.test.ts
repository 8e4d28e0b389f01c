import { describe, expect, it } from 'vitest';
import { fixedStorage } from '../platform/storage.ts';
import {
  questionOfType,
  startFirstDwellingInspection,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';
import { StorageFullError } from './errors.ts';

async function inspectionReady(options: Parameters<typeof testStore>[0] = {}) {
  const harness = testStore(options);
  const { inspection } = await startFirstDwellingInspection(harness.store);
  return { ...harness, inspection, question: questionOfType('zorggeschiktheid', 'ja-nee') };
}

describe('a lost database connection', () => {
  it('is survived when the browser closed the connection underneath, and the answer is saved', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    // What a browser does when it evicts or force-closes: the IDBDatabase is closed, Dexie not told.
    context.db.backendDB().close();

    const saved = await store.answers.saveAnswer(inspection.id, question, {
      type: 'ja-nee',
      value: 'ja',
    });

    expect(saved.value).toEqual({ type: 'ja-nee', value: 'ja' });
    expect((await store.answers.get(inspection.id, question))?.value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
  });

  it('is reopened when the database object itself was closed', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    context.db.close();

    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' });

    expect(context.db.isOpen()).toBe(true);
    expect(await store.answers.answerSet(inspection.id)).toHaveProperty(question);
  });

  it('retries a save once when the connection was closed in the middle of its transaction', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    let failures = 0;
    context.db.answerHistory.hook('creating', () => {
      if (failures > 0) return;
      failures += 1;
      // What a forced close looks like from inside a running transaction.
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });

    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nvt' });

    expect(failures).toBe(1);
    expect((await store.answers.get(inspection.id, question))?.value).toEqual({
      type: 'ja-nee',
      value: 'nvt',
    });
    expect(await store.answers.history(inspection.id, question)).toHaveLength(1);
  });

  it('gives up after one retry so a persistent failure is reported, not hidden', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    context.db.answerHistory.hook('creating', () => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });

    await expect(
      store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nvt' }),
    ).rejects.toThrow(/closing/);
    expect(await store.answers.get(inspection.id, question)).toBeUndefined();
  });

  it('also serves reads after the connection was lost', async () => {
    const { store, context, inspection } = await inspectionReady();
    context.db.backendDB().close();
    expect((await store.inspections.get(inspection.id))?.id).toBe(inspection.id);
  });
});

describe('a full disk', () => {
  it('turns a QuotaExceededError during a save into a Dutch StorageFullError and loses nothing saved before', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    const before = await context.db.outbox.count();
    const unsubscribe = context.db.answerHistory.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const error = await store.answers
      .saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).message).toMatch(/opslag op dit apparaat is vol/);
    context.db.answerHistory.hook('creating').unsubscribe(unsubscribe as never);
    expect((await store.answers.get(inspection.id, question))?.value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
    expect(await context.db.outbox.count()).toBe(before);
  });

  it('treats an aborted transaction as full storage when the device is nearly full', async () => {
    const storage = fixedStorage({ usage: 999, quota: 1000 });
    const { store, context, inspection, question } = await inspectionReady({ storage });
    context.db.answers.hook('creating', () => {
      throw new DOMException('Transaction aborted', 'AbortError');
    });

    await expect(
      store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' }),
    ).rejects.toBeInstanceOf(StorageFullError);
  });

  it('passes an aborted transaction on unchanged when there is room', async () => {
    const { store, context, inspection, question } = await inspectionReady();
    context.db.answers.hook('creating', () => {
      throw new DOMException('Transaction aborted', 'AbortError');
    });

    const error = await store.answers
      .saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' })
      .catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(StorageFullError);
    expect((error as Error).name).toBe('AbortError');
  });
});
