import { describe, expect, it } from 'vitest';
import { isHlc } from '../../shared/sync/hlc.ts';
import { OpSchema } from '../../shared/sync/protocol.ts';
import {
  questionOfType,
  startFirstDwellingInspection,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';
import { InspectionClosedError, InvalidInputError } from './errors.ts';
import { createStore } from './store.ts';

async function startedInspection() {
  const harness = testStore();
  const { inspection, dwelling } = await startFirstDwellingInspection(harness.store);
  const question = questionOfType('zorggeschiktheid', 'ja-nee');
  return { ...harness, inspection, question, dwelling };
}

describe('saving answers', () => {
  it('writes the answer, its history row and its outbox op in one action', async () => {
    const { store, context, inspection, question } = await startedInspection();
    const before = await store.outbox.pendingCount();

    const saved = await store.answers.saveAnswer(inspection.id, question, {
      type: 'ja-nee',
      value: 'ja',
    });

    expect(saved).toMatchObject({
      inspectionId: inspection.id,
      questionId: question,
      value: { type: 'ja-nee', value: 'ja' },
    });
    expect(await store.answers.answerSet(inspection.id)).toEqual({
      [question]: {
        questionId: question,
        value: { type: 'ja-nee', value: 'ja' },
        answeredAt: saved.answeredAt,
      },
    });
    const history = await store.answers.history(inspection.id, question);
    expect(history).toMatchObject([
      { oldValue: null, newValue: { type: 'ja-nee', value: 'ja' }, reason: 'answered' },
    ]);
    expect(await store.outbox.pendingCount()).toBe(before + 1);
    const op = (await context.db.outbox.toArray()).at(-1)!;
    expect(OpSchema.parse(op)).toMatchObject({
      entity: 'answer',
      id: `${inspection.id}/${question}`,
      kind: 'upsert',
      fields: {
        inspectionId: inspection.id,
        questionId: question,
        value: { type: 'ja-nee', value: 'ja' },
      },
    });
  });

  it('leaves neither the answer nor an outbox op when the transaction fails after the answer was written', async () => {
    const { store, context, inspection, question } = await startedInspection();
    const opsBefore = await context.db.outbox.count();
    let answerWritten = false;
    context.db.answers.hook('creating', () => {
      answerWritten = true;
    });
    // Injected failure: the outbox write throws after the answer row has been put.
    context.db.outbox.hook('creating', () => {
      throw new Error('injected failure');
    });

    await expect(
      store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' }),
    ).rejects.toThrow('injected failure');

    expect(answerWritten).toBe(true);
    expect(await context.db.answers.count()).toBe(0);
    expect(await context.db.answerHistory.count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(opsBefore);
  });

  it('has the answer on disk when the promise resolves, readable by a fresh connection', async () => {
    const { store, inspection, question } = await startedInspection();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nvt' });
    store.close();

    const reopened = createStore({ name: 'schouw-test' });
    expect((await reopened.answers.get(inspection.id, question))?.value).toEqual({
      type: 'ja-nee',
      value: 'nvt',
    });
    reopened.close();
  });

  it('queues nothing when the same value is saved again by autosave', async () => {
    const { store, inspection, question } = await startedInspection();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    const count = await store.outbox.pendingCount();

    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });

    expect(await store.outbox.pendingCount()).toBe(count);
    expect(await store.answers.history(inspection.id, question)).toHaveLength(1);
  });

  it('records every change with its old and new value in order', async () => {
    const { store, inspection, question, clock } = await startedInspection();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    // Same millisecond: the history is still ordered by clock, not by wall time.
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' });
    clock.advance(1_000);
    await store.answers.clearAnswer(inspection.id, question);

    const history = await store.answers.history(inspection.id);
    expect(
      history.map((entry) => [
        entry.oldValue?.value ?? null,
        entry.newValue?.value ?? null,
        entry.reason,
      ]),
    ).toEqual([
      [null, 'ja', 'answered'],
      ['ja', 'nee', 'changed'],
      ['nee', null, 'cleared'],
    ]);
    expect(await store.answers.answerSet(inspection.id)).toEqual({});
  });

  it('refuses an answer of the wrong type or to a question the template does not have', async () => {
    const { store, inspection, question } = await startedInspection();
    await expect(
      store.answers.saveAnswer(inspection.id, question, { type: 'number', value: 3 }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      store.answers.saveAnswer(inspection.id, 'bestaat-niet', { type: 'ja-nee', value: 'ja' }),
    ).rejects.toThrow(/hoort niet bij deze vragenlijst/);
  });

  it('refuses changes to a finished inspection and records corrections after reopening', async () => {
    const { store, inspection, question } = await startedInspection();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    await store.inspections.finish(inspection.id);

    await expect(
      store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' }),
    ).rejects.toBeInstanceOf(InspectionClosedError);

    await store.inspections.reopen(inspection.id);
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' });
    const history = await store.answers.history(inspection.id, question);
    expect(history.at(-1)).toMatchObject({
      reason: 'reopened-correction',
      oldValue: { value: 'ja' },
      newValue: { value: 'nee' },
    });
  });

  it('starts a planned inspection when its first answer is saved', async () => {
    const { store, dwelling, question } = await startedInspection();
    const planned = await store.inspections.plan({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: dwelling.id,
      plannedFor: '2025-03-10',
    });
    expect(planned.status).toBe('planned');

    await store.answers.saveAnswer(planned.id, question, { type: 'ja-nee', value: 'ja' });

    expect(await store.inspections.get(planned.id)).toMatchObject({
      status: 'draft',
      startedAt: expect.any(String),
    });
  });

  it('stamps every change with a valid, increasing hybrid logical clock', async () => {
    const { store, context, inspection, question } = await startedInspection();
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'ja' });
    await store.answers.saveAnswer(inspection.id, question, { type: 'ja-nee', value: 'nee' });
    const stamps = (await context.db.outbox.toArray()).map((op) => op.hlc);
    expect(stamps.every(isHlc)).toBe(true);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });
});
