import { z } from 'zod';

// Calendar dates are plain 'YYYY-MM-DD' strings (no time zone), so a due date or a label's
// expiry means the same day on every device. Arithmetic runs in UTC to avoid DST shifts.

export const IsoDateSchema = z.iso.date({ error: 'Ongeldige datum: verwacht JJJJ-MM-DD.' });
export type IsoDate = z.infer<typeof IsoDateSchema>;

export const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'Ongeldig tijdstip: verwacht ISO 8601 met tijdzone, bijvoorbeeld 2025-03-01T09:30:00Z.',
});
export type IsoDateTime = z.infer<typeof IsoDateTimeSchema>;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): Date {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Ongeldige datum '${date}': verwacht JJJJ-MM-DD.`);
  const [, year, month, day] = match;
  const result = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (result.toISOString().slice(0, 10) !== date)
    throw new RangeError(`Ongeldige datum '${date}': deze dag bestaat niet.`);
  return result;
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const result = toUtc(date);
  result.setUTCDate(result.getUTCDate() + days);
  return fromUtc(result);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const start = toUtc(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return fromUtc(target);
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Negative when a is earlier than b; ISO dates compare correctly as strings once validated. */
export function compareIsoDate(a: string, b: string): number {
  toUtc(a);
  toUtc(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The calendar date of an ISO date-time or date string, as written (no time-zone conversion). */
export function isoDateOf(value: string): string {
  const date = value.slice(0, 10);
  toUtc(date);
  return date;
}
