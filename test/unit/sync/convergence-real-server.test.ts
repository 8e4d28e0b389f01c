// Property: three devices against the REAL server app (sync service, PGlite store, photo routes),
// with random network failures on the way: whatever they do offline (actions, findings, photos,
// EFG cases, round schedules) and in whatever order they sync, once everyone has synced on a
// healthy network they hold one state, equal to the server's, every op merged once, every photo
// stored on the server and on every device.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createSyncStore } from '../../../src/app/db/sync-store.ts';
import { recordState } from '../../../src/app/db/synced.ts';
import type { SyncClocks } from '../../../src/app/db/database.ts';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { SyncEngine } from '../../../src/app/sync/engine.ts';
import { SyncTransportError, type SyncTransport } from '../../../src/app/sync/transport.ts';
import {
  checkEfgTransition,
  EfgWorkflowStatusSchema,
  RoundFrequencySchema,
} from '../../../src/shared/domain/index.ts';
import { syncedEntities } from '../../../src/shared/sync/entities.ts';
import type { RecordState } from '../../../src/shared/sync/merge.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { useFreshStore } from '../../server/store-fixtures.ts';
import { seedSmallPortfolio, syncApp, user, type TestApp } from '../../server/sync-fixtures.ts';
import { testClock, testStore } from '../db/store-fixtures.ts';
import type { Fault } from './fake-server.ts';
import { newAction } from './harness.ts';

vi.setConfig({ hookTimeout: 60_000 });

type Command =
  | { kind: 'action'; device: number; what: string }
  | { kind: 'update'; device: number; pick: number; what: string }
  | { kind: 'remove'; device: number; pick: number }
  | { kind: 'finding'; device: number; what: string }
  | { kind: 'photo'; device: number; seed: number }
  | { kind: 'efg'; device: number; pick: number }
  | { kind: 'schedule'; device: number; pick: number; active: boolean }
  | { kind: 'wait'; device: number; ms: number }
  | { kind: 'sync'; device: number; faults: (Fault | null)[] };

const device = fc.integer({ min: 0, max: 2 });
const text = fc.constantFrom('Deur', 'Raam', 'Trap', 'Galerij', 'Kelder', 'Dak');
const fault: fc.Arbitrary<Fault | null> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-before' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-after' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' } as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(401, 500, 503).map((status) => ({
      kind: 'status' as const,
      status: status as 401 | 500 | 503,
    })),
  },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('action' as const), device, what: text }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      device,
      pick: fc.nat(20),
      what: text,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), device, pick: fc.nat(20) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('finding' as const), device, what: text }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('photo' as const), device, seed: fc.nat(1_000) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('efg' as const), device, pick: fc.nat(9) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('schedule' as const),
      device,
      pick: fc.nat(3),
      active: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      device,
      ms: fc.integer({ min: 0, max: 5_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      device,
      faults: fc.array(fault, { maxLength: 5 }),
    }),
  },
);

interface Scenario {
  offsets: [number, number, number];
  commands: Command[];
}

const scenario: fc.Arbitrary<Scenario> = fc.record({
  offsets: fc.tuple(
    fc.integer({ min: -120_000, max: 120_000 }),
    fc.integer({ min: -120_000, max: 120_000 }),
    fc.integer({ min: -120_000, max: 120_000 }),
  ),
  commands: fc.array(command, { minLength: 1, maxLength: 12 }),
});

function statusError(status: number): SyncTransportError {
  return new SyncTransportError(
    status === 401 ? 'unauthenticated' : 'server',
    `HTTP ${status}`,
    status,
  );
}

