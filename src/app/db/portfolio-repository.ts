// The corporation's portfolio on the device: complexes -> panden -> verblijfsobjecten, pulled from
// the server by the signed-in sync and searched as the inspector types. Reference data: the
// server owns it and it never travels through the outbox.
import { DemoPortfolioSchema, type DemoPortfolio } from '../../shared/domain/demo-portfolio.ts';
import type { EnergyLabelClass } from '../../shared/domain/index.ts';
import {
  SYNC_CURSOR_KEY,
  type ActionRow,
  type ComplexRow,
  type DwellingRow,
  type InspectionRow,
  type PandRow,
  type SchouwDatabase,
} from './database.ts';
import { InvalidInputError } from './errors.ts';
import { live, type Live } from './live.ts';
import { toActionView, type ActionView } from './action-repository.ts';
import { toInspectionView, type InspectionView } from './inspection-repository.ts';
import {
  complexSearchTokens,
  dwellingSearchTokens,
  matchesAllTokens,
  matchesAllTokensOf,
  searchQueryTokens,
} from './search-tokens.ts';
import type { StoreContext } from './store-context.ts';
import { omit } from './synced.ts';

export type PortfolioComplex = Omit<ComplexRow, 'searchTokens'>;
export type PortfolioPand = PandRow;
export type PortfolioDwelling = Omit<DwellingRow, 'searchTokens'>;

/** How much of the portfolio is on the device. */
export interface PortfolioInfo {
  complexes: number;
  panden: number;
  dwellings: number;
}

export interface DwellingHit {
  dwelling: PortfolioDwelling;
  complex: PortfolioComplex | undefined;
}

export interface PortfolioSearchResult {
  complexes: PortfolioComplex[];
  dwellings: DwellingHit[];
}

export interface SearchOptions {
  /** Most dwellings returned (default 50); complexes are limited to 10. */
  limit?: number;
}

export interface PandWithDwellings {
  pand: PortfolioPand;
  dwellings: PortfolioDwelling[];
}

export type LabelCounts = Partial<Record<EnergyLabelClass | 'onbekend', number>>;

export interface ComplexDetail {
  complex: PortfolioComplex;
  /** Panden sorted by BAG id, each with its dwellings sorted by address. */
  panden: PandWithDwellings[];
  dwellingCount: number;
  /** Oldest and newest bouwjaar of the panden; null when none is known. */
  bouwjaar: { min: number; max: number } | null;
  /** How many dwellings have each current label class ('onbekend' = no label). */
  labels: LabelCounts;
  /** All inspections of the complex, its panden and dwellings, newest first. */
  inspections: InspectionView[];
  /** Actions not yet afgerond or vervallen, soonest due first. */
  openActions: ActionView[];
}

export interface DwellingDetail {
  dwelling: PortfolioDwelling;
  pand: PortfolioPand | undefined;
  complex: PortfolioComplex | undefined;
  inspections: InspectionView[];
  openActions: ActionView[];
}

const COMPLEX_HIT_LIMIT = 10;
const DEFAULT_DWELLING_LIMIT = 50;
/**
 * A word matching more dwellings than this is checked on rows instead of listed as keys. Listing
 * keys of an index range costs Chromium a lookup per entry, so the cap bounds the work per word.
 */
const KEY_CAP = 500;
/** Rows read per round trip while collecting results, as a multiple of the limit. */
const READ_CHUNK_FACTOR = 2;
/** For broad queries: rows read from the start of the range, as multiples of the limit. */
const BROAD_WINDOWS = [2, 16] as const;
const OPEN_ACTION_STATUSES = new Set(['open', 'in-behandeling']);

function withoutTokens<T extends { searchTokens: string[] }>(row: T): Omit<T, 'searchTokens'> {
  return omit(row, 'searchTokens');
}

function compareText(a: string | null | undefined, b: string | null | undefined): number {
  return (a ?? '').localeCompare(b ?? '', 'nl', { numeric: true });
}

