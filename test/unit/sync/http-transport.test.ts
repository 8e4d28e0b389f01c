import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../../src/app/platform/http.ts';
import { webLock } from '../../../src/app/platform/web-locks.ts';
import { formatHlc } from '../../../src/shared/sync/hlc.ts';
import { uuidv7 } from '../../../src/shared/ids.ts';
import { PROTOCOL_VERSION } from '../../../src/shared/sync/protocol.ts';

const clientId = uuidv7(Date.UTC(2025, 2, 1));
const serverHlc = formatHlc({ wallMs: Date.UTC(2025, 2, 1), counter: 0, node: 'server' });

function recordingFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    requests.push({ url, init });
    return answer(url, init);
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const pullRequest = {
  protocolVersion: PROTOCOL_VERSION,
  schemaVersion: 2,
  clientId,
  cursor: 7,
  limit: 500,
};

describe('http sync transport', () => {
  it('pulls with GET and a query, carrying the bearer token', async () => {
    const { fetch, requests } = recordingFetch(() =>
      json({ changes: [], nextCursor: 7, hasMore: false, appliedUpTo: 3, serverHlc }),
    );
    const transport = createHttpTransport({ token: () => 'geheim', fetch });

    const response = await transport.pull(pullRequest);

    expect(response.appliedUpTo).toBe(3);
    const url = new URL(requests[0]!.url, 'http://localhost');
    expect(url.pathname).toBe('/api/sync/pull');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      clientId,
      cursor: '7',
      limit: '500',
      protocolVersion: String(PROTOCOL_VERSION),
      schemaVersion: '2',
    });
    expect(new Headers(requests[0]!.init.headers).get('Authorization')).toBe('Bearer geheim');
  });

  it.each([
    [401, 'unauthenticated'],
    [426, 'update-required'],
    [503, 'server'],
    [400, 'refused'],
  ] as const)('turns HTTP %i into a %s error', async (status, kind) => {
    const { fetch } = recordingFetch(() => json({ error: 'x', message: 'Uitleg' }, status));
    const transport = createHttpTransport({ token: () => undefined, fetch });

    await expect(transport.pull(pullRequest)).rejects.toMatchObject({ kind, message: 'Uitleg' });
  });

  it('reads appliedUpTo from a 409 seq-gap answer', async () => {
    const { fetch } = recordingFetch(() =>
      json({ error: 'seq-gap', message: 'Gat', appliedUpTo: 12 }, 409),
    );
    const transport = createHttpTransport({ token: () => 't', fetch });
    const op = {
      clientId,
      seq: 14,
      entity: 'action' as const,
      id: 'a',
      hlc: serverHlc,
      kind: 'upsert' as const,
      fields: {},
    };

    await expect(
      transport.push({ protocolVersion: 1, schemaVersion: 2, clientId, ops: [op] }),
    ).rejects.toMatchObject({ kind: 'seq-gap', appliedUpTo: 12 });
  });

  it('reports a failed fetch and an unreadable answer as network failures', async () => {
    const offline = createHttpTransport({
      token: () => 't',
      fetch: (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch,
    });
    const garbled = createHttpTransport({
      token: () => 't',
      fetch: recordingFetch(() => new Response('{"changes": [', { status: 200 })).fetch,
    });

    await expect(offline.pull(pullRequest)).rejects.toMatchObject({ kind: 'network' });
    await expect(garbled.pull(pullRequest)).rejects.toMatchObject({ kind: 'network' });
  });

  it('gzips a large push body with Content-Encoding gzip and sends a small one as plain JSON', async () => {
    const pushed = formatHlc({ wallMs: Date.UTC(2025, 2, 1), counter: 1, node: 'dev' });
    const op = (seq: number) => ({
      clientId,
      seq,
      entity: 'action' as const,
      id: uuidv7(),
      hlc: pushed,
      kind: 'upsert' as const,
      fields: { what: `Vluchtroute vrijmaken ${seq}`, ownerRole: 'veiligheid', status: 'open' },
    });
    const request = (count: number) => ({
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: 2,
      clientId,
      ops: Array.from({ length: count }, (_, index) => op(index + 1)),
    });
    const { fetch, requests } = recordingFetch(() =>
      json({ results: [], appliedUpTo: 0, serverHlc }),
    );
    const transport = createHttpTransport({ token: () => 't', fetch });
    const large = request(100);
    const small = request(1);

    await transport.push(large);
    await transport.push(small);

    const [gzipped, plain] = requests.map((entry) => ({
      headers: new Headers(entry.init.headers),
      body: entry.init.body,
    }));
    expect(gzipped!.headers.get('Content-Encoding')).toBe('gzip');
    expect(gzipped!.body).toBeInstanceOf(Uint8Array);
    const bytes = gzipped!.body as Uint8Array<ArrayBuffer>;
    const text = JSON.stringify(large);
    expect(bytes.byteLength).toBeLessThan(text.length / 4);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    expect(plain!.headers.get('Content-Encoding')).toBeNull();
    expect(plain!.body).toBe(JSON.stringify(small));
  });

  it('continues a photo upload from the offset the server reports on a conflict', async () => {
    const hash = 'c'.repeat(64);
    const { fetch, requests } = recordingFetch((url) =>
      url.includes('/chunks')
        ? json({ error: 'offset-mismatch', message: 'x', receivedBytes: 1024 }, 409)
        : new Response(null, { status: 404 }),
    );
    const transport = createHttpTransport({ token: () => 't', fetch });

    expect(await transport.photoExists(hash)).toBe(false);
    expect(await transport.uploadPhotoChunk(hash, 0, new ArrayBuffer(10))).toEqual({
      hash,
      receivedBytes: 1024,
      complete: false,
    });
    expect(requests.map((request) => [request.init.method ?? 'GET', request.url])).toEqual([
      ['HEAD', `/api/photos/${hash}`],
      ['PUT', `/api/photos/${hash}/chunks?offset=0`],
    ]);
  });
});

describe('sync lock without the Web Locks API', () => {
  it('downloads photo bytes with GET and the bearer token, and answers undefined on 404', async () => {
    const hash = 'b'.repeat(64);
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const { fetch, requests } = recordingFetch((url) =>
      url.endsWith(hash)
        ? new Response(bytes, { status: 200, headers: { 'Content-Type': 'image/jpeg' } })
        : json({ message: 'Deze foto staat (nog) niet op de server.' }, 404),
    );
    const transport = createHttpTransport({ token: () => 'geheim', fetch });

    const data = await transport.downloadPhoto(hash);
    const missing = await transport.downloadPhoto('c'.repeat(64));

    expect(new Uint8Array(data ?? new ArrayBuffer(0))).toEqual(bytes);
    expect(missing).toBeUndefined();
    expect(requests[0]!.url).toBe(`/api/photos/${hash}`);
    expect(requests[0]!.init.method).toBeUndefined();
    expect(new Headers(requests[0]!.init.headers).get('Authorization')).toBe('Bearer geheim');
  });

  it('lets only one cycle of this tab run at a time', async () => {
    const lock = webLock('test-lock', undefined);
    let release: () => void = () => undefined;
    const first = lock.runExclusive(
      () =>
        new Promise<string>((resolve) => {
          release = () => resolve('eerste');
        }),
    );
    const second = await lock.runExclusive(() => Promise.resolve('tweede'));
    release();

    expect(second).toEqual({ acquired: false });
    expect(await first).toEqual({ acquired: true, value: 'eerste' });
    expect(await lock.runExclusive(() => Promise.resolve('derde'))).toEqual({
      acquired: true,
      value: 'derde',
    });
  });
});
