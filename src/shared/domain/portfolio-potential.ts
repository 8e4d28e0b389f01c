import { z } from 'zod';
import { energyLabelClasses, type EnergyLabelClass } from './energy-label.ts';
import type { InspectionStatus } from './inspection.ts';
import type { ModuleId, TargetLevel } from './module.ts';
import type { InspectionScore } from './scoring/index.ts';
import { ZorgClassSchema, type ZorgClass } from './scoring/zorggeschiktheid.ts';

// The portfolio view for beheer and management: what the finished quick scans and
// zorggeschiktheid inspections say per complex and per gemeente, next to the energy labels the
// device holds. Everything about extra dwellings is INDICATIVE: a quick scan only ranks
// candidates, a constructeur decides feasibility (domain.md).
//
// Definitions (Schouw's own; domain.md gives no counting rules):
// - Which inspection counts: per (module, target level, target) the newest FINISHED one by
//   finishedAt. Planned, draft and reopened inspections do not count: a reopened inspection
//   counts again once it is finished again (a correction replaces its earlier result).
// - Extra dwellings: optoppen and ondertoppen add their indicativeDwellings unless their
//   traffic light is rood (weinig kansrijk) or they give no estimate; splitsen adds
//   indicativeExtraDwellings (1 when haalbaar, with or without design changes). Scans that
//   add nothing still count as scans, so the view can say how many were judged.
// - Woondeal: the zorggeschiktheid classes are cumulative levels, so a rolstoelgeschikte woning
//   is also rollatorgeschikt and nultreden. Each woondeal count is the number of dwellings whose
//   newest finished zorggeschiktheid inspection reached AT LEAST that level. A provisional class
//   (unanswered criteria) counts at the level reached: it is a lower bound, never an
//   overestimate; how many were provisional is reported alongside.
// - Labels: each dwelling's current label class, 'geen' when it has none; EFG = E + F + G.

export const PotentialModuleSchema = z.enum(['optoppen-scan', 'ondertoppen-scan', 'splitsen-scan']);
export type PotentialModule = z.infer<typeof PotentialModuleSchema>;
export const potentialModules: readonly PotentialModule[] = PotentialModuleSchema.options;

export const WoondealLevelSchema = ZorgClassSchema.exclude(['niet-geschikt']);
export type WoondealLevel = z.infer<typeof WoondealLevelSchema>;
export const woondealLevels: readonly WoondealLevel[] = WoondealLevelSchema.options;

export const LabelBucketSchema = z.enum([...energyLabelClasses, 'geen']);
export type LabelBucket = z.infer<typeof LabelBucketSchema>;
export const labelBuckets: readonly LabelBucket[] = LabelBucketSchema.options;
export const EFG_CLASSES: readonly EnergyLabelClass[] = ['E', 'F', 'G'];

export const LabelDistributionSchema = z.record(LabelBucketSchema, z.number().int().min(0));
export type LabelDistribution = z.infer<typeof LabelDistributionSchema>;

const count = z.number().int().min(0);

export const ExtraDwellingsSchema = z.object({
  'optoppen-scan': count,
  'ondertoppen-scan': count,
  'splitsen-scan': count,
  total: count,
});
export type ExtraDwellings = z.infer<typeof ExtraDwellingsSchema>;

/** How many finished scans were judged per module (whether or not they add dwellings). */
export const ScanCountsSchema = z.object({
  'optoppen-scan': count,
  'ondertoppen-scan': count,
  'splitsen-scan': count,
});
export type ScanCounts = z.infer<typeof ScanCountsSchema>;

export const WoondealCountsSchema = z.object({
  /** Dwellings with a finished zorggeschiktheid inspection. */
  assessed: count,
  nultreden: count,
  rollatorgeschikt: count,
  rolstoelgeschikt: count,
  zorggeschikt: count,
  /** Of the assessed, how many have a provisional class (may rise once answered). */
  provisional: count,
});
export type WoondealCounts = z.infer<typeof WoondealCountsSchema>;

const potentialFields = {
  dwellings: count,
  extraDwellings: ExtraDwellingsSchema,
  scans: ScanCountsSchema,
  woondeal: WoondealCountsSchema,
  labels: LabelDistributionSchema,
  efg: count,
};

export const ComplexPotentialSchema = z.object({
  complexId: z.string(),
  complexnummer: z.string(),
  name: z.string(),
  gemeente: z.string().nullable(),
  ...potentialFields,
});
export type ComplexPotential = z.infer<typeof ComplexPotentialSchema>;

