import { existsSync, readdirSync } from 'node:fs';
import type { DemoSetting } from '../config.ts';
import type { Store } from '../store/store.ts';
import { seedDemoLabels } from './demo-labels.ts';
import { seedDemoData, type SeedResult } from './seed-demo.ts';

// Production mode: a demo organisation (whose passwords the README publishes) must never appear
// on a corporation's server by surprise. It is seeded only
// - when SCHOUW_DEMO=1 (asked for, on any store), or
// - with SCHOUW_DEMO unset, into an embedded store whose data directory is new: the newcomer's
//   first `npm start`.
// Never into PostgreSQL unless asked; SCHOUW_DEMO=0 turns it off everywhere.

/** True when the embedded database directory does not exist yet or is empty. */
export function isNewEmbeddedStore(pgliteDir: string): boolean {
  return !existsSync(pgliteDir) || readdirSync(pgliteDir).length === 0;
}

export interface DemoContext {
  setting: DemoSetting;
  /** The store is embedded and its directory was new before this process opened it. */
  newEmbeddedStore: boolean;
}

export function demoWanted({ setting, newEmbeddedStore }: DemoContext): boolean {
  return setting === 'on' || (setting === 'auto' && newEmbeddedStore);
}

export interface DemoOutcome extends SeedResult {
  /** Energy labels imported for a newly seeded demo. */
  labels: number;
}

/**
 * Seeds the demo organisation when the context wants one, with its EP-online labels unless
 * `withLabels` is false (`npm run import` leaves them to the import it is about to run).
 */
export async function applyDemoPolicy(
  store: Store,
  context: DemoContext,
  { withLabels = true }: { withLabels?: boolean } = {},
): Promise<DemoOutcome> {
  if (!demoWanted(context)) {
    return { seeded: false, complexes: 0, panden: 0, verblijfsobjecten: 0, labels: 0 };
  }
  const seed = await seedDemoData(store);
  const labels = seed.seeded && withLabels ? (await seedDemoLabels(store)).imported : 0;
  return { ...seed, labels };
}
