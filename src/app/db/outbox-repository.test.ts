import { describe, expect, it } from 'vitest';
import { isUuidv7 } from '../../shared/ids.ts';
import { OpSchema } from '../../shared/sync/protocol.ts';
import {
  questionsOfType,
  smallPortfolio,
  startFirstDwellingInspection,
  testClock,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';
import { UNSYNCED_WARNING_AGE_MS } from './outbox-repository.ts';
import { createStore } from './store.ts';

async function inspectionWithQuestions() {
  const harness = testStore();
  const { inspection } = await startFirstDwellingInspection(harness.store);
  return { ...harness, inspection, questions: questionsOfType('zorggeschiktheid', 'ja-nee') };
}

describe('the outbox', () => {
  it('numbers ops 1, 2, 3... under one persisted UUIDv7 client id', async () => {
    const { store, inspection, questions } = await inspectionWithQuestions();
    for (const question of questions.slice(0, 3))
      await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });

    const ops = await store.outbox.peekBatch(100);
    const clientId = await store.outbox.clientId();
    expect(isUuidv7(clientId)).toBe(true);
    expect(ops.map((op) => op.seq)).toEqual([1, 2, 3, 4]);
    expect(ops.every((op) => op.clientId === clientId && OpSchema.safeParse(op).success)).toBe(
      true,
    );
  });

  it('keeps the client id and continues the sequence after the app restarts', async () => {
    const { store, inspection, questions } = await inspectionWithQuestions();
    await store.answers.saveAnswer(inspection.id, questions[0]!, { type: 'ja-nee', value: 'ja' });
    const clientId = await store.outbox.clientId();
    store.close();

    const restarted = createStore({ name: 'schouw-test' });
    await restarted.answers.saveAnswer(inspection.id, questions[1]!, {
      type: 'ja-nee',
      value: 'nee',
    });

    expect(await restarted.outbox.clientId()).toBe(clientId);
    expect((await restarted.outbox.peekBatch(10)).map((op) => op.seq)).toEqual([1, 2, 3]);
    restarted.close();
  });

  it('never reuses a sequence number after ops were acknowledged and removed', async () => {
    const { store, inspection, questions } = await inspectionWithQuestions();
    await store.answers.saveAnswer(inspection.id, questions[0]!, { type: 'ja-nee', value: 'ja' });
    expect(await store.outbox.acknowledgeUpTo(2)).toBe(2);
    expect(await store.outbox.pendingCount()).toBe(0);

    await store.answers.saveAnswer(inspection.id, questions[1]!, { type: 'ja-nee', value: 'ja' });

    expect((await store.outbox.peekBatch(10)).map((op) => op.seq)).toEqual([3]);
  });

  it('acknowledges only ops up to the confirmed seq and keeps later ones in order', async () => {
    const { store, inspection, questions } = await inspectionWithQuestions();
    for (const question of questions.slice(0, 4))
      await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' });

    await store.outbox.acknowledgeUpTo(3);

    expect((await store.outbox.peekBatch(2)).map((op) => op.seq)).toEqual([4, 5]);
    expect(await store.outbox.pendingCount()).toBe(2);
  });

  it('tells how old the oldest unsynced change is and when that deserves a warning', async () => {
    const clock = testClock();
    const harness = testStore({ clock });
    expect(await harness.store.outbox.oldestUnsyncedAge()).toBeUndefined();
    const portfolio = smallPortfolio();
    await harness.store.portfolio.importPortfolio(portfolio);
    const started = clock.now();
    await harness.store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: portfolio.complexes[0]!.panden[0]!.id,
    });

    clock.advance(UNSYNCED_WARNING_AGE_MS);
    expect(await harness.store.outbox.oldestPendingAt()).toBe(started);
    expect(await harness.store.outbox.oldestUnsyncedAge()).toBe(UNSYNCED_WARNING_AGE_MS);
    expect(await harness.store.outbox.unsyncedTooOld()).toBe(false);
    clock.advance(1);
    expect(await harness.store.outbox.unsyncedTooOld()).toBe(true);
  });

  it('reports the pending count live as changes are made and acknowledged', async () => {
    const { store, inspection, questions } = await inspectionWithQuestions();
    const seen: number[] = [];
    const changed = (expected: number) =>
      new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (seen.at(-1) === expected) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
    const unsubscribe = store.outbox.watchPendingCount().subscribe((count) => seen.push(count));
    await changed(1);
    await store.answers.saveAnswer(inspection.id, questions[0]!, { type: 'ja-nee', value: 'ja' });
    await changed(2);
    await store.outbox.acknowledgeUpTo(2);
    await changed(0);
    unsubscribe();
    expect(seen[0]).toBe(1);
    expect(seen.at(-1)).toBe(0);
  });
});
