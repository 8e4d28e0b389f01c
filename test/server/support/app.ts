// The app as route tests use it: no built client, and an unexpected 500 fails the test loudly.
import { createApp } from '../../../src/server/app.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { makeTempDir } from '../store-fixtures.ts';

export function appFor(store: Store) {
  return createApp({
    store,
    distDir: makeTempDir('no-dist'),
    version: 'test',
    logError: (message, error) => {
      // An unexpected 500 in these tests is a bug; make it loud.
      throw new Error(`${message}: ${String(error)}`);
    },
  });
}
