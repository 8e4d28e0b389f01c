// docs/deploy.md's recipe, run: two server processes on one real PostgreSQL behind a real nginx
// (round robin). Devices sync alternately through it, a photo uploaded through one node
// downloads through the other, and of two imports started on the two nodes at once one runs
// and one is refused.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/server/store/postgres-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import {
  PHOTO_CHUNK_BYTES,
  PROTOCOL_VERSION,
  PullResponseSchema,
  PushResponseSchema,
  type Op,
} from '../../src/shared/sync/protocol.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';
import { makeTempDir } from './store-fixtures.ts';
import { createSignedInUser, type SignedInUser } from './support/auth.ts';
import { startNginx, type RunningNginx } from './support/nginx.ts';
import { Device, newInspection } from './sync-fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const epSample = readFileSync(path.join(repoRoot, 'test/fixtures/ep-online-v2-sample.csv'));
const LISTENING = /luistert op http:\/\/localhost:(\d+) \(listening\)/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const children: ChildProcess[] = [];

/** One server node as docs/deploy.md's systemd unit starts it. */
async function startNode(databaseUrl: string, port: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      SCHOUW_DATA_DIR: makeTempDir('node-data'),
      SCHOUW_DIST_DIR: makeTempDir('node-dist'),
      TRUSTED_PROXIES: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (LISTENING.test(output)) resolve();
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      check();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`node exited (${code}):\n${output}`)));
  });
}

let database: TestDatabase;
let store: Store;
let nginx: RunningNginx;
let nodePorts: number[];

beforeAll(async () => {
  database = await createTestDatabase();
  nodePorts = [await freePort(), await freePort()];
  // Both nodes start at once: migrations run once, under the advisory lock.
  await Promise.all(nodePorts.map((port) => startNode(database.url, port)));
  nginx = await startNginx(makeTempDir('nginx'), await freePort(), nodePorts);
  store = await openPostgresStore(database.url);
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  for (const child of children) {
    if (child.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
  }
  await store?.close();
  await database?.drop();
});

interface Answer {
  status: number;
  node: string;
  body: unknown;
  bytes: Buffer;
}

/** One request through nginx; `node` is the upstream that answered. */
async function call(who: SignedInUser, url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${nginx.url}${url}`, {
    ...init,
    headers: { ...who.headers, ...(init.headers as Record<string, string> | undefined) },
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    node: response.headers.get('x-schouw-upstream') ?? '',
    body: type.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined,
    bytes,
  };
}

/** Repeats a read until another node than `not` answers it (round robin gets there at once). */
async function readVia(not: string, read: () => Promise<Answer>): Promise<Answer> {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const answer = await read();
    if (answer.node !== not) return answer;
  }
  throw new Error(`every read was answered by ${not}`);
}

function pushVia(who: SignedInUser, device: Device, ops: Op[]) {
  return call(who, '/api/sync/push', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: 1,
      clientId: device.clientId,
      ops,
    }),
  });
}

function pullVia(who: SignedInUser, device: Device) {
  const query = new URLSearchParams({
    clientId: device.clientId,
    cursor: '0',
    limit: '500',
    protocolVersion: String(PROTOCOL_VERSION),
    schemaVersion: '1',
  });
  return call(who, `/api/sync/pull?${query}`);
}

describe('two server nodes behind nginx on one PostgreSQL', { timeout: 120_000 }, () => {
  it('sends requests to both nodes and logs them in the documented format', async () => {
    const who = await createSignedInUser(store, { role: 'inspecteur' });
    const answers = [await call(who, '/api/health'), await call(who, '/api/health')];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(new Set(answers.map((answer) => answer.node))).toEqual(
      new Set(nodePorts.map((port) => `127.0.0.1:${port}`)),
    );
    const line = nginx.accessLog().trim().split('\n').at(-1) ?? '';
    expect(JSON.parse(line)).toMatchObject({ request: 'GET /api/health HTTP/1.1', status: 200 });
  });

  it('lets two devices sync alternately through either node', async () => {
    const who = await createSignedInUser(store, { role: 'inspecteur' });
    const [tablet, phone] = [new Device('tablet'), new Device('phone')];
    const first = newInspection(tablet, who.user.id);
    const pushed = await pushVia(who, tablet, [first.op]);
    expect(pushed.status).toBe(200);
    expect(PushResponseSchema.parse(pushed.body).results).toMatchObject([{ status: 'applied' }]);
    const seen = await readVia(pushed.node, () => pullVia(who, phone));
    expect(PullResponseSchema.parse(seen.body).changes.map((change) => change.id)).toContain(
      first.id,
    );

    const second = newInspection(phone, who.user.id);
    const pushedBack = await pushVia(who, phone, [second.op]);
    expect(pushedBack.status).toBe(200);
    const seenBack = await readVia(pushedBack.node, () => pullVia(who, tablet));
    const ids = PullResponseSchema.parse(seenBack.body).changes.map((change) => change.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
  });

  it('serves a photo uploaded through one node from the other', async () => {
    const who = await createSignedInUser(store, { role: 'inspecteur' });
    const data = randomBytes(PHOTO_CHUNK_BYTES * 2 + 4321);
    const hash = createHash('sha256').update(data).digest('hex');
    const nodes = new Set<string>();
    for (let offset = 0; offset < data.length; offset += PHOTO_CHUNK_BYTES) {
      const chunk = await call(who, `/api/photos/${hash}/chunks?offset=${offset}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream' },
        body: new Uint8Array(data.subarray(offset, offset + PHOTO_CHUNK_BYTES)),
      });
      expect(chunk.status).toBe(200);
      nodes.add(chunk.node);
    }
    // Round robin spread the chunks of one upload over both nodes.
    expect(nodes.size).toBe(2);
    const completes = await Promise.all(
      [0, 1, 2, 3].map(() =>
        call(who, `/api/photos/${hash}/complete`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ size: data.length, mimeType: 'image/jpeg' }),
        }),
      ),
    );
    expect(completes.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const completedBy = completes[0]?.node ?? '';
    const download = await readVia(completedBy, () => call(who, `/api/photos/${hash}`));
    expect(download.status).toBe(200);
    expect(download.bytes.equals(data)).toBe(true);
  });

  it('runs one of two imports started on the two nodes at once and refuses the other', async () => {
    const who = await createSignedInUser(store, { role: 'beheerder' });
    const closers: (() => void)[] = [];
    const held = () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(epSample));
          closers.push(() => controller.close());
        },
      });
    const started = ['eerste.csv', 'tweede.csv'].map((fileName) =>
      call(who, `/api/imports?kind=ep-online&fileName=${fileName}`, {
        method: 'POST',
        body: held(),
        duplex: 'half',
      } as RequestInit),
    );
    // The refusal comes before either file is complete; only then do both uploads finish.
    const refused = await Promise.race(started);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: 'import_running' });
    for (const close of closers) close();
    const answers = await Promise.all(started);
    const statuses = answers.map((answer) => answer.status).filter((status) => status !== 409);
    expect(statuses).toHaveLength(1);
    // 201 when done within the request, 202 while it still runs.
    expect([201, 202]).toContain(statuses[0]);
    expect(new Set(answers.map((answer) => answer.node)).size).toBe(2);
    const runs = async () =>
      (
        await store.query<{ status: string }>(
          'SELECT status FROM import_runs WHERE organisation_id = $1',
          [who.organisation.id],
        )
      ).rows;
    await expect.poll(runs, { timeout: 60_000 }).not.toEqual([{ status: 'running' }]);
    const rows = await runs();
    expect(rows).toEqual([{ status: 'succeeded' }]);
  });
});
