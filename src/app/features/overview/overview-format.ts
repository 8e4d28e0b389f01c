import { locale } from '../../i18n/i18n.ts';

/** A count as the UI language writes it (1.234 in Dutch, 1,234 in English). */
export function formatCount(value: number): string {
  return value.toLocaleString(locale.value === 'nl' ? 'nl-NL' : 'en-GB');
}
