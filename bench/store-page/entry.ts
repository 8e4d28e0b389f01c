// Runs inside Chromium (bench/store.ts builds this page with Vite and drives it with Playwright):
// the real store code on the real IndexedDB, timed with performance.now(). Everything heavy is
// generated here in the page so only numbers cross the DevTools protocol.
import { createStoreWithContext, type SchouwStore } from '../../src/app/db/store.ts';
import { portfolioRows } from '../../src/app/db/portfolio-repository.ts';
import type { AnswerRow, AnswerHistoryRow, InspectionRow } from '../../src/app/db/database.ts';
import type { StoreContext } from '../../src/app/db/store-context.ts';
import { fixedStorage } from '../../src/app/platform/storage.ts';
import { DemoPortfolioSchema, type DemoPortfolio } from '../../src/shared/domain/demo-portfolio.ts';
import { latestTemplate, templateQuestions } from '../../src/shared/domain/templates/index.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { formatHlc } from '../../src/shared/sync/hlc.ts';
import { searchQueryTokens } from '../../src/app/db/search-tokens.ts';
import { benchPortfolioParts } from '../support/bench-portfolio.ts';

type Durability = 'default' | 'strict' | 'relaxed';

const storage = fixedStorage({ usage: 0, quota: 50 * 1024 ** 3 });
let portfolio: DemoPortfolio | undefined;
let bigComplexId = '';

/** 495 complexes of 100 dwellings plus one of 500: 50,000 dwellings. */
function benchPortfolio(): DemoPortfolio {
  if (portfolio) return portfolio;
  const { organisation, complexes, bigComplex } = benchPortfolioParts();
  const complex = { ...bigComplex, complexnummer: 'C-9999', name: 'Groot Complex Zuid' };
  bigComplexId = complex.id;
  portfolio = { organisation, complexes: [...complexes, complex] };
  return portfolio;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`delete of ${name} blocked`));
  });
}