/** The real transport to the app, with every call going through the fault hook. */
function faulty(transport: SyncTransport, next: () => Fault | null | undefined): SyncTransport {
  const call =
    <A extends unknown[], T>(method: (...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      const fault = next();
      if (fault?.kind === 'drop-before')
        throw new SyncTransportError('network', 'Verbinding verbroken (voor verwerking).');
      if (fault?.kind === 'status') throw statusError(fault.status);
      if (fault?.kind === 'duplicate') await method(...args).catch(() => undefined);
      const result = await method(...args);
      if (fault?.kind === 'drop-after')
        throw new SyncTransportError('network', 'Verbinding verbroken (na verwerking).');
      return result;
    };
  return {
    push: call((request) => transport.push(request)),
    pull: call((request) => transport.pull(request)),
    photoExists: call((hash) => transport.photoExists(hash)),
    photoUploadStatus: call((hash) => transport.photoUploadStatus(hash)),
    uploadPhotoChunk: call((hash, offset, chunk) =>
      transport.uploadPhotoChunk(hash, offset, chunk),
    ),
    completePhoto: call((hash, size, mimeType) => transport.completePhoto(hash, size, mimeType)),
    downloadPhoto: call((hash) => transport.downloadPhoto(hash)),
  };
}

let runNumber = 0;

function recordKey(key: string, row: Record<string, unknown>): string {
  if (key === 'hash') return String(row.hash);
  if (key === 'inspection-question') return `${String(row.inspectionId)}/${String(row.questionId)}`;
  return String(row.id);
}

/** The server's stored state of every synced record of the organisation, by entity/id. */
async function serverRecords(store: Store, organisationId: string) {
  const { rows } = await store.query<{
    entity: string;
    id: string;
    fields: RecordState['fields'];
    deleted_hlc: string | null;
  }>(
    `SELECT entity, id, fields, deleted_hlc FROM sync_records
     WHERE organisation_id = $1 AND entity = ANY($2::text[])`,
    [organisationId, Object.keys(syncedEntities)],
  );
  return new Map(
    rows.map((row) => [
      `${row.entity}/${row.id}`,
      row.deleted_hlc === null
        ? { fields: row.fields }
        : { fields: row.fields, deletedHlc: row.deleted_hlc },
    ]),
  );
}

async function runScenario(app: TestApp, store: Store, { offsets, commands }: Scenario) {
  runNumber += 1;
  const first = await user(store, 'beheerder');
  const organisation = first.organisation;
  const users = [first, await user(store, 'beheerder', organisation)];
  users.push(await user(store, 'beheerder', organisation));
  const { pandId, vboId } = await seedSmallPortfolio(store, organisation.id);
  let pendingFaults: (Fault | null)[] = [];
  const devices = offsets.map((clockOffsetMs, index) => {
    const clock = testClock(Date.UTC(2025, 2, 1, 9, 0, 0) + clockOffsetMs);
    const { store: local, context } = testStore({ name: `real-${runNumber}-${index}`, clock });
    const token = users[index]!.token;
    const transport = createHttpTransport({
      baseUrl: 'http://schouw.test',
      token: () => token,
      fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    });
    const engine = new SyncEngine({
      store: createSyncStore(context),
      transport: faulty(transport, () => pendingFaults.shift()),
      now: clock.now,
      random: () => 0.5,
      setTimer: () => () => undefined,
    });
    return { local, context, engine, clock, userId: users[index]!.user.id, inspection: '' };
  });
  // Everyone starts with the portfolio (a dwelling for EFG, a pand for its round schedule).
  for (const { engine } of devices) expect(await engine.run()).toBe('synced');

  const created: string[] = [];
  const photos = new Set<string>();
  for (const step of commands) {
    const current = devices[step.device]!;
    const { local, engine, clock } = current;
    const inspection = async () => {
      current.inspection ||= (
        await local.inspections.start({
          module: 'zorggeschiktheid',
          targetLevel: 'verblijfsobject',
          targetId: vboId,
        })
      ).id;
      return current.inspection;
    };
    if (step.kind === 'action') {
      created.push((await local.actions.create(newAction(step.what))).id);
    } else if (step.kind === 'update' || step.kind === 'remove') {
      const id = created[step.pick % Math.max(created.length, 1)];
      if (id === undefined || !(await local.actions.get(id))) continue;
      if (step.kind === 'update') await local.actions.update(id, { what: step.what });
      else await local.actions.remove(id);
    } else if (step.kind === 'finding') {
      await local.findings.create(await inspection(), {
        location: 'Galerij',
        description: step.what,
        severity: 'gering',
      });
    } else if (step.kind === 'photo') {
      const data = Uint8Array.from({ length: 2_000 }, (_, i) => (step.seed * 31 + i * 7) % 256);
      const photo = await local.photos.addPhoto(
        { data: data.buffer, mimeType: 'image/jpeg', width: 40, height: 30 },
        { inspectionId: await inspection() },
      );
      photos.add(photo.hash);
    } else if (step.kind === 'efg') {
      const from = (await local.efg.getCase(vboId))?.status ?? 'kandidaat';
      const options = EfgWorkflowStatusSchema.options.filter(
        (to) => to !== from && checkEfgTransition(from, to, 'beheerder', undefined).ok,
      );
      const to = options[step.pick % Math.max(options.length, 1)];
      if (to !== undefined)
        await local.efg.changeStatus(vboId, {
          to,
          actor: { userId: current.userId, role: 'beheerder' },
        });
    } else if (step.kind === 'schedule') {
      await local.roundSchedules.save({
        pandId,
        frequency: RoundFrequencySchema.options[step.pick % RoundFrequencySchema.options.length]!,
        startsOn: '2025-04-01',
        active: step.active,
      });
    } else if (step.kind === 'wait') {
      clock.advance(step.ms);
    } else {
      pendingFaults = [...step.faults];
      await engine.run();
      pendingFaults = [];
    }
  }

  // Everyone syncs on a healthy network: once to send, once more to hear the others, and once
  // more for what a refused op brought back.
  for (let round = 0; round < 3; round += 1) {
    for (const { engine } of devices) {
      engine.resume();
      expect(await engine.run(), engine.status.problem?.detail).toBe('synced');
    }
  }

  const server = await serverRecords(store, organisation.id);
  expect(
    [...server.keys()].filter((key) => key.startsWith('action/')).sort(),
    'every action created is on the server',
  ).toEqual(created.map((id) => `action/${id}`).sort());
  for (const hash of photos) expect(server.has(`photo/${hash}`), hash).toBe(true);
  // Every op merged once: per device, one result per seq.
  const { rows } = await store.query<{ n: number; top: number }>(
    `SELECT count(*)::int AS n, max(seq)::int AS top FROM sync_op_results
     WHERE user_id = ANY($1::uuid[]) GROUP BY client_id`,
    [users.map((signedIn) => signedIn.user.id)],
  );
  for (const row of rows) expect(row.n).toBe(row.top);

  for (const { local, context } of devices) {
    expect(await local.outbox.pendingCount()).toBe(0);
    const held = new Map<string, RecordState>();
    for (const [entity, spec] of Object.entries(syncedEntities)) {
      const tableRows = (await context.db.table(spec.table).toArray()) as (SyncClocks &
        Record<string, unknown>)[];
      for (const row of tableRows)
        held.set(`${entity}/${recordKey(spec.key, row)}`, recordState(row));
    }
    expect(held).toEqual(server);
    // Every photo's bytes are on every device (downloaded and verified, or taken there).
    for (const hash of photos) expect(await context.db.photoData.get(hash), hash).toBeDefined();
  }
  for (const hash of photos) {
    const stored = await app.request(`/api/photos/${hash}`, { headers: first.headers });
    expect(stored.status, hash).toBe(200);
  }
  for (const { local } of devices) local.close();
}

describe('sync convergence against the real server', () => {
  const fixture = useFreshStore('pglite');

  it('converges three devices with actions, findings, photos, EFG cases and round schedules after any interleaving of edits and failures', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    await fc.assert(
      fc.asyncProperty(scenario, (generated) => runScenario(app, store, generated)),
      { numRuns: 12 },
    );
  }, 600_000);
});
