import { fileURLToPath } from 'node:url';
import { importEpOnlineFile } from '../import/ep-online.ts';
import type { ImportReport } from '../import/report.ts';
import type { Store } from '../store/store.ts';
import { DEMO_ORGANISATION } from './seed-demo.ts';

// The demo organisation's energy labels come from a real-format EP-online file (a copy of the
// published totaalbestand layout), imported by the same importer as real data, so the
// sustainability team's screens have E/F/G candidates to show on a fresh installation.
const DEMO_EP_ONLINE = fileURLToPath(new URL('./ep-online-demo.csv', import.meta.url));

/** Imports the demo labels into the demo organisation; call once, right after seeding it. */
export async function seedDemoLabels(store: Store): Promise<ImportReport> {
  const { rows } = await store.query<{ id: string }>(
    'SELECT id FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  const organisationId = rows[0]?.id;
  if (!organisationId) throw new Error('De demo-organisatie bestaat niet (nog niet aangemaakt).');
  return importEpOnlineFile(store, DEMO_EP_ONLINE, { organisationId });
}
