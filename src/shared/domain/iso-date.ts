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

// A calendar date is the date in the Netherlands of the moment: 00:41 on 8 December in Amsterdam
// is 7 December in UTC and may be anything in the device's own zone. One formatter for all.
const dutchDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/Amsterdam calendar date (JJJJ-MM-DD) of an instant (ISO timestamp, Date or epoch ms). */
export function dutchDateOf(instant: string | number | Date): string {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Geen tijdstip: ${String(instant)}`);
  const parts: Record<string, string> = {};
  for (const part of dutchDayFormat.formatToParts(date)) parts[part.type] = part.value;
  return `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`;
}

/** Today in the Netherlands as JJJJ-MM-DD. */
export function dutchToday(now: number | Date = Date.now()): string {
  return dutchDateOf(now);
}

/**
 * The calendar date of a stored value: a plain date stays as it is, a date-time (a moment) becomes
 * its Europe/Amsterdam date.
 */
export function isoDateOf(value: string): string {
  if (DATE_PATTERN.test(value)) {
    toUtc(value);
    return value;
  }
  return dutchDateOf(value);
}