export const GemeentePotentialSchema = z.object({
  /** null: complexes without a known gemeente. */
  gemeente: z.string().nullable(),
  complexes: count,
  ...potentialFields,
});
export type GemeentePotential = z.infer<typeof GemeentePotentialSchema>;

export const PortfolioPotentialSchema = z.object({
  complexes: z.array(ComplexPotentialSchema),
  gemeenten: z.array(GemeentePotentialSchema),
  total: GemeentePotentialSchema.omit({ gemeente: true }),
  /** Finished inspections whose template version this app does not know (not counted). */
  unscorable: count,
});
export type PortfolioPotential = z.infer<typeof PortfolioPotentialSchema>;

// --- choosing the inspections that count --------------------------------------------------------

/** What selecting the counting inspection needs of an inspection record. */
export interface InspectionFacts {
  id: string;
  module: ModuleId;
  targetLevel: TargetLevel;
  targetId: string;
  status: InspectionStatus;
  finishedAt?: string | undefined;
}

/**
 * Per (module, target level, target) the newest finished inspection. Ties on finishedAt go to the
 * larger id (UUIDv7 ids sort by creation), so the choice never depends on input order.
 */
export function latestFinished<T extends InspectionFacts>(inspections: Iterable<T>): T[] {
  const newest = new Map<string, T>();
  for (const inspection of inspections) {
    if (inspection.status !== 'finished') continue;
    const key = `${inspection.module}\u0000${inspection.targetLevel}\u0000${inspection.targetId}`;
    const current = newest.get(key);
    if (!current || isNewer(inspection, current)) newest.set(key, inspection);
  }
  return [...newest.values()];
}

function isNewer(a: InspectionFacts, b: InspectionFacts): boolean {
  const byTime = (a.finishedAt ?? '').localeCompare(b.finishedAt ?? '');
  return byTime !== 0 ? byTime > 0 : a.id > b.id;
}

// --- what one scored inspection contributes ------------------------------------------------------

export type Contribution =
  | {
      kind: 'extra-dwellings';
      module: PotentialModule;
      /** Dwellings added to the totals (0 when rood, niet haalbaar or without an estimate). */
      dwellings: number;
    }
  | { kind: 'zorg'; classification: ZorgClass; provisional: boolean };

/** What a score adds to the portfolio view; undefined for modules the view does not count. */
export function contributionOf(score: InspectionScore): Contribution | undefined {
  switch (score.module) {
    case 'optoppen-scan':
    case 'ondertoppen-scan': {
      const { light, indicativeDwellings } = score.result;
      const dwellings = light === 'rood' || indicativeDwellings === null ? 0 : indicativeDwellings;
      return { kind: 'extra-dwellings', module: score.module, dwellings: Math.max(0, dwellings) };
    }
    case 'splitsen-scan':
      return {
        kind: 'extra-dwellings',
        module: score.module,
        dwellings: Math.max(0, score.result.indicativeExtraDwellings ?? 0),
      };
    case 'zorggeschiktheid':
      return {
        kind: 'zorg',
        classification: score.result.classification,
        provisional: score.result.provisional,
      };
    case 'energie-opname':
    case 'brandveiligheidsronde':
      return undefined;
  }
}

/** The levels a class counts for: itself and every level below it. */
export function woondealLevelsOf(classification: ZorgClass): WoondealLevel[] {
  if (classification === 'niet-geschikt') return [];
  return woondealLevels.slice(0, woondealLevels.indexOf(classification) + 1);
}

// --- adding up ---------------------------------------------------------------------------------

export function emptyLabelDistribution(): LabelDistribution {
  return Object.fromEntries(labelBuckets.map((bucket) => [bucket, 0])) as LabelDistribution;
}

/** The bucket of a dwelling's current label: its class, or 'geen'. */
export function labelBucketOf(label: EnergyLabelClass | null | undefined): LabelBucket {
  return label ?? 'geen';
}

export function efgCount(labels: LabelDistribution): number {
  return EFG_CLASSES.reduce((sum, label) => sum + labels[label], 0);
}

export interface PortfolioComplexInput {
  id: string;
  complexnummer: string;
  name: string;
  gemeente: string | null;
}

export interface PortfolioPotentialInput {
  complexes: readonly PortfolioComplexInput[];
  /** Current label counts of the dwellings of each complex (complexes absent: no dwellings). */
  labelsByComplex: ReadonlyMap<string, LabelDistribution>;
  /** One entry per counting inspection (see latestFinished), with the complex it belongs to. */
  contributions: readonly { complexId: string; contribution: Contribution }[];
  unscorable?: number;
}

