// Security headers on every kind of answer the server gives: the app's page and files, the
// service worker, API answers, refusals, errors and a missing build.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import {
  CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from '../../src/server/security-headers.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { makeTempDir } from './store-fixtures.ts';

function fakeDist(): string {
  const dist = makeTempDir('dist');
  for (const [file, content] of Object.entries({
    'index.html': '<!doctype html><title>Schouw</title>',
    'sw.js': 'self.addEventListener("fetch", () => {});',
    'manifest.webmanifest': '{"name":"Schouw"}',
    'assets/index-B0Fa4LR-.js': 'console.log(1);',
  })) {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), content);
  }
  return dist;
}

/** The CSP as directive -> sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

function expectSecurityHeaders(response: Response, label: string): void {
  expect(response.headers.get('content-security-policy'), label).toBe(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), label).toBe('DENY');
  expect(response.headers.get('referrer-policy'), label).toBe('no-referrer');
}

describe('security headers', () => {
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openPgliteStore(undefined);
    await migrate(store);
    app = createApp({ store, distDir: fakeDist(), version: '1.2.3', logError: () => undefined });
  });
  afterAll(async () => {
    await store.close();
  });

  it('has a strict policy: nothing inline or evaluated, same-origin connections, no framing', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('manifest-src')).toEqual(["'self'"]);
    // Photos are shown from blob: URLs.
    expect(policy.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
  });

  it('sets them on every answer: page, files, service worker, API, refusals and 404s', async () => {
    for (const [url, status] of [
      ['/', 200],
      ['/portefeuille', 200],
      ['/sw.js', 200],
      ['/manifest.webmanifest', 200],
      ['/assets/index-B0Fa4LR-.js', 200],
      ['/assets/index-MISSING1.js', 404],
      ['/api/health', 200],
      ['/api/sync/pull?clientId=x&cursor=0', 401],
      ['/api/users', 401],
      ['/api/does-not-exist', 404],
    ] as const) {
      const response = await app.request(url);
      expect(response.status, url).toBe(status);
      expectSecurityHeaders(response, url);
      expect(response.headers.get('strict-transport-security'), url).toBeNull();
    }
    const etag = (await app.request('/sw.js')).headers.get('etag') ?? '';
    const notModified = await app.request('/sw.js', { headers: { 'If-None-Match': etag } });
    expect(notModified.status).toBe(304);
    expectSecurityHeaders(notModified, '304');
    const refused = await app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expectSecurityHeaders(refused, 'sign-in 4xx');
  });

  it('sets them on error answers and without a build', async () => {
    const broken = await openPgliteStore(undefined);
    await migrate(broken);
    const errors = createApp({
      store: broken,
      distDir: path.join(makeTempDir('empty'), 'dist'),
      version: '1.2.3',
      logError: () => undefined,
    });
    await broken.close();
    const unavailable = await errors.request('/api/health');
    expect(unavailable.status).toBe(503);
    expectSecurityHeaders(unavailable, 'store down');
    const unbuilt = await errors.request('/');
    expect(unbuilt.status).toBe(503);
    expectSecurityHeaders(unbuilt, 'no build');
  });

  it('adds HSTS only when the browser came over HTTPS', async () => {
    const direct = await app.request('https://schouw.example.nl/api/health');
    expect(direct.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    const page = await app.request('https://schouw.example.nl/');
    expect(page.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);

    // Anyone can send X-Forwarded-Proto: believed only from a trusted proxy.
    const forwarded = { 'x-forwarded-proto': 'https' };
    const untrusted = await app.request('/api/health', { headers: forwarded });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();

    const behindProxy = createApp({
      store,
      distDir: fakeDist(),
      version: '1.2.3',
      forwardedHeadersTrusted: () => true,
    });
    const proxied = await behindProxy.request('/', { headers: forwarded });
    expect(proxied.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    const chain = await behindProxy.request('/', {
      headers: { 'x-forwarded-proto': 'HTTPS, http' },
    });
    expect(chain.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    const plain = await behindProxy.request('/', { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
