import { describe, expect, it } from 'vitest';
import { isApiRequest, isAppShellNavigation } from './caching-policy.ts';

const origin = 'https://schouw.example';
const navigate = { mode: 'navigate', method: 'GET' } as const;
const at = (path: string) => new URL(path, origin);

describe('caching policy', () => {
  it('answers every app route, known or not, with the app shell', () => {
    for (const path of ['/', '/portefeuille', '/complexen/abc/inspecties', '/x?tab=2']) {
      expect(isAppShellNavigation(navigate, at(path), origin)).toBe(true);
    }
  });

  it('never answers the API, not even a navigation to it', () => {
    for (const path of ['/api', '/api/', '/api/health', '/api/sync/push?x=1']) {
      expect(isApiRequest(at(path), origin)).toBe(true);
      expect(isAppShellNavigation(navigate, at(path), origin)).toBe(false);
    }
  });

  it('does not mistake routes that merely start with "api" for the API', () => {
    expect(isApiRequest(at('/apiculture'), origin)).toBe(false);
    expect(isAppShellNavigation(navigate, at('/apiculture'), origin)).toBe(true);
  });

  it('leaves files, other origins, non-navigations and non-GET requests to the network', () => {
    expect(isAppShellNavigation(navigate, at('/exports/rapport.pdf'), origin)).toBe(false);
    expect(isAppShellNavigation(navigate, at('/sw-kill-switch.js'), origin)).toBe(false);
    expect(isAppShellNavigation(navigate, new URL('https://other.example/'), origin)).toBe(false);
    expect(isAppShellNavigation({ mode: 'cors', method: 'GET' }, at('/'), origin)).toBe(false);
    expect(isAppShellNavigation({ mode: 'navigate', method: 'POST' }, at('/'), origin)).toBe(false);
    expect(isApiRequest(new URL('https://other.example/api/health'), origin)).toBe(false);
  });
});
