// Measurements are typed on the tablet's decimal keypad: Dutch users type a comma, some keypads
// only offer a point. Both mean the decimal separator; anything else is not a number.

export type ParsedNumber =
  { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };

const NUMBER = /^[-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

export function parseDecimal(text: string): ParsedNumber {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (trimmed === '') return { kind: 'empty' };
  if (!NUMBER.test(trimmed)) return { kind: 'invalid' };
  const value = Number(trimmed.replace(',', '.'));
  return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'invalid' };
}

/** A stored number as the inspector would type it ("0,85" in Dutch). */
export function formatDecimal(value: number, separator: ',' | '.' = ','): string {
  return String(value).replace('.', separator);
}
