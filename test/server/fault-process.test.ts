// Faults that only exist with real processes: a server killed with SIGKILL in the middle of a
// photo upload and started again, and two server processes sharing one PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate.ts';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import {
  PROTOCOL_VERSION,
  PHOTO_CHUNK_BYTES,
  PullResponseSchema,
  PushResponseSchema,
  type Op,
} from '../../src/shared/sync/protocol.ts';
import { createTestDatabase } from '../support/postgres.ts';
import { makeTempDir } from './store-fixtures.ts';
import { Device, newInspection } from './sync-fixtures.ts';
import { createSignedInUser, createUser, signIn, type SignedInUser } from './support/auth.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

/** `npx tsx src/server/main.ts` in its own process group; resolves once /api/health answers. */
async function startServer(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, npm_config_update_notifier: 'false', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server on ${port} did not start: ${stderr}`);
}

/** SIGKILL to the whole process group, then wait until every process of it is gone. */
async function killHard(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined) throw new Error('no pid');
  process.kill(-group, 'SIGKILL');
  // npx's own exit comes first; the server (its grandchild) holds the data-dir lock until the
  // kernel has reaped it too, and a restart before that would rightly refuse the directory.
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`process group ${group} did not go away`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('close', resolve));
  if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  await exited;
}

async function prepare(store: Store): Promise<SignedInUser> {
  await migrate(store);
  return createSignedInUser(store, { role: 'inspecteur' });
}

describe('a server process killed during a photo upload', () => {
  it('resumes from the reported offset after kill -9 and a restart, and verifies the hash', async () => {
    const dataDir = makeTempDir('kill');
    const setup = await openPgliteStore(path.join(dataDir, 'pglite'));
    const inspector = await prepare(setup);
    await setup.close();
    const port = 18_140;
    const base = `http://127.0.0.1:${port}`;
    const data = randomBytes(PHOTO_CHUNK_BYTES * 6 + 777);
    const hash = createHash('sha256').update(data).digest('hex');
    const put = (offset: number) =>
      fetch(`${base}/api/photos/${hash}/chunks?offset=${offset}`, {
        method: 'PUT',
        headers: inspector.headers,
        body: data.subarray(offset, offset + PHOTO_CHUNK_BYTES),
      });

    let server = await startServer(port, { SCHOUW_DATA_DIR: dataDir });
    for (let offset = 0; offset < PHOTO_CHUNK_BYTES * 3; offset += PHOTO_CHUNK_BYTES) {
      expect((await put(offset)).status).toBe(200);
    }
    await killHard(server);

    server = await startServer(port, { SCHOUW_DATA_DIR: dataDir });
    const status = (await (
      await fetch(`${base}/api/photos/${hash}/upload`, { headers: inspector.headers })
    ).json()) as {
      receivedBytes: number;
    };
    expect(status.receivedBytes).toBe(PHOTO_CHUNK_BYTES * 3);
    for (let offset = status.receivedBytes; offset < data.length; offset += PHOTO_CHUNK_BYTES) {
      expect((await put(offset)).status).toBe(200);
    }
    const done = await fetch(`${base}/api/photos/${hash}/complete`, {
      method: 'POST',
      headers: { ...inspector.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ size: data.length, mimeType: 'image/jpeg' }),
    });
    expect(done.status).toBe(200);
    const stored = Buffer.from(
      await (
        await fetch(`${base}/api/photos/${hash}`, { headers: inspector.headers })
      ).arrayBuffer(),
    );
    expect(createHash('sha256').update(stored).digest('hex')).toBe(hash);
    await stop(server);
  }, 180_000);
});

describe('two server processes on one PostgreSQL', () => {
  it('converge to the same state for clients that alternate between them', async () => {
    const database = await createTestDatabase();
    const setup = await openPostgresStore(database.url);
    try {
      const inspector = await prepare(setup);
      const second = await signIn(
        setup,
        await createUser(setup, { organisationId: inspector.organisation.id, role: 'inspecteur' }),
      );
      const servers = await Promise.all([
        startServer(18_150, {
          DATABASE_URL: database.url,
          SCHOUW_DATA_DIR: makeTempDir('scale-a'),
        }),
        startServer(18_151, {
          DATABASE_URL: database.url,
          SCHOUW_DATA_DIR: makeTempDir('scale-b'),
        }),
      ]);
      const bases = ['http://127.0.0.1:18150', 'http://127.0.0.1:18151'];
      const users = [inspector.headers, second.headers];

      const devices = [new Device(), new Device(), new Device(), new Device()];
      const inspections = new Map<Device, string[]>();
      let turn = 0;
      const pushVia = async (device: Device, headers: Record<string, string>, ops: Op[]) => {
        const base = bases[turn++ % 2] as string;
        const response = await fetch(`${base}/api/sync/push`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            protocolVersion: PROTOCOL_VERSION,
            schemaVersion: 1,
            clientId: device.clientId,
            ops,
          }),
        });
        expect(response.status).toBe(200);
        return PushResponseSchema.parse(await response.json());
      };
      await Promise.all(
        devices.map(async (device, index) => {
          const headers = users[index % 2] as Record<string, string>;
          const own: string[] = [];
          inspections.set(device, own);
          for (let round = 0; round < 6; round += 1) {
            const created = newInspection(device);
            own.push(created.id);
            const edit = device.op('inspection', own[0] as string, {
              plannedFor: `2026-12-${String(10 + round).padStart(2, '0')}`,
            });
            const ops = [created.op, edit];
            await pushVia(device, headers, ops);
            // Every other round the answer is "lost" and the batch retried on the other server.
            if (round % 2 === 1) {
              const retry = await pushVia(device, headers, ops);
              expect(retry.results.every((result) => result.status === 'duplicate')).toBe(true);
            }
          }
        }),
      );

      const pullFrom = async (base: string, device: Device) => {
        const records = new Map<string, unknown>();
        let cursor = 0;
        for (;;) {
          const query = new URLSearchParams({
            clientId: device.clientId,
            cursor: String(cursor),
            limit: '7',
            protocolVersion: String(PROTOCOL_VERSION),
            schemaVersion: '1',
          });
          const response = await fetch(`${base}/api/sync/pull?${query}`, {
            headers: inspector.headers,
          });
          const page = PullResponseSchema.parse(await response.json());
          for (const change of page.changes)
            records.set(`${change.entity}/${change.id}`, {
              fields: change.fields,
              deletedHlc: change.deletedHlc,
            });
          cursor = page.nextCursor;
          if (!page.hasMore) return { records, appliedUpTo: page.appliedUpTo };
        }
      };
      const [viaA, viaB] = await Promise.all(
        bases.map((base) => pullFrom(base, devices[0] as Device)),
      );
      expect(viaA?.records).toEqual(viaB?.records);
      expect(viaA?.appliedUpTo).toBe(12);
      const ids = [...inspections.values()].flat();
      expect(ids).toHaveLength(24);
      for (const id of ids) expect(viaA?.records.has(`inspection/${id}`)).toBe(true);
      await Promise.all(servers.map(stop));
    } finally {
      await setup.close();
      await database.drop();
    }
  }, 180_000);
});
