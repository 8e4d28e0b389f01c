import { z } from 'zod';
import { EntityIdSchema } from './entity-id.ts';
import { addMonths, compareIsoDate, IsoDateSchema, isoDateOf } from './iso-date.ts';

// A building's fire-safety round schedule (safety officers): how often the brandveiligheidsronde
// is due. Due and overdue dates follow from the schedule and the last finished round.

export const RoundFrequencySchema = z.enum(
  ['maandelijks', 'per-kwartaal', 'halfjaarlijks', 'jaarlijks'],
  { error: 'Kies maandelijks, per kwartaal, halfjaarlijks of jaarlijks.' },
);
export type RoundFrequency = z.infer<typeof RoundFrequencySchema>;

export const RoundScheduleSchema = z.object({
  id: EntityIdSchema,
  pandId: EntityIdSchema,
  complexId: EntityIdSchema,
  frequency: RoundFrequencySchema,
  /** The first round is due on this date when no round was done before. */
  startsOn: IsoDateSchema,
  /** A paused schedule (e.g. building being renovated) produces no due rounds. */
  active: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export type RoundSchedule = z.infer<typeof RoundScheduleSchema>;

/** Months between two rounds per frequency. */
export const frequencyMonths: Readonly<Record<RoundFrequency, number>> = {
  maandelijks: 1,
  'per-kwartaal': 3,
  halfjaarlijks: 6,
  jaarlijks: 12,
};

/** A round due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 14;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  compareIsoDate(from, to); // validates both
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * When the next round is due: one interval after the last finished round, or `startsOn` when
 * there was none. Never before `startsOn`: a schedule that starts later is not due earlier
 * because of an old round. The interval runs from the day the round was actually done (a late
 * round moves the next one), and a day missing in the target month becomes its last day
 * (31 August + a quarter = 30 November), as addMonths does.
 */
export function nextRoundDue(
  schedule: Pick<RoundSchedule, 'frequency' | 'startsOn'>,
  lastRoundOn?: string,
): string {
  if (lastRoundOn === undefined) return schedule.startsOn;
  const next = addMonths(lastRoundOn, frequencyMonths[schedule.frequency]);
  return compareIsoDate(next, schedule.startsOn) < 0 ? schedule.startsOn : next;
}

export type RoundDueStatus = 'overdue' | 'due-soon' | 'planned' | 'paused';

export interface RoundDueState {
  status: RoundDueStatus;
  /** Undefined for a paused schedule. */
  dueOn?: string;
  /** Days from today until dueOn; negative when overdue. */
  daysLeft?: number;
}

/** Whether a pand's round is overdue, due soon (within `dueSoonDays`, today included), or later. */
export function roundDueState(
  schedule: Pick<RoundSchedule, 'frequency' | 'startsOn' | 'active'>,
  lastRoundOn: string | undefined,
  today: string,
  dueSoonDays: number = DUE_SOON_DAYS,
): RoundDueState {
  if (!schedule.active) return { status: 'paused' };
  const dueOn = nextRoundDue(schedule, lastRoundOn);
  const daysLeft = daysBetween(today, dueOn);
  const status: RoundDueStatus =
    daysLeft < 0 ? 'overdue' : daysLeft <= dueSoonDays ? 'due-soon' : 'planned';
  return { status, dueOn, daysLeft };
}

/** The fields of an inspection that tell whether it is a finished round of a pand. */
export interface RoundInspection {
  id: string;
  module: string;
  targetLevel: string;
  targetId: string;
  status: string;
  finishedAt?: string;
}

/** A finished (or finished and since reopened for a correction) brandveiligheidsronde of this pand. */
export function isFinishedRoundOf(inspection: RoundInspection, pandId: string): boolean {
  return (
    inspection.module === 'brandveiligheidsronde' &&
    inspection.targetLevel === 'pand' &&
    inspection.targetId === pandId &&
    (inspection.status === 'finished' || inspection.status === 'reopened') &&
    inspection.finishedAt !== undefined
  );
}

/** The calendar date of the pand's most recent finished round, if any. */
export function lastRoundOn(
  inspections: readonly RoundInspection[],
  pandId: string,
): string | undefined {
  let last: string | undefined;
  for (const inspection of inspections) {
    if (!isFinishedRoundOf(inspection, pandId) || inspection.finishedAt === undefined) continue;
    const on = isoDateOf(inspection.finishedAt);
    if (last === undefined || on > last) last = on;
  }
  return last;
}

export interface ScheduledRound<
  S extends Pick<RoundSchedule, 'pandId' | 'frequency' | 'startsOn' | 'active'>,
> {
  schedule: S;
  lastRoundOn?: string;
  state: RoundDueState;
}

export interface RoundOverview<
  S extends Pick<RoundSchedule, 'pandId' | 'frequency' | 'startsOn' | 'active'>,
> {
  overdue: ScheduledRound<S>[];
  dueSoon: ScheduledRound<S>[];
  planned: ScheduledRound<S>[];
  paused: ScheduledRound<S>[];
}

/** Every schedule sorted into overdue, due soon, planned and paused; each list soonest due first. */
export function roundOverview<
  S extends Pick<RoundSchedule, 'pandId' | 'frequency' | 'startsOn' | 'active'>,
>(
  schedules: readonly S[],
  inspections: readonly RoundInspection[],
  today: string,
  dueSoonDays: number = DUE_SOON_DAYS,
): RoundOverview<S> {
  const overview: RoundOverview<S> = { overdue: [], dueSoon: [], planned: [], paused: [] };
  for (const schedule of schedules) {
    const last = lastRoundOn(inspections, schedule.pandId);
    const state = roundDueState(schedule, last, today, dueSoonDays);
    const item: ScheduledRound<S> =
      last === undefined ? { schedule, state } : { schedule, lastRoundOn: last, state };
    const list =
      state.status === 'overdue'
        ? overview.overdue
        : state.status === 'due-soon'
          ? overview.dueSoon
          : state.status === 'planned'
            ? overview.planned
            : overview.paused;
    list.push(item);
  }
  const byDue = (a: ScheduledRound<S>, b: ScheduledRound<S>) =>
    (a.state.dueOn ?? '').localeCompare(b.state.dueOn ?? '') ||
    a.schedule.pandId.localeCompare(b.schedule.pandId);
  overview.overdue.sort(byDue);
  overview.dueSoon.sort(byDue);
  overview.planned.sort(byDue);
  overview.paused.sort(byDue);
  return overview;
}

/**
 * A pand has one schedule, so its id is the pand's id: two devices that plan the same building
 * offline edit one record (merged per field) instead of creating two.
 */
export function roundScheduleIdFor(pandId: string): string {
  return pandId;
}

/** What is wrong with a whole schedule record (after a merge), in Dutch; undefined when valid. */
export function roundScheduleProblem(record: Record<string, unknown>): string | undefined {
  const parsed = RoundScheduleSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `Ongeldig rondeschema na deze wijziging: ${where}${issue?.message ?? 'onbekende fout'}`;
  }
  if (parsed.data.id !== roundScheduleIdFor(parsed.data.pandId))
    return 'Een pand heeft één rondeschema: de id van het schema moet de id van het pand zijn.';
  return undefined;
}
