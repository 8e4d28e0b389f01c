import { describe, expect, it } from 'vitest';
import {
  questionsOfType,
  startFirstDwellingInspection,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';

describe('clearing the device on sign-out', () => {
  it('leaves nothing of the previous user readable and lets the next user start cleanly', async () => {
    const { store } = testStore();
    const { dwelling, inspection } = await startFirstDwellingInspection(store);
    const [question] = questionsOfType('zorggeschiktheid', 'ja-nee');
    await store.answers.saveAnswer(inspection.id, question!, { type: 'ja-nee', value: 'ja' });
    const previousClient = await store.outbox.clientId();

    await store.clearAll();

    expect((await store.portfolio.search(dwelling.vheNummer)).complexes).toEqual([]);
    expect(await store.inspections.listForTarget('verblijfsobject', dwelling.id)).toEqual([]);
    expect(await store.outbox.pendingCount()).toBe(0);
    const backup = JSON.parse(await store.backup.exportBackup()) as {
      tables: Record<string, unknown[]>;
    };
    for (const rows of Object.values(backup.tables)) expect(rows).toEqual([]);
    expect(await store.outbox.clientId()).not.toBe(previousClient);
  });
});
