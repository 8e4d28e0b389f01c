import { describe, expect, it } from 'vitest';
import { generatePortfolio } from '../../../test/unit/db/portfolio-generator.ts';
import { createStore } from '../db/index.ts';
import { liveSignal, type LiveState } from './use-live.ts';
import { oldestPendingAt, pendingChanges, trackPendingChanges } from './sync-status.ts';

function until<T>(read: () => T, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const value = read();
      if (accept(value)) {
        clearInterval(poll);
        resolve(value);
      } else if (Date.now() - started > 2_000) {
        clearInterval(poll);
        reject(new Error(`gave up waiting, last value ${JSON.stringify(value)}`));
      }
    }, 5);
  });
}

describe('live repository queries as signals', () => {
  it('starts loading, then follows the query as the data changes', async () => {
    const store = createStore({ name: 'live-test' });
    const { state, dispose } = liveSignal(store.portfolio.watchComplexes());
    expect(state.value).toEqual({ status: 'loading' });

    await until(
      () => state.value,
      (value) => value.status === 'ready',
    );
    expect(state.value).toEqual({ status: 'ready', value: [] });

    await store.portfolio.importPortfolio({
      organisation: { id: '0190d0c0-0000-7000-8000-000000000001', name: 'Test', slug: 'test' },
      complexes: [
        {
          id: '0190d0c0-0000-7000-8000-000000000002',
          complexnummer: 'C-1',
          name: 'Zonnehof',
          gemeente: null,
          panden: [],
        },
      ],
    });
    const ready = (await until(
      () => state.value,
      (value) => value.status === 'ready' && value.value.length === 1,
    )) as Extract<LiveState<unknown[]>, { status: 'ready' }>;
    expect(ready.value).toMatchObject([{ complexnummer: 'C-1', name: 'Zonnehof' }]);
    dispose();
    store.close();
  });

  it('wires the outbox size and age into the pending-changes signals', async () => {
    const store = createStore({ name: 'live-test' });
    const portfolio = generatePortfolio({ complexes: 1, pandenPerComplex: 1, dwellingsPerPand: 1 });
    await store.portfolio.importPortfolio(portfolio);
    pendingChanges.value = -1;
    const stop = trackPendingChanges(store.outbox);
    await until(
      () => pendingChanges.value,
      (count) => count === 0,
    );
    expect(oldestPendingAt.value).toBeUndefined();

    const before = Date.now();
    await store.inspections.start({
      module: 'brandveiligheidsronde',
      targetLevel: 'pand',
      targetId: portfolio.complexes[0]!.panden[0]!.id,
    });

    await until(
      () => pendingChanges.value,
      (count) => count === 1,
    );
    expect(oldestPendingAt.value).toBeGreaterThanOrEqual(before);
    stop();
    store.close();
  });
});
