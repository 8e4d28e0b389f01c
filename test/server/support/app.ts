// The app as route tests use it: no built client, and an unexpected 500 fails the test loudly.
import { createApp } from '../../../src/server/app.ts';
import type { BlobStore } from '../../../src/server/blobs/blob-store.ts';
import type { Store } from '../../../src/server/store/store.ts';
import { makeTempDir } from '../store-fixtures.ts';

/** With `blobs`, the photo routes are mounted too. */
export function appFor(store: Store, blobs?: BlobStore) {
  return createApp({
    store,
    distDir: makeTempDir('no-dist'),
    version: 'test',
    ...(blobs ? { blobs } : {}),
    logError: (message, error) => {
      // An unexpected 500 in these tests is a bug; make it loud.
      throw new Error(`${message}: ${String(error)}`);
    },
  });
}
