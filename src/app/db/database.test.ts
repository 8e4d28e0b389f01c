import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { generatePortfolio } from '../../../test/unit/db/portfolio-generator.ts';
import { questionsOfType } from '../../../test/unit/db/store-fixtures.ts';
import {
  CURRENT_SCHEMA_VERSION,
  SCHEMA_V1,
  SCHEMA_V2,
  SchouwDatabase,
  SYNC_CURSOR_KEY,
} from './database.ts';
import { portfolioRows } from './portfolio-repository.ts';
import { createStore } from './store.ts';
import { omit } from './synced.ts';
import { SHIPPED_V1, SHIPPED_V2_CHANGES } from '../../../test/unit/db/shipped-schemas.ts';

const NAME = 'schouw-upgrade';
const hlc = (ms: number, node = 'dev') => formatHlc({ wallMs: ms, counter: 0, node });

/** Rows as a version-1 app wrote them: portfolio without search tokens, and local work. */
function versionOneData() {
  const portfolio = generatePortfolio({
    complexes: 12,
    pandenPerComplex: 4,
    dwellingsPerPand: 25,
    seed: 3,
  });
  const rows = portfolioRows(portfolio);
  // Version 1 had no search tokens and no dwelling counts.
  const strip = <T extends { searchTokens: string[] }>(row: T) => omit(row, 'searchTokens');
  const clientId = uuidv7(1_700_000_000_000);
  const questions = questionsOfType('zorggeschiktheid', 'ja-nee');
  const inspections = rows.dwellings.slice(0, 40).map((dwelling, index) => ({
    id: uuidv7(1_700_000_000_000 + index),
    module: 'zorggeschiktheid',
    templateId: 'zorggeschiktheid',
    templateVersion: 1,
    targetLevel: 'verblijfsobject',
    targetId: dwelling.id,
    complexId: dwelling.complexId,
    status: index % 3 === 0 ? 'finished' : 'draft',
    startedAt: '2024-11-01T10:00:00.000Z',
    clocks: { status: hlc(index + 1) },
  }));
  const answers = inspections.flatMap((inspection, index) =>
    questions.map((questionId) => ({
      inspectionId: inspection.id,
      questionId,
      value: { type: 'ja-nee', value: index % 2 ? 'ja' : 'nee' },
      answeredAt: '2024-11-01T10:05:00.000Z',
      clocks: { value: hlc(1_000 + index) },
    })),
  );
  const answerHistory = answers.map((answer, index) => ({
    id: uuidv7(1_700_000_100_000 + index),
    inspectionId: answer.inspectionId,
    questionId: answer.questionId,
    oldValue: null,
    newValue: answer.value,
    at: answer.answeredAt,
    hlc: hlc(1_000 + index),
    reason: 'answered',
  }));
  const outbox = answers.slice(0, 200).map((answer, index) => ({
    clientId,
    seq: index + 1,
    entity: 'answer',
    id: `${answer.inspectionId}/${answer.questionId}`,
    hlc: hlc(1_000 + index),
    kind: 'upsert',
    fields: { value: answer.value },
    createdAt: 1_700_000_000_000 + index,
  }));
  const hash = 'ab'.repeat(32);
  return {
    complexes: rows.complexes.map((row) => omit(row, 'searchTokens', 'dwellingCount')),
    panden: rows.panden,
    dwellings: rows.dwellings.map(strip),
    inspections,
    answers,
    answerHistory,
    findings: [
      {
        id: uuidv7(1_700_000_200_000),
        inspectionId: inspections[1]!.id,
        location: 'Badkamer',
        description: 'Drempel van 4 cm',
        severity: 'gering',
        photoIds: [hash],
        createdAt: '2024-11-01T10:10:00.000Z',
        clocks: { description: hlc(5_000) },
      },
    ],
    actions: [],
    photos: [
      {
        hash,
        mimeType: 'image/jpeg',
        width: 2,
        height: 2,
        bytes: 4,
        createdAt: '2024-11-01T10:11:00.000Z',
        inspectionId: inspections[1]!.id,
        uploaded: 0,
        clocks: {},
      },
    ],
    photoData: [{ hash, data: new Uint8Array([1, 2, 3, 4]).buffer }],
    photoThumbnails: [],
    photoAnnotations: [],
    outbox,
    meta: [{ key: 'writer', value: { clientId, lastSeq: 200, hlc: hlc(9_999, clientId) } }],
  };
}

