// Property: whatever three devices do offline, in whatever order they sync, and however often the
// network fails on the way, once everyone has synced they hold one state, equal to the server's,
// with no record lost and none duplicated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordState } from '../../../src/app/db/synced.ts';
import { FakeSyncServer, type Fault } from './fake-server.ts';
import { newAction, testDevice } from './harness.ts';

type Command =
  | { kind: 'create'; device: number; what: string }
  | { kind: 'update'; device: number; pick: number; what: string }
  | { kind: 'remove'; device: number; pick: number }
  | { kind: 'wait'; device: number; ms: number }
  | {
      kind: 'sync';
      device: number;
      faults: (Fault | null)[];
      /** The user edits on this device while its sync waits for the pull answer. */
      editDuringPull: { pick: number; what: string } | null;
    };

const device = fc.integer({ min: 0, max: 2 });
const text = fc.constantFrom('Deur', 'Raam', 'Trap', 'Galerij', 'Kelder', 'Dak');
const fault: fc.Arbitrary<Fault | null> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-before' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'drop-after' } as const) },
  { weight: 1, arbitrary: fc.constant({ kind: 'duplicate' } as const) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(401, 409, 500, 503).map((status) => ({
      kind: 'status' as const,
      status: status as 401 | 409 | 500 | 503,
    })),
  },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('create' as const), device, what: text }) },
  {
    weight: 3,
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
      faults: fc.array(fault, { maxLength: 6 }),
      editDuringPull: fc.option(fc.record({ pick: fc.nat(20), what: text })),
    }),
  },
);
const scenario: fc.Arbitrary<Scenario> = fc.record({
  offsets: fc.tuple(
    fc.integer({ min: -120_000, max: 120_000 }),
    fc.integer({ min: -120_000, max: 120_000 }),
    fc.integer({ min: -120_000, max: 120_000 }),
  ),
  commands: fc.array(command, { minLength: 1, maxLength: 14 }),
});

interface Scenario {
  offsets: [number, number, number];
  commands: Command[];
}

let runNumber = 0;

async function runScenario({ offsets, commands }: Scenario): Promise<void> {
  runNumber += 1;
  const server = new FakeSyncServer();
  const devices = offsets.map((clockOffsetMs, index) =>
    testDevice(server, `run-${runNumber}-${index}`, { clockOffsetMs }),
  );
  const created: string[] = [];
  let pendingFaults: (Fault | null)[] = [];
  server.fault = () => pendingFaults.shift() ?? undefined;

  // A field's clock on a device never goes back: a pulled value never beats a newer local one.
  const seenClocks = devices.map(() => new Map<string, string>());
  async function checkClocksNeverGoBack(): Promise<void> {
    for (const [index, { context }] of devices.entries()) {
      const seen = seenClocks[index]!;
      for (const row of await context.db.actions.toArray()) {
        for (const [field, hlc] of Object.entries(row.clocks)) {
          const key = `${row.id}.${field}`;
          const before = seen.get(key);
          if (before !== undefined) expect(hlc >= before, `${key}: ${hlc} < ${before}`).toBe(true);
          seen.set(key, hlc);
        }
      }
    }
  }

  for (const step of commands) {
    const { store, engine, clock } = devices[step.device]!;
    if (step.kind === 'create') {
      created.push((await store.actions.create(newAction(step.what))).id);
    } else if (step.kind === 'update' || step.kind === 'remove') {
      const id = created[step.pick % Math.max(created.length, 1)];
      if (id === undefined || !(await store.actions.get(id))) continue;
      if (step.kind === 'update') await store.actions.update(id, { what: step.what });
      else await store.actions.remove(id);
    } else if (step.kind === 'wait') {
      clock.advance(step.ms);
    } else {
      pendingFaults = [...step.faults];
      const edit = step.editDuringPull;
      if (edit) {
        server.beforeCall = async (call) => {
          if (call !== 'pull') return;
          server.beforeCall = () => Promise.resolve();
          const id = created[edit.pick % Math.max(created.length, 1)];
          if (id !== undefined && (await store.actions.get(id)))
            await store.actions.update(id, { what: `${edit.what} (tijdens sync)` });
          await checkClocksNeverGoBack();
        };
      }
      await engine.run();
      server.beforeCall = () => Promise.resolve();
      pendingFaults = [];
    }
    await checkClocksNeverGoBack();
  }

  // Everyone syncs on a healthy network: once to send, once more to hear the others.
  server.fault = () => undefined;
  for (let round = 0; round < 2; round += 1) {
    for (const { engine } of devices) {
      engine.resume();
      expect(await engine.run()).toBe('synced');
    }
  }

  const serverState = new Map(
    [...server.liveRecords('action')].map(([id, state]) => [id, JSON.stringify(state)]),
  );
  // Zero lost, zero duplicated: exactly the created records, each op merged once.
  expect([...serverState.keys()].sort()).toEqual([...created].sort());
  const opKeys = server.mergedOps.map((op) => `${op.clientId}:${op.seq}`);
  expect(new Set(opKeys).size).toBe(opKeys.length);
  for (const { store, context } of devices) {
    expect(await store.outbox.pendingCount()).toBe(0);
    const rows = await context.db.actions.toArray();
    const local = new Map(rows.map((row) => [row.id, JSON.stringify(recordState(row))]));
    expect(local).toEqual(serverState);
  }
  for (const { store } of devices) store.close();
}

describe('sync convergence', () => {
  it('converges three devices to one state after any interleaving of edits and failures', async () => {
    await fc.assert(fc.asyncProperty(scenario, runScenario), { numRuns: 200 });
  }, 120_000);
});