/** Address order: postcode, huisnummer, huisletter, toevoeging, then VHE number. */
export function compareDwellings(a: PortfolioDwelling, b: PortfolioDwelling): number {
  return (
    compareText(a.postcode, b.postcode) ||
    (a.huisnummer ?? 0) - (b.huisnummer ?? 0) ||
    compareText(a.huisletter, b.huisletter) ||
    compareText(a.toevoeging, b.toevoeging) ||
    compareText(a.vheNummer, b.vheNummer)
  );
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** Flattens the server's tree into table rows with search tokens. Pure, so the bench reuses it. */
export function portfolioRows(portfolio: DemoPortfolio): {
  complexes: ComplexRow[];
  panden: PandRow[];
  dwellings: DwellingRow[];
} {
  const complexes: ComplexRow[] = [];
  const panden: PandRow[] = [];
  const dwellings: DwellingRow[] = [];
  for (const { panden: complexPanden, ...complex } of portfolio.complexes) {
    let dwellingCount = 0;
    for (const { verblijfsobjecten, ...pand } of complexPanden) {
      panden.push({ ...pand, complexId: complex.id });
      dwellingCount += verblijfsobjecten.length;
      for (const dwelling of verblijfsobjecten)
        dwellings.push({
          ...dwelling,
          pandId: pand.id,
          complexId: complex.id,
          searchTokens: dwellingSearchTokens(dwelling),
        });
    }
    complexes.push({
      ...complex,
      organisationId: portfolio.organisation.id,
      dwellingCount,
      searchTokens: complexSearchTokens(complex),
    });
  }
  return { complexes, panden, dwellings };
}

interface ComplexIndex {
  /** The sync cursor and complex count these rows were read at. */
  version: string;
  complexes: ComplexRow[];
  byId: Map<string, ComplexRow>;
}

export class PortfolioRepository {
  private cachedIndex: ComplexIndex | undefined;

  constructor(private readonly context: StoreContext) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /**
   * Replaces the portfolio on this device with a whole portfolio document, in one transaction: an
   * interrupted import leaves the previous portfolio intact. The app itself gets its portfolio
   * from the signed-in sync pull; tests and benchmarks seed a device with this. Local inspections
   * are untouched; they refer to portfolio ids, which stay stable.
   */
  async importPortfolio(json: unknown): Promise<PortfolioInfo> {
    const parsed = DemoPortfolioSchema.safeParse(json);
    if (!parsed.success) {
      const details = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
      throw new InvalidInputError(`Het portefeuillebestand is ongeldig: ${details}`);
    }
    const rows = portfolioRows(parsed.data);
    const info: PortfolioInfo = {
      complexes: rows.complexes.length,
      panden: rows.panden.length,
      dwellings: rows.dwellings.length,
    };
    const db = this.db;
    await this.context.run(() =>
      db.transaction('rw', [db.complexes, db.panden, db.dwellings], async () => {
        await Promise.all([db.complexes.clear(), db.panden.clear(), db.dwellings.clear()]);
        await Promise.all([
          db.complexes.bulkAdd(rows.complexes),
          db.panden.bulkAdd(rows.panden),
          db.dwellings.bulkAdd(rows.dwellings),
        ]);
      }),
    );
    this.cachedIndex = undefined;
    return info;
  }

  /** How much of the portfolio the device holds; undefined while it holds none. */
  info(): Promise<PortfolioInfo | undefined> {
    return this.context.run(() => this.readInfo());
  }

  watchInfo(): Live<PortfolioInfo | undefined> {
    return live(() => this.readInfo());
  }

  /** All complexes sorted by complexnummer. */
  listComplexes(): Promise<PortfolioComplex[]> {
    return this.context.run(() => this.readComplexes());
  }

  watchComplexes(): Live<PortfolioComplex[]> {
    return live(() => this.readComplexes());
  }

  /**
   * Search-as-you-type on complexnummer, complex name, street, woonplaats, postcode, huisnummer,
   * VHE number and BAG id. Every typed word must be the start of a word of the result; a
   * postcode may be typed with or without its space.
   */
  search(query: string, options: SearchOptions = {}): Promise<PortfolioSearchResult> {
    return this.context.run(() => this.readSearch(query, options.limit ?? DEFAULT_DWELLING_LIMIT));
  }

  complexDetail(complexId: string): Promise<ComplexDetail | undefined> {
    return this.context.run(() => this.readComplexDetail(complexId));
  }

  watchComplexDetail(complexId: string): Live<ComplexDetail | undefined> {
    return live(() => this.readComplexDetail(complexId));
  }

  dwellingDetail(dwellingId: string): Promise<DwellingDetail | undefined> {
    return this.context.run(() => this.readDwellingDetail(dwellingId));
  }

  watchDwellingDetail(dwellingId: string): Live<DwellingDetail | undefined> {
    return live(() => this.readDwellingDetail(dwellingId));
  }

  async pand(pandId: string): Promise<PandWithDwellings | undefined> {
    const db = this.db;
    return this.context.run(() =>
      db.transaction('r', [db.panden, db.dwellings], async () => {
        const pand = await db.panden.get(pandId);
        if (!pand) return undefined;
        const dwellings = await db.dwellings
          .where('complexId')
          .equals(pand.complexId)
          .filter((dwelling) => dwelling.pandId === pandId)
          .toArray();
        return { pand, dwellings: dwellings.map(withoutTokens).sort(compareDwellings) };
      }),
    );
  }

  private async readInfo(): Promise<PortfolioInfo | undefined> {
    const db = this.db;
    // Counted, not remembered: the sync pull adds and removes rows one by one.
    const [complexes, panden, dwellings] = await Promise.all([
      db.complexes.count(),
      db.panden.count(),
      db.dwellings.count(),
    ]);
    return complexes === 0 ? undefined : { complexes, panden, dwellings };
  }

  private async readComplexes(): Promise<PortfolioComplex[]> {
    const rows = await this.db.complexes.orderBy('complexnummer').toArray();
    return rows.map(withoutTokens);
  }

  /**
   * Plan: every typed word becomes the set of dwelling keys it matches (one getAllKeys on its
   * prefix range, plus the dwellings of complexes it matches); the sets are intersected and only
   * the survivors are read. A word matching more than KEY_CAP dwellings is too broad to be worth
   * listing: it is checked on the rows read instead. No cursor walks the index, so a query costs
   * a few IndexedDB round trips whatever it matches.
   */
  private async readSearch(query: string, limit: number): Promise<PortfolioSearchResult> {
    const words = searchQueryTokens(query);
    if (words.length === 0 || limit <= 0) return { complexes: [], dwellings: [] };
    const index = await this.complexIndex();
    const complexHits = index.complexes
      .filter((complex) => matchesAllTokens(complex.searchTokens, words))
      .slice(0, COMPLEX_HIT_LIMIT)
      .map(withoutTokens);
    const matches = (row: DwellingRow) =>
      matchesAllTokensOf(
        row.searchTokens,
        index.byId.get(row.complexId)?.searchTokens ?? [],
        words,
      );

    const db = this.db;
    const rows = await db.transaction('r', db.dwellings, async () => {
      // One word: every row of its range matches, so read the first rows and stop.
      if (words.length === 1) return this.readBroad(words, index, limit, matches);
      const keySets = (await Promise.all(words.map((word) => this.wordKeys(word, index)))).filter(
        (keys): keys is Set<string> => keys !== undefined,
      );
      if (keySets.length === 0) return this.readBroad(words, index, limit, matches);
      keySets.sort((a, b) => a.size - b.size);
      const [smallest, ...others] = keySets as [Set<string>, ...Set<string>[]];
      const candidates = [...smallest].filter((key) => others.every((keys) => keys.has(key)));
      const found: DwellingRow[] = [];
      const chunkSize = limit * READ_CHUNK_FACTOR;
      for (let start = 0; start < candidates.length && found.length < limit; start += chunkSize) {
        const chunk = await db.dwellings.bulkGet(candidates.slice(start, start + chunkSize));
        for (const row of chunk) if (row && matches(row) && found.length < limit) found.push(row);
      }
      return found;
    });
    return {
      complexes: complexHits,
      dwellings: rows
        .map(withoutTokens)
        .sort(compareDwellings)
        .map((dwelling) => {
          const complex = index.byId.get(dwelling.complexId);
          return { dwelling, complex: complex && withoutTokens(complex) };
        }),
    };
  }

  /** The dwellings one typed word matches, or undefined when that is more than KEY_CAP. */
  private async wordKeys(word: string, index: ComplexIndex): Promise<Set<string> | undefined> {
    const complexes = index.complexes.filter((complex) =>
      complex.searchTokens.some((token) => token.startsWith(word)),
    );
    const viaComplexes = complexes.reduce((sum, complex) => sum + complex.dwellingCount, 0);
    if (viaComplexes > KEY_CAP) return undefined;
    const db = this.db;
    const [direct, ...perComplex] = await Promise.all([
      db.dwellings
        .where('searchTokens')
        .startsWith(word)
        .limit(KEY_CAP + 1)
        .primaryKeys(),
      ...complexes.map((complex) =>
        db.dwellings.where('complexId').equals(complex.id).primaryKeys(),
      ),
    ]);
    if (direct.length + viaComplexes > KEY_CAP) return undefined;
    return new Set([...direct, ...perComplex.flat()]);
  }

  /**
   * One word, or every typed word is broad ("1", "c", "rotterdam"), so results are plentiful:
   * read a window of rows where the longest word starts (addresses, then the complexes it names)
   * and keep the matching ones.
   */
  private async readBroad(
    words: readonly string[],
    index: ComplexIndex,
    limit: number,
    matches: (row: DwellingRow) => boolean,
  ): Promise<DwellingRow[]> {
    const db = this.db;
    const driver = words.reduce((longest, word) => (word.length > longest.length ? word : longest));
    const found = new Map<string, DwellingRow>();
    const take = (rows: readonly DwellingRow[]) => {
      for (const row of rows) if (found.size < limit && matches(row)) found.set(row.id, row);
    };
    // A small window first (usually enough); a larger one when the other words are rarer.
    for (const factor of BROAD_WINDOWS) {
      const window = limit * factor;
      const rows = await db.dwellings
        .where('searchTokens')
        .startsWith(driver)
        .limit(window)
        .toArray();
      take(rows);
      if (found.size >= limit || rows.length < window) break;
    }
    for (const complex of index.complexes) {
      if (found.size >= limit) break;
      if (!complex.searchTokens.some((token) => token.startsWith(driver))) continue;
      for (const factor of BROAD_WINDOWS) {
        const window = limit * factor;
        const rows = await db.dwellings
          .where('complexId')
          .equals(complex.id)
          .limit(window)
          .toArray();
        take(rows);
        if (found.size >= limit || rows.length < window) break;
      }
    }
    return [...found.values()];
  }

  /**
   * All complexes with their tokens, kept in memory (a few hundred rows) until a pull (here or in
   * another tab) moves the sync cursor or the number of complexes changes.
   */
  private async complexIndex(): Promise<ComplexIndex> {
    const [cursor, count] = await Promise.all([
      this.db.meta.get(SYNC_CURSOR_KEY),
      this.db.complexes.count(),
    ]);
    const version = `${String(cursor?.value ?? 0)}:${count}`;
    if (this.cachedIndex?.version === version) return this.cachedIndex;
    const complexes = await this.db.complexes.orderBy('complexnummer').toArray();
    this.cachedIndex = {
      version,
      complexes,
      byId: new Map(complexes.map((complex) => [complex.id, complex])),
    };
    return this.cachedIndex;
  }

  private async readComplexDetail(complexId: string): Promise<ComplexDetail | undefined> {
    const db = this.db;
    return db.transaction(
      'r',
      [db.complexes, db.panden, db.dwellings, db.inspections, db.actions],
      async () => {
        const complex = await db.complexes.get(complexId);
        if (!complex) return undefined;
        const [panden, dwellings, inspections] = await Promise.all([
          db.panden.where('complexId').equals(complexId).toArray(),
          db.dwellings.where('complexId').equals(complexId).toArray(),
          db.inspections.where('complexId').equals(complexId).toArray(),
        ]);
        const openActions = await this.readOpenActions(
          panden.map((pand) => pand.id),
          inspections,
        );
        const byPand = new Map<string, PortfolioDwelling[]>();
        const labels: LabelCounts = {};
        for (const row of dwellings) {
          const dwelling = withoutTokens(row);
          const list = byPand.get(dwelling.pandId);
          if (list) list.push(dwelling);
          else byPand.set(dwelling.pandId, [dwelling]);
          const label = dwelling.energyLabel?.class ?? 'onbekend';
          labels[label] = (labels[label] ?? 0) + 1;
        }
        const years = panden
          .map((pand) => pand.bouwjaar)
          .filter((year): year is number => year !== null);
        return {
          complex: withoutTokens(complex),
          panden: panden
            .sort((a, b) => compareText(a.bagPandId, b.bagPandId))
            .map((pand) => ({
              pand,
              dwellings: (byPand.get(pand.id) ?? []).sort(compareDwellings),
            })),
          dwellingCount: dwellings.length,
          bouwjaar: years.length ? { min: Math.min(...years), max: Math.max(...years) } : null,
          labels,
          inspections: visibleInspections(inspections),
          openActions,
        };
      },
    );
  }

  private async readDwellingDetail(dwellingId: string): Promise<DwellingDetail | undefined> {
    const db = this.db;
    return db.transaction(
      'r',
      [db.complexes, db.panden, db.dwellings, db.inspections, db.actions],
      async () => {
        const row = await db.dwellings.get(dwellingId);
        if (!row) return undefined;
        const [pand, complex, inspections] = await Promise.all([
          db.panden.get(row.pandId),
          db.complexes.get(row.complexId),
          db.inspections
            .where('[targetLevel+targetId]')
            .equals(['verblijfsobject', dwellingId])
            .toArray(),
        ]);
        const openActions = (await this.readOpenActions([], inspections)).filter(
          (action) => action.pandId === undefined || action.pandId === row.pandId,
        );
        return {
          dwelling: withoutTokens(row),
          pand,
          complex: complex && withoutTokens(complex),
          inspections: visibleInspections(inspections),
          openActions,
        };
      },
    );
  }

  /** Open actions raised on these panden or by these inspections. */
  private async readOpenActions(
    pandIds: readonly string[],
    inspections: readonly InspectionRow[],
  ): Promise<ActionView[]> {
    const db = this.db;
    const inspectionIds = inspections.map((inspection) => inspection.id);
    const [byPand, byInspection] = await Promise.all([
      pandIds.length ? db.actions.where('pandId').anyOf(pandIds).toArray() : [],
      inspectionIds.length ? db.actions.where('inspectionId').anyOf(inspectionIds).toArray() : [],
    ]);
    const unique = new Map<string, ActionRow>();
    for (const action of [...byPand, ...byInspection]) unique.set(action.id, action);
    return [...unique.values()]
      .map(toActionView)
      .filter((action): action is ActionView => action !== undefined)
      .filter((action) => OPEN_ACTION_STATUSES.has(action.status))
      .sort((a, b) => compareText(a.dueDate, b.dueDate));
  }
}

function visibleInspections(rows: readonly InspectionRow[]): InspectionView[] {
  return rows
    .map(toInspectionView)
    .filter((inspection): inspection is InspectionView => inspection !== undefined)
    .sort((a, b) => compareText(b.startedAt ?? b.plannedFor, a.startedAt ?? a.plannedFor));
}
