// Runs inside Chromium (bench/portfolio-view.ts builds this page with Vite and drives it with
// Playwright): the portfolio view's counting on the real IndexedDB with 50,000 dwellings and
// 9,500 inspections (7,500 of them counted), against a raw cursor over the dwellings as the floor.
import type { AnswerRow, InspectionRow } from '../../src/app/db/database.ts';
import { createStoreWithContext } from '../../src/app/db/store.ts';
import { fixedStorage } from '../../src/app/platform/storage.ts';
import type { DemoPortfolio } from '../../src/shared/domain/demo-portfolio.ts';
import type { ModuleId, TargetLevel } from '../../src/shared/domain/module.ts';
import { answerSetFor, type PlainValue } from '../../src/shared/domain/templates/answer-builder.ts';
import { latestTemplate } from '../../src/shared/domain/templates/registry.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { formatHlc } from '../../src/shared/sync/hlc.ts';
import { benchPortfolioParts } from '../support/bench-portfolio.ts';

const storage = fixedStorage({ usage: 0, quota: 50 * 1024 ** 3 });
const NAME = 'portfolio-view-bench';

const optoppen: Record<string, PlainValue> = {
  bouwjaar: 1965,
  bouwlagen: 4,
  'hoogste-vloer': 9,
  daktype: 'plat',
  dakoppervlak: 500,
  draagconstructie: 'gietbeton',
  fundering: 'betonpalen',
  scheuren: 'nee',
  lift: 'ja',
  trappenhuizen: 'twee-of-meer',
  'droge-blusleiding': 'nee',
  'extra-bouwlagen': 1,
  doelgrootte: 50,
  parkeren: 'voldoende',
};
const zorg: Record<string, PlainValue> = {
  verdieping: 0,
  'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'],
  'opstap-woning': 0,
  'opstap-route': 1,
  deurbreedte: 0.9,
  gangbreedte: 1.2,
  'toilet-in-badkamer': 'ja',
  'badkamer-breedte': 2.2,
  'badkamer-lengte': 2.3,
  'douche-drempelvrij': 'ja',
  draairuimte: 'ja',
  'gemeenschappelijke-gangen': 'nee',
  alarmering: 'nee',
};
const splitsen: Record<string, PlainValue> = {
  'totaal-oppervlak': 100,
  kamers: 5,
  plafondhoogte: 2.6,
  'tweede-entree': 'ja',
  'tweede-voorzieningen': ['keuken', 'douche', 'toilet'],
  'a-oppervlak': 50,
  'a-verblijfsgebied': 30,
  'a-kamer-oppervlak': 14,
  'a-kamer-breedte': 3.2,
  'a-berging': 1.5,
  'a-berging-gemeenschappelijk': 'ja',
  'a-buitenruimte': 4,
  'b-oppervlak': 45,
  'b-verblijfsgebied': 27,
  'b-kamer-oppervlak': 14,
  'b-kamer-breedte': 3.2,
  'b-berging': 1.5,
  'b-berging-gemeenschappelijk': 'ja',
  'b-buitenruimte': 4,
};

/** 495 complexes of 100 dwellings plus one of 500: 50,000 dwellings (as bench/store-page). */
function benchPortfolio(): DemoPortfolio {
  const { organisation, complexes, bigComplex } = benchPortfolioParts();
  return { organisation, complexes: [...complexes, bigComplex] };
}

let counter = 0;
const hlc = () => formatHlc({ wallMs: 1_700_000_000_000 + counter++, counter: 0, node: 'server' });

const current = createStoreWithContext({ name: NAME, storage });

function rowsFor(
  module: ModuleId,
  targetLevel: TargetLevel,
  target: { id: string; complexId: string },
  values: Record<string, PlainValue>,
  status: InspectionRow['status'],
  finishedAt: string,
): { inspection: InspectionRow; answers: AnswerRow[] } {
  const template = latestTemplate(module);
  const id = uuidv7();
  const inspection: InspectionRow = {
    id,
    module,
    templateId: module,
    templateVersion: template.version,
    targetLevel,
    targetId: target.id,
    complexId: target.complexId,
    status,
    startedAt: '2026-10-01T09:00:00.000Z',
    ...(status === 'finished' && { finishedAt }),
    clocks: { status: hlc() },
  };
  const answers = Object.values(answerSetFor(template, values)).flatMap((answer) =>
    answer ? [{ ...answer, inspectionId: id, clocks: { value: hlc() } }] : [],
  );
  return { inspection, answers };
}

