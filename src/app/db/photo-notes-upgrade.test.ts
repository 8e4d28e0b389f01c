// The version-4 upgrade on a FULL database of version 3 (as shipped): a drawing kept per photo
// hash becomes the drawing of each answer and finding that uses the photo, and from then on each
// use changes alone.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { formatHlc } from '../../shared/sync/hlc.ts';
import { generatePortfolio } from '../../../test/unit/db/portfolio-generator.ts';
import { questionsOfType } from '../../../test/unit/db/store-fixtures.ts';
import {
  SHIPPED_V1,
  SHIPPED_V2_CHANGES,
  SHIPPED_V3_CHANGES,
} from '../../../test/unit/db/shipped-schemas.ts';
import { CURRENT_SCHEMA_VERSION, SCHEMA_V3, SCHEMA_V4, SchouwDatabase } from './database.ts';
import { portfolioRows } from './portfolio-repository.ts';
import { createStore } from './store.ts';

const NAME = 'schouw-upgrade-v4';
const hlc = (ms: number, node = 'dev') => formatHlc({ wallMs: ms, counter: 0, node });
const DRAWN = 'ab'.repeat(32); // drawn on this device, the drawing not yet sent
const PULLED = 'cd'.repeat(32); // drawn elsewhere, its drawing pulled into the photo row
const PLAIN = 'ef'.repeat(32); // never drawn on
const layer = (text: string) => ({
  version: 1,
  shapes: [{ kind: 'text', at: [0.2, 0.3], text, color: '#e4002b' }],
});