/** Writes the rows, table by table, into a database laid out as version 1 shipped, and closes it. */
async function writeVersionOne(tables: Record<string, readonly unknown[]>): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SHIPPED_V1);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

// Filling and upgrading a full database takes seconds on a busy 2-core machine.
describe('database schema versions', { timeout: 30_000 }, () => {
  it('never changes the shipped version 1 and 2 schemas', () => {
    expect(SCHEMA_V1).toEqual(SHIPPED_V1);
    expect(SCHEMA_V2).toEqual(SHIPPED_V2_CHANGES);
  });

  it('forgets the sync cursor of a version-2 database, so kinds its protocol skipped are pulled', async () => {
    const old = new Dexie(NAME);
    old.version(1).stores(SHIPPED_V1);
    old.version(2).stores(SHIPPED_V2_CHANGES);
    await old.table('meta').bulkAdd([
      { key: SYNC_CURSOR_KEY, value: 4_200 },
      { key: 'other', value: 'kept' },
    ]);
    old.close();

    const upgraded = new SchouwDatabase(NAME);
    await upgraded.open();
    expect(await upgraded.meta.get(SYNC_CURSOR_KEY)).toBeUndefined();
    expect((await upgraded.meta.get('other'))?.value).toBe('kept');
    upgraded.close();
  });

  it('upgrades a full version-1 database to the current version without losing a row', async () => {
    const data = versionOneData();
    await writeVersionOne(data);

    const store = createStore({ name: NAME });
    await store.open();

    const db = new SchouwDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(data)) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      if (table === 'complexes' || table === 'dwellings')
        expect(
          stored.map(({ searchTokens: _tokens, dwellingCount: _count, ...rest }) => rest),
          table,
        ).toEqual(expect.arrayContaining(rows as unknown[]));
      else if (table === 'photoData')
        expect([...new Uint8Array(stored[0].data as ArrayBuffer)]).toEqual([1, 2, 3, 4]);
      else expect(stored, table).toEqual(expect.arrayContaining(rows as unknown[]));
    }
    // The upgrade counted each complex's dwellings.
    const complexes = await db.complexes.toArray();
    for (const complex of complexes)
      expect(complex.dwellingCount, complex.complexnummer).toBe(
        data.dwellings.filter((dwelling) => dwelling.complexId === complex.id).length,
      );
    expect(complexes.every((complex) => complex.dwellingCount === 100)).toBe(true);
    db.close();
    store.close();
  });

  it('fills the search tokens during the upgrade so existing dwellings are searchable at once', async () => {
    const data = versionOneData();
    await writeVersionOne({ complexes: data.complexes, dwellings: data.dwellings });

    const store = createStore({ name: NAME });
    const dwelling = data.dwellings[321]!;
    const complex = data.complexes.find((item) => item.id === dwelling.complexId)!;

    const result = await store.portfolio.search(`${dwelling.postcode} ${dwelling.huisnummer}`, {
      limit: 200,
    });
    const byComplex = await store.portfolio.search(complex.complexnummer);

    expect(result.dwellings.map((hit) => hit.dwelling.id)).toContain(dwelling.id);
    expect(result.dwellings[0]!.complex?.id).toBeDefined();
    expect(byComplex.complexes.map((item) => item.id)).toEqual([complex.id]);
    store.close();
  });

  it('keeps working on the work of the upgraded database: its client id and sequence continue', async () => {
    const data = versionOneData();
    await writeVersionOne(data);

    const store = createStore({ name: NAME });
    const draft = data.inspections[1]!;
    await store.answers.saveAnswer(draft.id, data.answers[0]!.questionId, {
      type: 'ja-nee',
      value: 'nvt',
    });

    const ops = await store.outbox.peekBatch(1_000);
    expect(await store.outbox.clientId()).toBe(data.meta[0]!.value.clientId);
    expect(ops.at(-1)!.seq).toBe(201);
    store.close();
  });
});