type Totals = Omit<GemeentePotential, 'gemeente' | 'complexes'>;

function emptyTotals(): Totals {
  return {
    dwellings: 0,
    extraDwellings: {
      'optoppen-scan': 0,
      'ondertoppen-scan': 0,
      'splitsen-scan': 0,
      total: 0,
    },
    scans: { 'optoppen-scan': 0, 'ondertoppen-scan': 0, 'splitsen-scan': 0 },
    woondeal: {
      assessed: 0,
      nultreden: 0,
      rollatorgeschikt: 0,
      rolstoelgeschikt: 0,
      zorggeschikt: 0,
      provisional: 0,
    },
    labels: emptyLabelDistribution(),
    efg: 0,
  };
}

function addContribution(totals: Totals, contribution: Contribution): void {
  if (contribution.kind === 'extra-dwellings') {
    totals.scans[contribution.module] += 1;
    totals.extraDwellings[contribution.module] += contribution.dwellings;
    totals.extraDwellings.total += contribution.dwellings;
    return;
  }
  totals.woondeal.assessed += 1;
  if (contribution.provisional) totals.woondeal.provisional += 1;
  for (const level of woondealLevelsOf(contribution.classification)) totals.woondeal[level] += 1;
}

function addTotals(into: Totals, from: Totals): void {
  into.dwellings += from.dwellings;
  for (const module of potentialModules) {
    into.scans[module] += from.scans[module];
    into.extraDwellings[module] += from.extraDwellings[module];
  }
  into.extraDwellings.total += from.extraDwellings.total;
  for (const key of Object.keys(into.woondeal) as (keyof WoondealCounts)[])
    into.woondeal[key] += from.woondeal[key];
  for (const bucket of labelBuckets) into.labels[bucket] += from.labels[bucket];
  into.efg += from.efg;
}

const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

/**
 * Adds everything up per complex, per gemeente and overall. Complexes sort by complexnummer,
 * gemeenten by name with the unknown gemeente last. Contributions of a complex that is not in
 * the portfolio (anymore) count in the totals only under an unknown gemeente, never vanish.
 */
export function portfolioPotential(input: PortfolioPotentialInput): PortfolioPotential {
  const perComplex = new Map<string, Totals>();
  const known = new Map(input.complexes.map((complex) => [complex.id, complex]));
  const totalsOf = (complexId: string): Totals => {
    let totals = perComplex.get(complexId);
    if (!totals) {
      totals = emptyTotals();
      perComplex.set(complexId, totals);
    }
    return totals;
  };
  for (const complex of input.complexes) {
    const totals = totalsOf(complex.id);
    const labels = input.labelsByComplex.get(complex.id);
    if (labels) {
      for (const bucket of labelBuckets) totals.labels[bucket] += labels[bucket];
      totals.dwellings = labelBuckets.reduce((sum, bucket) => sum + labels[bucket], 0);
      totals.efg = efgCount(totals.labels);
    }
  }
  for (const { complexId, contribution } of input.contributions)
    addContribution(totalsOf(complexId), contribution);

  const complexes: ComplexPotential[] = input.complexes
    .map((complex) => ({
      complexId: complex.id,
      complexnummer: complex.complexnummer,
      name: complex.name,
      gemeente: complex.gemeente,
      ...totalsOf(complex.id),
    }))
    .sort((a, b) => collator.compare(a.complexnummer, b.complexnummer));

  const gemeenten = new Map<string | null, GemeentePotential>();
  const total = { complexes: 0, ...emptyTotals() };
  for (const [complexId, totals] of perComplex) {
    const gemeente = known.get(complexId)?.gemeente ?? null;
    let row = gemeenten.get(gemeente);
    if (!row) {
      row = { gemeente, complexes: 0, ...emptyTotals() };
      gemeenten.set(gemeente, row);
    }
    if (known.has(complexId)) {
      row.complexes += 1;
      total.complexes += 1;
    }
    addTotals(row, totals);
    addTotals(total, totals);
  }
  return {
    complexes,
    gemeenten: [...gemeenten.values()].sort((a, b) =>
      a.gemeente === null ? 1 : b.gemeente === null ? -1 : collator.compare(a.gemeente, b.gemeente),
    ),
    total,
    unscorable: input.unscorable ?? 0,
  };
}