/** A version-3 database as a tablet holds it: portfolio, inspections, answers, photos, outbox. */
function versionThreeData() {
  const rows = portfolioRows(
    generatePortfolio({ complexes: 6, pandenPerComplex: 3, dwellingsPerPand: 20, seed: 4 }),
  );
  const clientId = uuidv7(1_700_000_000_000);
  const questions = questionsOfType('zorggeschiktheid', 'ja-nee');
  const inspections = rows.dwellings.slice(0, 30).map((dwelling, index) => ({
    id: uuidv7(1_700_000_000_000 + index),
    module: 'zorggeschiktheid',
    templateId: 'zorggeschiktheid',
    templateVersion: 1,
    targetLevel: 'verblijfsobject',
    targetId: dwelling.id,
    complexId: dwelling.complexId,
    status: index % 3 === 0 ? 'finished' : 'draft',
    startedAt: '2026-11-01T10:00:00.000Z',
    clocks: { status: hlc(index + 1) },
  }));
  // The same images on answers of several inspections: DRAWN on inspections 1 and 2, PULLED on 3.
  const photosOf: Record<number, string[]> = { 1: [DRAWN], 2: [DRAWN, PLAIN], 3: [PULLED] };
  const answers = inspections.flatMap((inspection, index) =>
    questions.map((questionId, q) => ({
      inspectionId: inspection.id,
      questionId,
      value: { type: 'ja-nee', value: index % 2 ? 'ja' : 'nee' },
      answeredAt: '2026-11-01T10:05:00.000Z',
      ...(q === 0 && photosOf[index] && { photoIds: photosOf[index] }),
      clocks: {
        value: hlc(1_000 + index),
        ...(q === 0 && photosOf[index] && { photoIds: hlc(1_000 + index) }),
      },
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
  const finding = (id: number, inspection: number, photoIds: string[]) => ({
    id: uuidv7(1_700_000_200_000 + id),
    inspectionId: inspections[inspection]!.id,
    location: 'Badkamer',
    description: 'Drempel van 4 cm',
    severity: 'gering',
    photoIds,
    createdAt: '2026-11-01T10:10:00.000Z',
    clocks: { description: hlc(5_000), photoIds: hlc(5_000) },
  });
  const photo = (hash: string, inspection: number, extra: object = {}) => ({
    hash,
    mimeType: 'image/jpeg',
    width: 2,
    height: 2,
    bytes: 4,
    createdAt: '2026-11-01T10:11:00.000Z',
    inspectionId: inspections[inspection]!.id,
    uploaded: 1,
    clocks: { mimeType: hlc(900) },
    ...extra,
  });
  const outbox = answers.slice(0, 150).map((answer, index) => ({
    clientId,
    seq: index + 1,
    entity: 'answer',
    id: `${answer.inspectionId}/${answer.questionId}`,
    hlc: hlc(1_000 + index),
    kind: 'upsert',
    fields: { value: answer.value },
    createdAt: 1_700_000_000_000 + index,
  }));
  outbox.push({
    clientId,
    seq: 151,
    entity: 'photo',
    id: DRAWN,
    hlc: hlc(6_000),
    kind: 'upsert',
    fields: { annotation: layer('scheur') } as never,
    createdAt: 1_700_000_900_000,
  });
  return {
    complexes: rows.complexes,
    panden: rows.panden,
    dwellings: rows.dwellings,
    inspections,
    answers,
    answerHistory,
    findings: [finding(1, 4, [DRAWN]), finding(2, 5, [PLAIN]), finding(3, 6, [PULLED, PLAIN])],
    actions: [],
    photos: [
      photo(DRAWN, 1),
      photo(PULLED, 3, {
        annotation: layer('lek'),
        clocks: { mimeType: hlc(900), annotation: hlc(7_000, 'other') },
      }),
      photo(PLAIN, 2),
    ],
    photoData: [DRAWN, PULLED, PLAIN].map((hash) => ({
      hash,
      data: new Uint8Array([1, 2, 3, 4]).buffer,
    })),
    photoThumbnails: [],
    photoAnnotations: [
      {
        hash: DRAWN,
        layer: layer('scheur'),
        updatedAt: '2026-11-02T08:00:00.000Z',
        hlc: hlc(6_000),
      },
    ],
    outbox,
    meta: [
      { key: 'writer', value: { clientId, lastSeq: 151, hlc: hlc(9_999, clientId) } },
      { key: 'sync.cursor', value: 812 },
    ],
    efgCases: [
      {
        id: rows.dwellings[40]!.id,
        complexId: rows.dwellings[40]!.complexId,
        status: 'kandidaat',
        history: [],
        clocks: { status: hlc(8_000) },
      },
    ],
    roundSchedules: [
      {
        id: rows.panden[0]!.id,
        pandId: rows.panden[0]!.id,
        complexId: rows.panden[0]!.complexId,
        interval: 'maandelijks',
        clocks: { interval: hlc(8_100) },
      },
    ],
  };
}

async function writeVersionThree(tables: Record<string, readonly unknown[]>): Promise<void> {
  const old = new Dexie(NAME);
  old.version(1).stores(SHIPPED_V1);
  old.version(2).stores(SHIPPED_V2_CHANGES);
  old.version(3).stores(SHIPPED_V3_CHANGES);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema version 4: a drawing belongs to the use of a photo', { timeout: 30_000 }, () => {
  it('never changes the shipped version 3 schema, and version 4 adds no index', () => {
    expect(SCHEMA_V3).toEqual(SHIPPED_V3_CHANGES);
    expect(SCHEMA_V4).toEqual({});
    expect(CURRENT_SCHEMA_VERSION).toBe(4);
  });

  it('splits each per-photo drawing onto every answer and finding using it, losing no row', async () => {
    const data = versionThreeData();
    await writeVersionThree(data);

    const db = new SchouwDatabase(NAME);
    await db.open();
    expect(db.verno).toBe(4);
    const drawn = { annotation: layer('scheur') };
    const pulled = { annotation: layer('lek') };
    const notesOf = async (inspection: number) =>
      (
        await db.answers.get([
          data.inspections[inspection]!.id,
          questionsOfType('zorggeschiktheid', 'ja-nee')[0]!,
        ])
      )?.photoNotes;
    expect(await notesOf(1)).toEqual({ [DRAWN]: drawn });
    expect(await notesOf(2)).toEqual({ [DRAWN]: drawn });
    expect(await notesOf(3)).toEqual({ [PULLED]: pulled });
    expect(await notesOf(7)).toBeUndefined();
    const findings = await db.findings.bulkGet(data.findings.map((row) => row.id));
    expect(findings.map((row) => row?.photoNotes)).toEqual([
      { [DRAWN]: drawn },
      undefined,
      { [PULLED]: pulled },
    ]);
    // Each copy carries the drawing's own clock, as the server's migration writes it.
    expect(findings[0]!.clocks.photoNotes).toBe(hlc(6_000));
    expect(findings[2]!.clocks.photoNotes).toBe(hlc(7_000, 'other'));

    // Nothing else changed: every other row is as it was, the per-hash table is emptied.
    for (const [table, rows] of Object.entries(data)) {
      const stored = await db.table(table).toArray();
      if (table === 'photoAnnotations') expect(stored).toEqual([]);
      else if (table === 'outbox') expect(stored.slice(0, rows.length)).toEqual(rows);
      else if (table === 'photoData') expect(stored).toHaveLength(rows.length);
      else if (table === 'meta')
        // The writer's sequence moves on (below); the sync cursor stays.
        expect(stored.find((row) => row.key === 'sync.cursor')).toEqual(data.meta[1]);
      else if (table === 'answers' || table === 'findings') {
        expect(stored, table).toHaveLength(rows.length);
        expect(
          stored.map(({ photoNotes: _notes, clocks, ...rest }) => ({
            ...rest,
            clocks: { ...clocks, photoNotes: undefined },
          })),
        ).toEqual(
          expect.arrayContaining(
            (rows as { clocks: object }[]).map((row) => ({
              ...row,
              clocks: { ...row.clocks, photoNotes: undefined },
            })),
          ),
        );
      } else {
        expect(stored, table).toHaveLength(rows.length);
        expect(stored, table).toEqual(expect.arrayContaining(rows as unknown[]));
      }
    }

    // The drawing still waiting to be sent goes out with its uses; the pulled one is known.
    const added = (await db.outbox.toArray()).slice(data.outbox.length);
    expect(added.map((op) => [op.entity, op.seq, op.hlc, op.fields])).toEqual([
      ['answer', 152, hlc(6_000), { photoNotes: { [DRAWN]: drawn } }],
      ['answer', 153, hlc(6_000), { photoNotes: { [DRAWN]: drawn } }],
      ['finding', 154, hlc(6_000), { photoNotes: { [DRAWN]: drawn } }],
    ]);
    expect(((await db.meta.get('writer'))?.value as { lastSeq: number }).lastSeq).toBe(154);
    db.close();
  });

  it('after the upgrade a drawing on one use leaves the same image elsewhere alone', async () => {
    const data = versionThreeData();
    await writeVersionThree(data);
    const store = createStore({ name: NAME });
    const question = questionsOfType('zorggeschiktheid', 'ja-nee')[0]!;
    const first = { inspectionId: data.inspections[1]!.id, questionId: question };
    const second = { inspectionId: data.inspections[2]!.id, questionId: question };
    const finding = { inspectionId: data.inspections[4]!.id, findingId: data.findings[0]!.id };

    await store.photos.saveAnnotation(first, DRAWN, { version: 1, shapes: [] });
    await store.photos.saveCaption(second, DRAWN, 'Badkamerdeur');

    expect(await store.photos.annotation(first, DRAWN)).toBeUndefined();
    expect(await store.photos.notes(second)).toEqual({
      [DRAWN]: { annotation: layer('scheur'), caption: 'Badkamerdeur' },
    });
    expect(await store.photos.annotation(finding, DRAWN)).toEqual(layer('scheur'));
    const ops = await store.outbox.peekBatch(1_000);
    expect(ops.at(-1)!.seq).toBe(156);
    store.close();
  });
});
