// The portfolio view's numbers from the device's own data: the current label of every dwelling
// and the newest finished quick scans and zorggeschiktheid inspections, scored with the template
// version they were made with. Built for 50,000 dwellings: dwellings are walked once with a
// cursor and only counted (nothing but a few numbers per complex stays in memory), and only the
// answers of the inspections that count are read.
import { isoDateOf } from '../../shared/domain/iso-date.ts';
import { scoreInspectionWithVersion } from '../../shared/domain/inspection.ts';
import type { ModuleId } from '../../shared/domain/module.ts';
import {
  contributionOf,
  emptyLabelDistribution,
  labelBucketOf,
  latestFinished,
  portfolioPotential,
  type Contribution,
  type LabelDistribution,
  type PortfolioPotential,
} from '../../shared/domain/portfolio-potential.ts';
import type { Answer, AnswerSet } from '../../shared/domain/templates/answer.ts';
import type { AnswerRow, InspectionRow, SchouwDatabase } from './database.ts';
import { answerRange } from './inspection-repository.ts';
import type { StoreContext } from './store-context.ts';
import { isTombstone, omit, stripClocks } from './synced.ts';

/** Modules whose results the portfolio view counts. */
const COUNTED_MODULES: ReadonlySet<ModuleId> = new Set<ModuleId>([
  'optoppen-scan',
  'ondertoppen-scan',
  'splitsen-scan',
  'zorggeschiktheid',
]);

/** Dwellings read per getAll while counting labels. */
const DWELLING_PAGE_SIZE = 5_000;

function answerSetOf(rows: readonly AnswerRow[]): AnswerSet {
  const set: Record<string, Answer> = {};
  for (const row of rows) {
    if (isTombstone(row)) continue;
    set[row.questionId] = omit(stripClocks(row), 'inspectionId', 'answeredBy');
  }
  return set;
}

export class PortfolioInsightsRepository {
  constructor(
    private readonly context: StoreContext,
    /** Tests use small pages to cross page boundaries. */
    private readonly dwellingPageSize = DWELLING_PAGE_SIZE,
  ) {}

  private get db(): SchouwDatabase {
    return this.context.db;
  }

  /**
   * Indicative extra dwellings, woondeal counts and label distribution per complex and
   * gemeente (see shared/domain/portfolio-potential.ts for what counts). One read transaction,
   * so the numbers are of one moment even while sync writes. Labels and inspections are read
   * side by side, and each inspection is scored as soon as its answers arrive, so the CPU work
   * overlaps the waiting for IndexedDB.
   */
  potential(): Promise<PortfolioPotential> {
    const db = this.db;
    return this.context.run(async () => {
      const [complexes, labelsByComplex, scored] = await db.transaction(
        'r',
        [db.complexes, db.dwellings, db.inspections, db.answers],
        () =>
          Promise.all([db.complexes.toArray(), this.countLabels(), this.scoreCountedInspections()]),
      );
      return portfolioPotential({
        complexes: complexes.map((complex) => ({
          id: complex.id,
          complexnummer: complex.complexnummer,
          name: complex.name,
          gemeente: complex.gemeente,
        })),
        labelsByComplex,
        contributions: scored.contributions,
        unscorable: scored.unscorable,
      });
    });
  }

  /** Label counts per complex. Call inside a transaction over dwellings. */
  private async countLabels(): Promise<Map<string, LabelDistribution>> {
    const db = this.db;
    const labels = new Map<string, LabelDistribution>();
    // Pages of getAll by primary key: few round trips, and only one page of rows in memory.
    let after: string | undefined;
    for (;;) {
      const page = await (
        after === undefined ? db.dwellings.orderBy(':id') : db.dwellings.where(':id').above(after)
      )
        .limit(this.dwellingPageSize)
        .toArray();
      for (const dwelling of page) {
        let distribution = labels.get(dwelling.complexId);
        if (!distribution) {
          distribution = emptyLabelDistribution();
          labels.set(dwelling.complexId, distribution);
        }
        distribution[labelBucketOf(dwelling.energyLabel?.class)] += 1;
      }
      if (page.length < this.dwellingPageSize) break;
      after = page[page.length - 1]?.id;
    }
    return labels;
  }

  /**
   * What the newest finished inspection of each target contributes. Call inside a transaction
   * over inspections and answers; scoring is pure and synchronous, so it is safe in there.
   */
  private async scoreCountedInspections(): Promise<{
    contributions: { complexId: string; contribution: Contribution }[];
    unscorable: number;
  }> {
    const db = this.db;
    const finished = (await db.inspections.where('status').equals('finished').toArray())
      .filter((row) => COUNTED_MODULES.has(row.module) && !isTombstone(row))
      .map((row) => stripClocks(row) as Omit<InspectionRow, 'clocks' | 'deletedHlc'>);
    const contributions: { complexId: string; contribution: Contribution }[] = [];
    let unscorable = 0;
    await Promise.all(
      latestFinished(finished).map(async (inspection) => {
        const rows = await db.answers
          .where('[inspectionId+questionId]')
          .between(...answerRange(inspection.id))
          .toArray();
        const scored = scoreInspectionWithVersion(inspection, answerSetOf(rows), {
          inspectionDate: inspection.finishedAt ? isoDateOf(inspection.finishedAt) : '',
        });
        if (!scored.ok) {
          unscorable += 1;
          return;
        }
        const contribution = contributionOf(scored.score);
        if (contribution) contributions.push({ complexId: inspection.complexId, contribution });
      }),
    );
    return { contributions, unscorable };
  }
}