const bench = {
  /** Imports the portfolio; returns the number of dwellings. */
  async importPortfolio(): Promise<number> {
    await current.store.portfolio.importPortfolio(benchPortfolio());
    return current.context.db.dwellings.count();
  },

  /** Bulk-loads the inspections (as if synced); returns what was loaded. */
  async loadInspections(): Promise<{ inspections: number; answers: number; counted: number }> {
    const db = current.context.db;
    const panden = await db.panden.limit(1_500).toArray();
    const dwellings = await db.dwellings.limit(6_000).toArray();
    const inspections: InspectionRow[] = [];
    const answers: AnswerRow[] = [];
    const add = (rows: { inspection: InspectionRow; answers: AnswerRow[] }) => {
      inspections.push(rows.inspection);
      answers.push(...rows.answers);
    };
    for (const [index, pand] of panden.entries()) {
      // Every pand an older and a newer finished scan; every third also a draft (not counted).
      add(
        rowsFor(
          'optoppen-scan',
          'pand',
          pand,
          { ...optoppen, dakoppervlak: 300 },
          'finished',
          '2026-01-01T10:00:00.000Z',
        ),
      );
      add(rowsFor('optoppen-scan', 'pand', pand, optoppen, 'finished', '2026-06-01T10:00:00.000Z'));
      if (index % 3 === 0) add(rowsFor('optoppen-scan', 'pand', pand, optoppen, 'draft', ''));
    }
    for (const dwelling of dwellings.slice(0, 5_000))
      add(
        rowsFor(
          'zorggeschiktheid',
          'verblijfsobject',
          dwelling,
          zorg,
          'finished',
          '2026-05-01T10:00:00.000Z',
        ),
      );
    for (const dwelling of dwellings.slice(5_000))
      add(
        rowsFor(
          'splitsen-scan',
          'verblijfsobject',
          dwelling,
          splitsen,
          'finished',
          '2026-05-01T10:00:00.000Z',
        ),
      );
    await db.transaction('rw', [db.inspections, db.answers], async () => {
      await db.inspections.bulkAdd(inspections);
      await db.answers.bulkAdd(answers);
    });
    // Counted: the newer finished scan per pand, every zorggeschiktheid and splitsen-scan.
    return {
      inspections: inspections.length,
      answers: answers.length,
      counted: panden.length + dwellings.length,
    };
  },

  /** ms of one full count through the repository, with its headline numbers. */
  async potential(): Promise<{ ms: number; extra: number; nultreden: number; efg: number }> {
    const started = performance.now();
    const result = await current.store.portfolioInsights.potential();
    return {
      ms: performance.now() - started,
      extra: result.total.extraDwellings.total,
      nultreden: result.total.woondeal.nultreden,
      efg: result.total.efg,
    };
  },

  /** The floor: raw IndexedDB getAll pages of 5,000 dwellings, counting labels per complex. */
  async rawGetAll(): Promise<number> {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts = new Map<string, Map<string, number>>();
    const store = db.transaction('dwellings').objectStore('dwellings');
    let after: IDBValidKey | undefined;
    for (;;) {
      const range = after === undefined ? null : IDBKeyRange.lowerBound(after, true);
      const page = await new Promise<
        { id: string; complexId: string; energyLabel: { class: string } | null }[]
      >((resolve, reject) => {
        const request = store.getAll(range, 5_000);
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      });
      for (const row of page) {
        let perComplex = counts.get(row.complexId);
        if (!perComplex) counts.set(row.complexId, (perComplex = new Map()));
        const label = row.energyLabel?.class ?? 'geen';
        perComplex.set(label, (perComplex.get(label) ?? 0) + 1);
      }
      if (page.length < 5_000) break;
      after = page[page.length - 1]?.id;
    }
    db.close();
    return performance.now() - started;
  },

  /** The floor: a raw IndexedDB cursor over all dwellings, counting labels per complex. */
  async rawCursor(): Promise<number> {
    const started = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(NAME);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const counts = new Map<string, Map<string, number>>();
    await new Promise<void>((resolve, reject) => {
      const request = db.transaction('dwellings').objectStore('dwellings').openCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return resolve();
        const row = cursor.value as { complexId: string; energyLabel: { class: string } | null };
        let perComplex = counts.get(row.complexId);
        if (!perComplex) counts.set(row.complexId, (perComplex = new Map()));
        const label = row.energyLabel?.class ?? 'geen';
        perComplex.set(label, (perComplex.get(label) ?? 0) + 1);
        cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    db.close();
    return performance.now() - started;
  },
};

declare global {
  interface Window {
    portfolioViewBench: typeof bench;
  }
}

window.portfolioViewBench = bench;
document.title = 'ready';
