import { afterEach, describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../../../test/unit/db/portfolio-generator.ts';
import { createStore, type SchouwStore } from '../../db/index.ts';
import { online } from '../../state/connectivity.ts';
import { ensurePortfolio, firstRun, type FirstRunState } from './first-run.ts';

const portfolio = generatePortfolio({ complexes: 2, pandenPerComplex: 2, dwellingsPerPand: 3 });

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

let store: SchouwStore | undefined;
function freshStore(): SchouwStore {
  store = createStore({ name: 'first-run-test' });
  return store;
}

afterEach(() => {
  store?.close();
  online.value = true;
});

describe('first run', () => {
  it('downloads the demo portfolio with progress and imports it when the device has none', async () => {
    const phases: FirstRunState['phase'][] = [];
    const stop = firstRun.subscribe((state) => phases.push(state.phase));
    const requested: string[] = [];
    const target = freshStore();
    await ensurePortfolio({
      store: target,
      fetchImpl: async (input) => {
        requested.push(String(input));
        return jsonResponse(portfolio);
      },
    });
    stop();
    expect(requested).toEqual(['/api/demo/portfolio']);
    expect(phases).toContain('downloading');
    expect(phases.indexOf('importing')).toBeGreaterThan(phases.indexOf('downloading'));
    expect(firstRun.value).toMatchObject({
      phase: 'imported',
      info: { complexes: 2, dwellings: 12 },
    });
    expect((await target.portfolio.info())?.dwellings).toBe(12);
  });

  it('does not download again when a portfolio is already on the device', async () => {
    const target = freshStore();
    await target.portfolio.importPortfolio(portfolio);
    let fetched = 0;
    await ensurePortfolio({
      store: target,
      fetchImpl: async () => {
        fetched += 1;
        return jsonResponse(portfolio);
      },
    });
    expect(fetched).toBe(0);
    expect(firstRun.value.phase).toBe('present');
  });

  it('says offline instead of trying when the device has no network', async () => {
    online.value = false;
    let fetched = 0;
    await ensurePortfolio({
      store: freshStore(),
      fetchImpl: async () => {
        fetched += 1;
        return jsonResponse(portfolio);
      },
    });
    expect(fetched).toBe(0);
    expect(firstRun.value).toEqual({ phase: 'offline' });
  });

  it('reports the server’s own message when it answers with an error, and a network failure as such', async () => {
    const target = freshStore();
    await ensurePortfolio({
      store: target,
      fetchImpl: async () =>
        jsonResponse({ error: 'not_found', message: 'Er is geen demo-organisatie' }, 404),
    });
    expect(firstRun.value).toMatchObject({ phase: 'failed', network: false });
    const failed = firstRun.value as Extract<FirstRunState, { phase: 'failed' }>;
    expect((failed.error as Error).message).toBe('Er is geen demo-organisatie');

    await ensurePortfolio({
      store: target,
      fetchImpl: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(firstRun.value).toMatchObject({ phase: 'failed', network: true });
    expect(await target.portfolio.info()).toBeUndefined();
  });

  it('refuses an invalid portfolio without touching the device', async () => {
    const target = freshStore();
    await ensurePortfolio({
      store: target,
      fetchImpl: async () => jsonResponse({ complexes: 'x' }),
    });
    expect(firstRun.value.phase).toBe('failed');
    expect(await target.portfolio.info()).toBeUndefined();
  });
});
