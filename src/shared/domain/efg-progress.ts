import { z } from 'zod';
import type { EfgCase } from './efg-case.ts';
import { efgTransitions, type EfgWorkflowStatus } from './efg-status.ts';
import {
  efgPhaseOutDeadline,
  isEfgClass,
  isExpired,
  type EnergyLabelClass,
} from './energy-label.ts';
import { addMonths, IsoDateSchema, isoDateOf } from './iso-date.ts';

// The sustainability team's progress: which dwellings are on the EFG list, how many have left it
// (new label or the workflow's final step), how many dropped out, and how that compares with the
// organisation's target. Pure, so the app computes it offline from synced cases and labels.

/** The organisation's EFG goal: this share of its EFG dwellings out of EFG by the deadline. */
export const EfgTargetSchema = z.object({
  // A calendar date the store can hold and a plan can mean (year 0000 is no date at all).
  deadline: IsoDateSchema.refine((date) => date >= '2000-01-01' && date <= '2100-12-31', {
    error: 'Kies een einddatum tussen 2000 en 2100.',
  }),
  sharePercent: z
    .number({ error: 'Het doel moet een percentage zijn.' })
    .int({ error: 'Het doel moet een heel percentage zijn.' })
    .min(1, { error: 'Het doel is minimaal 1%.' })
    .max(100, { error: 'Het doel is hoogstens 100%.' }),
});
export type EfgTarget = z.infer<typeof EfgTargetSchema>;

/** GET/PUT /api/efg/target: the organisation's target, or the default when it set none. */
export const EfgTargetResponseSchema = z.object({
  target: EfgTargetSchema,
  isDefault: z.boolean(),
  /** When a beheerder or duurzaamheid last set it; null for the default. */
  updatedAt: z.iso.datetime().nullable(),
});
export type EfgTargetResponse = z.infer<typeof EfgTargetResponseSchema>;

/**
 * Without a target of its own an organisation follows the policy: every E/F/G dwelling out by
 * the end of 2028 (Nationale Prestatieafspraken; efgPhaseOutDeadline in energy-label.ts).
 */
export const DEFAULT_EFG_TARGET: EfgTarget = {
  deadline: efgPhaseOutDeadline.date,
  sharePercent: 100,
};

/** The registered label a dwelling carries now (the newest registration, from EP-online). */
export interface CurrentLabel {
  class: EnergyLabelClass;
  registrationDate: string;
  validUntil: string;
}

/** What progress needs of one dwelling. */
export interface EfgDwellingFacts {
  dwellingId: string;
  complexId: string;
  label: CurrentLabel | null;
  efgCase: EfgCase | undefined;
}

/**
 * On the list: the newest registered label is E, F or G, or the team already has a case for it
 * (a dwelling that left EFG stays visible so its progress counts and its case can be closed).
 */
export function isOnEfgList(facts: EfgDwellingFacts): boolean {
  return facts.efgCase !== undefined || (facts.label !== null && isEfgClass(facts.label.class));
}

/** The label is no longer valid on `today` (an expired E/F/G label still counts as EFG). */
export function isLabelExpired(label: CurrentLabel | null, today: string): boolean {
  return label !== null && isExpired(label, today);
}

/** The workflow status a case had at the end of `day`; undefined before its first step. */
export function statusOn(efgCase: EfgCase, day: string): EfgWorkflowStatus | undefined {
  let status: EfgWorkflowStatus | undefined;
  for (const step of efgCase.history) if (isoDateOf(step.at) <= day) status = step.status;
  return status;
}

/** The status shown for a dwelling: its case's, or kandidaat when the team has not started one. */
export function currentStatus(facts: EfgDwellingFacts): EfgWorkflowStatus {
  return facts.efgCase?.status ?? 'kandidaat';
}

/** The next statuses offered for a dwelling (the workflow table; the server checks them again). */
export function nextStatuses(facts: EfgDwellingFacts): readonly EfgWorkflowStatus[] {
  return efgTransitions[currentStatus(facts)];
}

export type EfgOutcome = 'efg' | 'uit-efg' | 'afgevallen';

/**
 * Where a listed dwelling stood at the end of `day`: out of EFG once a better label was
 * registered or its case reached nieuw-label-geregistreerd; afgevallen while its case was so.
 */
