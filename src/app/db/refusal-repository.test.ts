import { describe, expect, it } from 'vitest';
import { testStore } from '../../../test/unit/db/store-fixtures.ts';
import { createSyncStore } from './sync-store.ts';
import { updateRefusals } from './refusal-repository.ts';

const AT = '2025-03-01T09:00:00.000Z';
const ANSWER = '0190d0c0-0000-7000-8000-000000000001/zorgwoningen';

describe('refused ops per record', () => {
  it('keeps the refused fields and reason per record, and a later accepted op settles them', () => {
    const refused = updateRefusals(
      [],
      {
        refused: [
          { entity: 'answer', id: ANSWER, fields: ['value'], reason: 'Niet uw inspectie.' },
        ],
        settled: [],
      },
      AT,
    );
    expect(refused).toEqual([
      { entity: 'answer', id: ANSWER, fields: ['value'], reason: 'Niet uw inspectie.', at: AT },
    ]);
    const again = updateRefusals(
      refused,
      {
        refused: [{ entity: 'answer', id: ANSWER, fields: ['photoIds'], reason: 'Nog steeds.' }],
        settled: [],
      },
      AT,
    );
    expect(again[0]?.fields).toEqual(['value', 'photoIds']);
    expect(
      updateRefusals(again, { refused: [], settled: [{ entity: 'answer', id: ANSWER }] }, AT),
    ).toEqual([]);
  });

  it('are stored by the sync store and read by the refusals repository', async () => {
    const { store, context } = testStore();
    await createSyncStore(context).noteRefusals({
      refused: [
        { entity: 'action', id: 'a', fields: ['status'], reason: 'Overgang niet toegestaan.' },
      ],
      settled: [],
    });
    expect((await store.refusals.list()).map((refusal) => refusal.reason)).toEqual([
      'Overgang niet toegestaan.',
    ]);
    await store.refusals.dismiss('action', 'a');
    expect(await store.refusals.list()).toEqual([]);
  });
});
