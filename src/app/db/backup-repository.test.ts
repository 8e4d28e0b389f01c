import { describe, expect, it } from 'vitest';
import {
  questionOfType,
  questionsOfType,
  smallPortfolio,
  testClock,
  testStore,
} from '../../../test/unit/db/store-fixtures.ts';
import { syncedEntities } from '../../shared/sync/entities.ts';
import type { SchouwDatabase } from './database.ts';
import { InvalidInputError } from './errors.ts';
import type { StoreContext } from './store-context.ts';

/** Every table except meta (which holds each device's own client id), rows in key order. */
async function dumpTables(db: SchouwDatabase) {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables) {
    if (table.name === 'meta') continue;
    const rows = await table.toArray();
    dump[table.name] = rows.map((row: Record<string, unknown>) =>
      row.data instanceof ArrayBuffer ? { ...row, data: [...new Uint8Array(row.data)] } : row,
    );
  }
  return dump;
}

function bytes(seed: number, size = 700): ArrayBuffer {
  return Uint8Array.from({ length: size }, (_value, index) => (seed + index * 13) % 256).buffer;
}

/** A device with a bit of everything: drafts, a finished and carried-forward inspection, history, photos. */
async function busyDevice(name: string) {
  const clock = testClock();
  const harness = testStore({ name, clock });
  const { store } = harness;
  const portfolio = smallPortfolio();
  await store.portfolio.importPortfolio(portfolio);
  const [first, second] = portfolio.complexes[0]!.panden[0]!.verblijfsobjecten;
  const pand = portfolio.complexes[0]!.panden[1]!;
  const [q1, q2, q3] = questionsOfType('zorggeschiktheid', 'ja-nee');

  const source = await store.inspections.start({
    module: 'zorggeschiktheid',
    targetLevel: 'verblijfsobject',
    targetId: first!.id,
  });
  await store.answers.saveAnswer(source.id, q1!, { type: 'ja-nee', value: 'ja' });
  clock.advance(1_000);
  await store.answers.saveAnswer(source.id, q1!, { type: 'ja-nee', value: 'nee' });
  await store.answers.saveAnswer(source.id, q2!, { type: 'ja-nee', value: 'nvt' });
  await store.answers.saveAnswer(source.id, q3!, { type: 'ja-nee', value: 'ja' });
  await store.answers.clearAnswer(source.id, q3!);
  await store.inspections.finish(source.id);
  const copy = await store.inspections.startFromFinished(source.id, second!.id);
  await store.answers.confirmAnswer(copy.id, q1!);

  const round = await store.inspections.start({
    module: 'optoppen-scan',
    targetLevel: 'pand',
    targetId: pand.id,
  });
  const { finding } = await store.findings.createWithAction(
    round.id,
    { location: 'Dak', description: 'Lekkage bij dakrand', severity: 'gering' },
    { what: 'Dakrand laten herstellen', ownerRole: 'beheerder', dueDate: '2025-06-01' },
  );
  const photo = await store.photos.addPhoto(
    {
      data: bytes(1),
      mimeType: 'image/jpeg',
      width: 40,
      height: 30,
      thumbnail: { data: bytes(2, 50), mimeType: 'image/webp', width: 4, height: 3 },
    },
    {
      inspectionId: round.id,
      questionId: questionOfType('optoppen-scan', 'photo'),
      findingId: finding.id,
    },
  );
  await store.photos.saveAnnotation({ inspectionId: round.id, findingId: finding.id }, photo.hash, {
    version: 1,
    shapes: [{ kind: 'text', at: [0.2, 0.3], text: 'scheur', color: '#f00' }],
  });
  // The review workspaces' records: an EFG case and a round schedule.
  await store.efg.changeStatus(first!.id, {
    to: 'in-voorbereiding',
    actor: { userId: 'user-duurzaamheid', role: 'duurzaamheid' },
  });
  await store.roundSchedules.save({
    pandId: pand.id,
    frequency: 'per-kwartaal',
    startsOn: '2025-04-01',
    active: true,
  });
  await store.photos.markUploaded(photo.hash);
  await store.outbox.acknowledgeUpTo(3);
  return { ...harness, clock, source, copy, round, q1: q1!, q2: q2! };
}

