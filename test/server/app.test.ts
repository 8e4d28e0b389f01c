import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, HealthResponseSchema } from '../../src/server/app.ts';
import { loadMigrations, migrate } from '../../src/server/store/migrate.ts';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const INDEX_HTML = '<!doctype html><title>Schouw</title><div id="app"></div>';

/** A tiny stand-in for `vite build` output with every kind of file the real build emits. */
function buildFakeDist(): string {
  const dist = makeTempDir('dist');
  const files: Record<string, string> = {
    'index.html': INDEX_HTML,
    'manifest.webmanifest': '{"name":"Schouw"}',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'workbox-5ffe50d4.js': '/* workbox runtime */',
    'favicon.ico': 'ico',
    'icons/icon-192.png': 'png',
    'assets/index-B0Fa4LR-.js': 'console.log("app");',
    'assets/index-Qdg_XgCM.css': 'body{}',
  };
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), content);
  }
  return dist;
}

describe('static files and routing', () => {
  let store: Store;
  let dist: string;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openPgliteStore(undefined);
    await migrate(store);
    dist = buildFakeDist();
    app = createApp({ store, distDir: dist, version: '1.2.3' });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it.each([
    ['/assets/index-B0Fa4LR-.js', IMMUTABLE, 'text/javascript; charset=utf-8'],
    ['/assets/index-Qdg_XgCM.css', IMMUTABLE, 'text/css; charset=utf-8'],
    ['/', 'no-cache', 'text/html; charset=utf-8'],
    ['/index.html', 'no-cache', 'text/html; charset=utf-8'],
    ['/manifest.webmanifest', 'no-cache', 'application/manifest+json'],
    ['/sw.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/registerSW.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/workbox-5ffe50d4.js', 'no-cache', 'text/javascript; charset=utf-8'],
    ['/icons/icon-192.png', 'no-cache', 'image/png'],
    ['/favicon.ico', 'no-cache', 'image/x-icon'],
  ])('serves %s with Cache-Control "%s" and type %s', async (url, cacheControl, contentType) => {
    const response = await app.request(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(cacheControl);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('returns the file itself, not index.html', async () => {
    const response = await app.request('/sw.js');
    expect(await response.text()).toContain('addEventListener');
  });

  it('answers a client-side route with index.html that is never cached', async () => {
    for (const url of ['/portfolio', '/complex/C-1001/pand/0599100000000501', '/instellingen/']) {
      const response = await app.request(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toBe(INDEX_HTML);
    }
  });

  it('answers a missing hashed asset with 404 instead of an HTML page', async () => {
    const response = await app.request('/assets/index-OLDHASH1.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-type')).not.toContain('html');
  });

  it('answers an unknown API path with a JSON 404 carrying a message', async () => {
    for (const [method, url] of [
      ['GET', '/api/does-not-exist'],
      ['POST', '/api/health'],
      ['GET', '/api'],
    ] as const) {
      const response = await app.request(url, { method });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('not_found');
      expect(body.message).toContain(url);
    }
  });

  it('never serves files outside the build directory', async () => {
    const secret = path.join(path.dirname(dist), `secret-${path.basename(dist)}.txt`);
    writeFileSync(secret, 'geheim');
    try {
      for (const url of [
        `/../${path.basename(secret)}`,
        `/%2e%2e/${path.basename(secret)}`,
        `/assets/..%2f..%2f${path.basename(secret)}`,
        `/..%5c${path.basename(secret)}`,
      ]) {
        const response = await app.request(url);
        expect(await response.text()).not.toContain('geheim');
      }
    } finally {
      rmSync(secret, { force: true });
    }
  });

  it('never serves a hidden file, a private directory inside the build, or a link out of it', async () => {
    const outside = makeTempDir('outside');
    writeFileSync(path.join(outside, 'secret.txt'), 'geheim-buiten');
    mkdirSync(path.join(dist, 'data', 'blobs'), { recursive: true });
    writeFileSync(path.join(dist, 'data', 'blobs', 'photo.jpg'), 'geheim-foto');
    writeFileSync(path.join(dist, '.env'), 'geheim-env');
    symlinkSync(outside, path.join(dist, 'linked'), 'dir');
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dist, 'linked-file.txt'));
    try {
      const guarded = createApp({
        store,
        distDir: dist,
        version: '1.2.3',
        privateDirs: [path.join(dist, 'data')],
      });
      for (const url of [
        '/data/blobs/photo.jpg',
        '/%64ata/blobs/photo.jpg',
        '/.env',
        '/%2eenv',
        '/linked/secret.txt',
        '/linked-file.txt',
      ]) {
        const response = await guarded.request(url);
        const text = await response.text();
        expect(text, url).not.toMatch(/geheim/);
        // What is left is the app's own page (the SPA fallback), never the file.
        expect(text, url).toBe(INDEX_HTML);
      }
      expect(await (await guarded.request('/icons/icon-192.png')).text()).toBe('png');
    } finally {
      for (const file of ['data', '.env', 'linked', 'linked-file.txt']) {
        rmSync(path.join(dist, file), { recursive: true, force: true });
      }
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('answers HEAD without a body and revalidation with 304', async () => {
    const head = await app.request('/sw.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const etag = head.headers.get('etag');
    expect(etag).toBeTruthy();

    const revalidated = await app.request('/sw.js', { headers: { 'If-None-Match': etag ?? '' } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('cache-control')).toBe('no-cache');

    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("install", () => {}); // v2');
    const changed = await app.request('/sw.js', { headers: { 'If-None-Match': etag ?? '' } });
    expect(changed.status).toBe(200);
  });
});

describe('without a build', () => {
  it('still answers the API and tells the operator to build the app', async () => {
    const store = await openPgliteStore(undefined);
    try {
      await migrate(store);
      const app = createApp({
        store,
        distDir: path.join(makeTempDir('empty'), 'dist'),
        version: '1.2.3',
      });
      const page = await app.request('/');
      expect(page.status).toBe(503);
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(await page.text()).toContain('npm run build');
      expect((await app.request('/some/route')).status).toBe(503);
      expect((await app.request('/api/health')).status).toBe(200);
    } finally {
      await store.close();
    }
  });
});

describe.each(storeKinds)('GET /api/health on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('reports ok, the version, the store kind and the schema version', async () => {
    const { store } = fresh();
    await migrate(store);
    const app = createApp({ store, distDir: makeTempDir('no-dist'), version: '1.2.3' });
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = HealthResponseSchema.parse(await response.json());
    expect(body).toEqual({
      status: 'ok',
      version: '1.2.3',
      store: kind,
      schemaVersion: loadMigrations().length,
    });
  });

  it('answers 503 when the store no longer answers', async () => {
    const { store } = fresh();
    await migrate(store);
    const errors: string[] = [];
    const app = createApp({
      store,
      distDir: makeTempDir('no-dist'),
      version: '1.2.3',
      logError: (message) => errors.push(message),
    });
    await store.close();
    const response = await app.request('/api/health');
    expect(response.status).toBe(503);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(((await response.json()) as { error: string }).error).toBe('unavailable');
    expect(errors).toEqual(['GET /api/health failed']);
  });
});
