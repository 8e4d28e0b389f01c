// Builders for store tests: a store on the test's fresh fake IndexedDB with a controllable clock,
// a small generated portfolio, and question ids taken from the real shipped templates.
import type { ModuleId } from '../../../src/shared/domain/index.ts';
import { latestTemplate, templateQuestions } from '../../../src/shared/domain/templates/index.ts';
import { fixedStorage, type DeviceStorage } from '../../../src/app/platform/storage.ts';
import {
  createStoreWithContext,
  type CreateStoreOptions,
  type SchouwStore,
} from '../../../src/app/db/store.ts';
import { generatePortfolio, type GeneratorOptions } from './portfolio-generator.ts';

export interface TestClock {
  now: () => number;
  advance(ms: number): void;
}

export function testClock(start = Date.UTC(2025, 2, 1, 9, 0, 0)): TestClock {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

const ROOMY: DeviceStorage = fixedStorage({ usage: 0, quota: 10 * 1024 ** 3 });

export function testStore(options: CreateStoreOptions & { clock?: TestClock } = {}) {
  const clock = options.clock ?? testClock();
  const { store, context } = createStoreWithContext({
    name: options.name ?? 'schouw-test',
    storage: options.storage ?? ROOMY,
    now: clock.now,
    ...options,
  });
  return { store, context, clock };
}

export const SMALL_PORTFOLIO: GeneratorOptions = {
  complexes: 3,
  pandenPerComplex: 2,
  dwellingsPerPand: 4,
  seed: 7,
};

export function smallPortfolio(options: Partial<GeneratorOptions> = {}) {
  return generatePortfolio({ ...SMALL_PORTFOLIO, ...options });
}

/**
 * Imports the small portfolio into the store and starts a zorggeschiktheid inspection on its first
 * dwelling: where most store tests begin.
 */
export async function startFirstDwellingInspection(store: SchouwStore) {
  const portfolio = smallPortfolio();
  await store.portfolio.importPortfolio(portfolio);
  const dwelling = portfolio.complexes[0]!.panden[0]!.verblijfsobjecten[0]!;
  const inspection = await store.inspections.start({
    module: 'zorggeschiktheid',
    targetLevel: 'verblijfsobject',
    targetId: dwelling.id,
  });
  return { portfolio, dwelling, inspection };
}

/** The first question of a type in the latest template of a module. */
export function questionOfType(module: ModuleId, type: string): string {
  const question = templateQuestions(latestTemplate(module)).find((item) => item.type === type);
  if (!question) throw new Error(`No ${type} question in ${module}`);
  return question.id;
}

export function questionsOfType(module: ModuleId, type: string): string[] {
  return templateQuestions(latestTemplate(module))
    .filter((item) => item.type === type)
    .map((item) => item.id);
}