async function otherDevice(
  name: string,
): Promise<{ store: ReturnType<typeof testStore>['store']; context: StoreContext }> {
  return testStore({ name, clock: testClock(Date.UTC(2025, 2, 2)) });
}

describe('the backup file', () => {
  it('restores all local work into another database exactly as it was', async () => {
    const a = await busyDevice('device-a');
    const b = await otherDevice('device-b');

    const json = await a.store.backup.exportBackup();
    const report = await b.store.backup.importBackup(json);

    expect(report.problems).toEqual([]);
    const expected = await dumpTables(a.context.db);
    // The portfolio is reference data from the server, not part of the backup.
    for (const table of ['complexes', 'panden', 'dwellings']) expected[table] = [];
    expect(await dumpTables(b.context.db)).toEqual(expected);
    expect(expected.answers!.length).toBeGreaterThan(3);
    expect(expected.photoData).toHaveLength(1);
  });

  it('brings back every synced entity of the registry, EFG cases and round schedules included', async () => {
    const a = await busyDevice('device-a');
    const file = await a.store.backup.exportBackupFile();
    const b = await otherDevice('device-b');

    const report = await b.store.backup.importBackup(JSON.parse(JSON.stringify(file)));

    expect(report.problems).toEqual([]);
    for (const { table } of Object.values(syncedEntities)) {
      const rows = await a.context.db.table(table).toArray();
      expect(rows.length, table).toBeGreaterThan(0);
      expect(file.tables[table], table).toHaveLength(rows.length);
      expect(await b.context.db.table(table).toArray(), table).toEqual(rows);
    }
    expect(await b.store.roundSchedules.list()).toEqual(await a.store.roundSchedules.list());
  });

  it('still imports a version-1 file, which has no EFG cases or round schedules', async () => {
    const a = await busyDevice('device-a');
    const file = JSON.parse(await a.store.backup.exportBackup());
    file.version = 1;
    delete file.tables.efgCases;
    delete file.tables.roundSchedules;
    const b = await otherDevice('device-b');

    const report = await b.store.backup.importBackup(file);

    expect(report.problems).toEqual([]);
    expect(report.imported.inspections).toBe(file.tables.inspections.length);
    expect(report.imported.efgCases).toBe(0);
    expect(await b.context.db.efgCases.count()).toBe(0);
  });

  it('turns the per-photo drawings of a backup made before version 4 into drawings of their uses', async () => {
    const a = await busyDevice('device-a');
    const b = await otherDevice('device-b');
    const file = JSON.parse(await a.store.backup.exportBackup()) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    // As an older app wrote it: the drawing per hash, nothing on the finding.
    const finding = file.tables.findings!.find((row) => row.photoNotes)!;
    const notes = finding.photoNotes as Record<string, { annotation: unknown }>;
    const [hash, note] = Object.entries(notes)[0]!;
    const clocks = finding.clocks as Record<string, string>;
    const drawnAt = clocks.photoNotes!;
    file.tables.photoAnnotations = [
      {
        hash,
        layer: note.annotation,
        updatedAt: '2025-03-01T09:00:00.000Z',
        hlc: drawnAt,
      },
    ];
    delete finding.photoNotes;
    delete clocks.photoNotes;

    const report = await b.store.backup.importBackup(file);

    expect(report.problems).toEqual([]);
    expect(report.imported.photoAnnotations).toBe(1);
    const restored = await b.context.db.findings.get(finding.id as string);
    expect(restored?.photoNotes).toEqual(notes);
    expect(restored?.clocks.photoNotes).toBe(drawnAt);
    expect(await b.context.db.photoAnnotations.count()).toBe(0);
  });

  it('restores the outbox with its original client id and sequence numbers, so the work still syncs', async () => {
    const a = await busyDevice('device-a');
    const b = await otherDevice('device-b');
    const pending = await a.store.outbox.peekBatch(1_000);

    await b.store.backup.importBackup(await a.store.backup.exportBackup());

    expect(await b.store.outbox.peekBatch(1_000)).toEqual(pending);
    // The restoring device keeps its own identity; its new ops do not collide with restored ones.
    expect(await b.store.outbox.clientId()).not.toBe(await a.store.outbox.clientId());
    await b.store.answers.saveAnswer(a.copy.id, a.q2, { type: 'ja-nee', value: 'ja' });
    const clientB = await b.store.outbox.clientId();
    const after = await b.store.outbox.peekBatch(1_000);
    expect(after.filter((op) => op.clientId === clientB).map((op) => op.seq)).toEqual([1]);
    expect(after.filter((op) => op.clientId !== clientB)).toEqual(pending);
  });

  it('changes nothing when the same backup is imported twice', async () => {
    const a = await busyDevice('device-a');
    const b = await otherDevice('device-b');
    const json = await a.store.backup.exportBackup();
    await b.store.backup.importBackup(json);
    const once = await dumpTables(b.context.db);

    const second = await b.store.backup.importBackup(json);

    expect(Object.values(second.imported).every((count) => count === 0)).toBe(true);
    expect(second.unchanged.answers).toBe(once.answers!.length);
    expect(await dumpTables(b.context.db)).toEqual(once);
  });

  it('keeps the newer version of a record whichever backup is imported last', async () => {
    const a = await busyDevice('device-a');
    const older = await a.store.backup.exportBackup();
    a.clock.advance(60_000);
    await a.store.inspections.reopen(a.source.id);
    await a.store.answers.saveAnswer(a.source.id, a.q2, { type: 'ja-nee', value: 'ja' });
    const newer = await a.store.backup.exportBackup();

    const b = await otherDevice('device-b');
    await b.store.backup.importBackup(newer);
    await b.store.backup.importBackup(older);
    const c = await otherDevice('device-c');
    await c.store.backup.importBackup(older);
    await c.store.backup.importBackup(newer);

    for (const device of [b, c]) {
      expect((await device.store.answers.get(a.source.id, a.q2))?.value).toEqual({
        type: 'ja-nee',
        value: 'ja',
      });
      expect((await device.store.inspections.get(a.source.id))?.status).toBe('reopened');
    }
    // Importing an old backup over newer work on the same device does not roll it back.
    await a.store.backup.importBackup(older);
    expect((await a.store.answers.get(a.source.id, a.q2))?.value).toEqual({
      type: 'ja-nee',
      value: 'ja',
    });
  });

  it('imports the valid rows and reports each invalid row with its table and position', async () => {
    const a = await busyDevice('device-a');
    const file = JSON.parse(await a.store.backup.exportBackup());
    file.tables.answers[1].value = { type: 'ja-nee', value: 'misschien' };
    file.tables.photoData[0].data = '###';
    file.tables.outbox.push({ hello: 'world' });
    const b = await otherDevice('device-b');

    const report = await b.store.backup.importBackup(file);

    expect(report.problems.map((problem) => [problem.table, problem.index])).toEqual([
      ['answers', 1],
      ['photoData', 0],
      ['outbox', file.tables.outbox.length - 1],
    ]);
    expect(report.problems[0]!.message).toMatch(/^value/);
    expect(report.imported.answers).toBe(file.tables.answers.length - 1);
    expect(report.imported.inspections).toBe(file.tables.inspections.length);
  });

  it('refuses a file that is not a Schouw backup or comes from a newer app version', async () => {
    const b = await otherDevice('device-b');
    await expect(b.store.backup.importBackup('{not json')).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(b.store.backup.importBackup({ format: 'iets-anders' })).rejects.toThrow(
      /geen Schouw-back-upbestand/,
    );
    const a = await busyDevice('device-a');
    const file = JSON.parse(await a.store.backup.exportBackup());
    file.version = 99;
    await expect(b.store.backup.importBackup(file)).rejects.toThrow(/nieuwere versie van Schouw/);
  });

  it('never reuses a sequence number after a device restores its own older backup', async () => {
    const a = await busyDevice('device-a');
    const json = await a.store.backup.exportBackup();
    const all = await a.store.outbox.peekBatch(1_000);
    const lastSeq = all.at(-1)!.seq;
    await a.store.outbox.acknowledgeUpTo(lastSeq);

    await a.store.backup.importBackup(json);
    await a.store.answers.saveAnswer(a.copy.id, a.q2, { type: 'ja-nee', value: 'nee' });

    const seqs = (await a.store.outbox.peekBatch(1_000)).map((op) => op.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.max(...seqs)).toBeGreaterThan(lastSeq);
  });
});