export function outcomeOn(facts: EfgDwellingFacts, day: string): EfgOutcome {
  const status = facts.efgCase ? statusOn(facts.efgCase, day) : undefined;
  if (status === 'nieuw-label-geregistreerd') return 'uit-efg';
  const label = facts.label;
  if (label && !isEfgClass(label.class) && label.registrationDate <= day) return 'uit-efg';
  if (status === 'afgevallen') return 'afgevallen';
  return 'efg';
}

export interface EfgProgressPoint {
  day: string;
  out: number;
  dropped: number;
  remaining: number;
}

export interface EfgProgress {
  /** Dwellings on the list (see isOnEfgList). */
  total: number;
  out: number;
  dropped: number;
  remaining: number;
  /** Dwellings that must be out of EFG by the deadline: the share of those not dropped out. */
  targetOut: number;
  /** targetOut minus out, never below 0. */
  stillNeeded: number;
  target: EfgTarget;
  /** Whole months from today to the deadline, 0 when it has passed. */
  monthsLeft: number;
  /** stillNeeded spread over the months left (rounded up); stillNeeded when none are left. */
  perMonthNeeded: number;
  byStatus: Record<EfgWorkflowStatus, number>;
  /** Month by month up to today, oldest first; the last point is today. */
  series: EfgProgressPoint[];
}

function emptyByStatus(): Record<EfgWorkflowStatus, number> {
  return {
    kandidaat: 0,
    'in-voorbereiding': 0,
    'maatregelen-gepland': 0,
    uitgevoerd: 0,
    'nieuw-label-geregistreerd': 0,
    afgevallen: 0,
  };
}

function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of every month from `first`'s month through `today`'s month, then today. */
export function seriesDays(first: string, today: string): string[] {
  const days: string[] = [];
  for (let day = monthStart(first); day <= today; day = addMonths(day, 1)) days.push(day);
  if (days.at(-1) !== today) days.push(today);
  return days;
}

/** Full months from `today` until `deadline` (0 when the deadline is today or past). */
export function monthsBetween(today: string, deadline: string): number {
  if (deadline <= today) return 0;
  let months = 0;
  while (addMonths(today, months + 1) <= deadline) months += 1;
  return months;
}

/** How many months of history the chart shows at least, so a fresh list still draws a line. */
export const MIN_HISTORY_MONTHS = 6;

/** Counts, the target comparison and the series over time for the listed dwellings. */
export function efgProgress(
  dwellings: readonly EfgDwellingFacts[],
  today: string,
  target: EfgTarget = DEFAULT_EFG_TARGET,
): EfgProgress {
  const listed = dwellings.filter(isOnEfgList);
  const byStatus = emptyByStatus();
  let first = addMonths(today, -MIN_HISTORY_MONTHS);
  for (const facts of listed) {
    byStatus[currentStatus(facts)] += 1;
    for (const step of facts.efgCase?.history ?? []) {
      const day = isoDateOf(step.at);
      if (day < first) first = day;
    }
    const label = facts.label;
    if (facts.efgCase && label && !isEfgClass(label.class) && label.registrationDate < first)
      first = label.registrationDate;
  }
  const series = seriesDays(first, today).map((day) => {
    const point: EfgProgressPoint = { day, out: 0, dropped: 0, remaining: 0 };
    for (const facts of listed) {
      const outcome = outcomeOn(facts, day);
      if (outcome === 'uit-efg') point.out += 1;
      else if (outcome === 'afgevallen') point.dropped += 1;
      else point.remaining += 1;
    }
    return point;
  });
  const now = series.at(-1) ?? { day: today, out: 0, dropped: 0, remaining: 0 };
  const targetOut = Math.ceil(((listed.length - now.dropped) * target.sharePercent) / 100);
  const stillNeeded = Math.max(0, targetOut - now.out);
  const monthsLeft = monthsBetween(today, target.deadline);
  return {
    total: listed.length,
    out: now.out,
    dropped: now.dropped,
    remaining: now.remaining,
    targetOut,
    stillNeeded,
    target,
    monthsLeft,
    perMonthNeeded: monthsLeft === 0 ? stillNeeded : Math.ceil(stillNeeded / monthsLeft),
    byStatus,
    series,
  };
}