/** Raw IndexedDB with the same stores and indexes as the store's portfolio tables (version 2). */
function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const complexes = db.createObjectStore('complexes', { keyPath: 'id' });
      complexes.createIndex('complexnummer', 'complexnummer');
      complexes.createIndex('searchTokens', 'searchTokens', { multiEntry: true });
      const panden = db.createObjectStore('panden', { keyPath: 'id' });
      panden.createIndex('complexId', 'complexId');
      panden.createIndex('bagPandId', 'bagPandId');
      const dwellings = db.createObjectStore('dwellings', { keyPath: 'id' });
      dwellings.createIndex('complexId', 'complexId');
      dwellings.createIndex('pandId', 'pandId');
      dwellings.createIndex('bagVerblijfsobjectId', 'bagVerblijfsobjectId');
      dwellings.createIndex('searchTokens', 'searchTokens', { multiEntry: true });
      const work = db.createObjectStore('work', { keyPath: 'id' });
      work.createIndex('group', 'group');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function commit(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

let current: { store: SchouwStore; context: StoreContext } | undefined;

const bench = {
  /** Import through the store (validation, tokens, one Dexie transaction); ms. */
  async importStore(name: string): Promise<number> {
    const data = benchPortfolio();
    await deleteDatabase(name);
    const harness = createStoreWithContext({ name, storage });
    await harness.store.open();
    const started = performance.now();
    await harness.store.portfolio.importPortfolio(data);
    const elapsed = performance.now() - started;
    harness.store.close();
    await deleteDatabase(name);
    return elapsed;
  },

  /** The same final rows put with raw IndexedDB in one transaction; ms (rows prepared before timing). */
  async importRaw(name: string): Promise<number> {
    const rows = portfolioRows(benchPortfolio());
    await deleteDatabase(name);
    const db = await openRaw(name);
    const started = performance.now();
    const transaction = db.transaction(['complexes', 'panden', 'dwellings'], 'readwrite');
    for (const row of rows.complexes) transaction.objectStore('complexes').put(row);
    for (const row of rows.panden) transaction.objectStore('panden').put(row);
    for (const row of rows.dwellings) transaction.objectStore('dwellings').put(row);
    await commit(transaction);
    const elapsed = performance.now() - started;
    db.close();
    await deleteDatabase(name);
    return elapsed;
  },

  /** Parts of the store import without IndexedDB: zod validation and flattening with tokens; ms. */
  async importCpuParts(): Promise<{ validate: number; flatten: number }> {
    const data = benchPortfolio();
    let started = performance.now();
    const parsed = DemoPortfolioSchema.parse(data);
    const validate = performance.now() - started;
    started = performance.now();
    portfolioRows(parsed);
    return { validate, flatten: performance.now() - started };
  },

  /** Opens the database used by the remaining steps, with the portfolio and 200,000 answers. */
  async prepare(
    name: string,
    durability: Durability,
    withAnswers = true,
  ): Promise<{ answersMs: number; answers: number }> {
    current?.store.close();
    await deleteDatabase(name);
    current = createStoreWithContext({ name, storage, durability });
    const { store, context } = current;
    await store.portfolio.importPortfolio(benchPortfolio());
    if (!withAnswers) return { answersMs: 0, answers: 0 };
    // 5,000 finished inspections with 40 answers each, loaded in bulk (a synced history).
    const template = latestTemplate('zorggeschiktheid');
    const questions = templateQuestions(template).filter(
      (question) => question.type === 'ja-nee' || question.type === 'measurement',
    );
    const dwellings = await context.db.dwellings.limit(5_000).toArray();
    let counter = 0;
    const hlc = () =>
      formatHlc({ wallMs: 1_700_000_000_000 + counter++, counter: 0, node: 'server' });
    const inspections: InspectionRow[] = [];
    const answers: AnswerRow[] = [];
    const history: AnswerHistoryRow[] = [];
    for (const dwelling of dwellings) {
      const id = uuidv7();
      inspections.push({
        id,
        module: 'zorggeschiktheid',
        templateId: 'zorggeschiktheid',
        templateVersion: template.version,
        targetLevel: 'verblijfsobject',
        targetId: dwelling.id,
        complexId: dwelling.complexId,
        status: 'finished',
        startedAt: '2024-10-01T09:00:00.000Z',
        finishedAt: '2024-10-01T10:00:00.000Z',
        clocks: { status: hlc() },
      });
      for (let index = 0; index < 40; index += 1) {
        const question = questions[index % questions.length]!;
        const value =
          question.type === 'ja-nee'
            ? ({ type: 'ja-nee', value: index % 3 ? 'ja' : 'nee' } as const)
            : ({ type: 'measurement', value: 80 + index, unit: 'cm' } as const);
        const stamp = hlc();
        const questionId = index < questions.length ? question.id : `${question.id}-${index}`;
        answers.push({
          inspectionId: id,
          questionId,
          value,
          answeredAt: '2024-10-01T09:30:00.000Z',
          clocks: { value: stamp },
        });
        if (history.length < 50_000)
          history.push({
            id: uuidv7(),
            inspectionId: id,
            questionId,
            oldValue: null,
            newValue: value,
            at: '2024-10-01T09:30:00.000Z',
            hlc: stamp,
            reason: 'answered',
          });
      }
    }
    const started = performance.now();
    const db = context.db;
    await db.transaction('rw', [db.inspections, db.answers, db.answerHistory], async () => {
      await db.inspections.bulkAdd(inspections);
      await db.answers.bulkAdd(answers);
      await db.answerHistory.bulkAdd(history);
    });
    return { answersMs: performance.now() - started, answers: await db.answers.count() };
  },

  /** Latency of every prefix as an inspector types addresses, postcodes and complex numbers. */
  async searchLatencies(): Promise<{ prefix: string; ms: number; hits: number; rawMs: number }[]> {
    const { store, context } = current!;
    // Floor for comparison: ONE raw getAll of 50 rows on the longest word's prefix range.
    const rawRange = (prefix: string) =>
      new Promise<number>((resolve, reject) => {
        const word = searchQueryTokens(prefix).sort((a, b) => b.length - a.length)[0] ?? '';
        const started = performance.now();
        const request = context.db
          .backendDB()
          .transaction('dwellings')
          .objectStore('dwellings')
          .index('searchTokens')
          .getAll(IDBKeyRange.bound(word, `${word}\uffff`), 50);
        request.onsuccess = () => resolve(performance.now() - started);
        request.onerror = () => reject(request.error);
      });
    const sample = await context.db.dwellings
      .filter(() => Math.random() < 0.002)
      .limit(12)
      .toArray();
    const typed: string[] = [];
    for (const dwelling of sample) {
      typed.push(`${dwelling.straat} ${dwelling.huisnummer}${dwelling.toevoeging ?? ''}`);
      typed.push(`${dwelling.postcode} ${dwelling.huisnummer}`);
      typed.push(dwelling.vheNummer);
    }
    typed.push(
      'C-9999',
      'groot complex',
      'rotterdam kerkstraat 1',
      'utrecht 3',
      'amersfoort zonnehof',
    );
    const latencies: { prefix: string; ms: number; hits: number; rawMs: number }[] = [];
    for (const query of typed)
      for (let length = 1; length <= query.length; length += 1) {
        const prefix = query.slice(0, length);
        if (prefix.endsWith(' ')) continue;
        const started = performance.now();
        const result = await store.portfolio.search(prefix);
        const ms = performance.now() - started;
        latencies.push({
          prefix,
          ms,
          hits: result.dwellings.length,
          rawMs: await rawRange(prefix),
        });
      }
    return latencies;
  },

  /** Opening the complex page of the 500-dwelling complex; ms per open. */
  async openComplex(runs: number): Promise<{ latencies: number[]; dwellings: number }> {
    const { store } = current!;
    const latencies: number[] = [];
    let dwellings = 0;
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      const detail = await store.portfolio.complexDetail(bigComplexId);
      latencies.push(performance.now() - started);
      dwellings = detail?.dwellingCount ?? 0;
    }
    return { latencies, dwellings };
  },

  /**
   * saveAnswer (answer + history + outbox op in one transaction, durable on resolve), interleaved
   * with a raw baseline (three puts in one raw transaction, same durability) so both see the same
   * disk and CPU; ms each.
   */
  async saves(
    count: number,
    rawName: string,
    durability: Durability,
  ): Promise<{ store: number[]; raw: number[] }> {
    const { store, context } = current!;
    const dwelling = (await context.db.dwellings.where('complexId').equals(bigComplexId).first())!;
    const inspection = await store.inspections.start({
      module: 'zorggeschiktheid',
      targetLevel: 'verblijfsobject',
      targetId: dwelling.id,
    });
    const questions = templateQuestions(latestTemplate('zorggeschiktheid')).filter(
      (question) => question.type === 'ja-nee',
    );
    await deleteDatabase(rawName);
    const raw = await openRaw(rawName);
    const result = { store: [] as number[], raw: [] as number[] };
    for (let index = 0; index < count; index += 1) {
      let started = performance.now();
      const transaction = raw.transaction(['work'], 'readwrite', { durability });
      const work = transaction.objectStore('work');
      work.put({ id: `a${index % 20}`, group: 'answer', value: index });
      work.put({ id: `h${index}`, group: 'history', value: index });
      work.put({ id: `o${index}`, group: 'outbox', value: index });
      await commit(transaction);
      result.raw.push(performance.now() - started);

      const question = questions[index % questions.length]!;
      started = performance.now();
      await store.answers.saveAnswer(inspection.id, question.id, {
        type: 'ja-nee',
        value: index % 2 ? 'ja' : 'nee',
      });
      result.store.push(performance.now() - started);
    }
    raw.close();
    await deleteDatabase(rawName);
    return result;
  },
};

declare global {
  interface Window {
    storeBench: typeof bench;
  }
}

window.storeBench = bench;
document.title = 'ready';
