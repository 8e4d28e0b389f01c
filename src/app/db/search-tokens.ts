// Search-as-you-type over tens of thousands of dwellings must not scan them: every dwelling stores
// the lower-case words of its address in a multiEntry index, and a typed word is a prefix range
// on that index. Complex words (complexnummer, name, gemeente) live on the few hundred complexes
// only; a dwelling matches them through its complex, which keeps the dwelling index small and
// the import fast. A query matches when EVERY typed word is a prefix of some token of the
// dwelling or of its complex.
import type { DemoComplex, DemoVerblijfsobject } from '../../shared/domain/demo-portfolio.ts';

/** Lower case, accents removed ("Eén" -> "een"). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Lower case, accents removed, everything but letters and digits a space. */
export function normalizeSearchText(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Letters and digits only: "C-1001-002" -> "c1001002", "100-A" -> "100a". */
function joined(text: string): string {
  return fold(text).replace(/[^a-z0-9]+/g, '');
}

/** Words of a name; written with punctuation ("'s-Gravenhage") also as one word. */
function textTokens(text: string | null | undefined): string[] {
  if (!text) return [];
  const normalized = normalizeSearchText(text);
  if (normalized === '') return [];
  const parts = normalized.split(' ');
  const whole = joined(text);
  return /[^\p{L}\p{N}\s]/u.test(text.trim()) ? [...parts, whole] : parts;
}

/**
 * Drops tokens that are a prefix of another token of the same record: a query prefix that
 * matches the shorter one matches the longer one too, so the index stays smaller.
 */
function compact(tokens: Iterable<string>): string[] {
  const sorted = [...new Set(tokens)].filter((token) => token !== '').sort();
  const kept: string[] = [];
  for (let index = 0; index < sorted.length; index += 1) {
    const token = sorted[index] as string;
    const next = sorted[index + 1];
    // In sorted order a token's extensions follow it directly.
    if (next === undefined || !next.startsWith(token)) kept.push(token);
  }
  return kept;
}

export type ComplexTokenSource = Pick<DemoComplex, 'complexnummer' | 'name' | 'gemeente'>;

/** "C-1001" is found as "c-1001", "c1001" and "1001". */
export function complexSearchTokens(complex: ComplexTokenSource): string[] {
  return compact([
    joined(complex.complexnummer),
    ...normalizeSearchText(complex.complexnummer).split(' '),
    ...textTokens(complex.name),
    ...textTokens(complex.gemeente),
  ]);
}

export type DwellingTokenSource = Pick<
  DemoVerblijfsobject,
  | 'vheNummer'
  | 'bagVerblijfsobjectId'
  | 'straat'
  | 'postcode'
  | 'huisnummer'
  | 'huisletter'
  | 'toevoeging'
  | 'woonplaats'
>;

/** Street, woonplaats, postcode, huisnummer with letter and toevoeging, VHE number, BAG id. */
export function dwellingSearchTokens(dwelling: DwellingTokenSource): string[] {
  const addition = joined(`${dwelling.huisletter ?? ''}${dwelling.toevoeging ?? ''}`);
  const number = dwelling.huisnummer === null ? '' : String(dwelling.huisnummer);
  return compact([
    ...textTokens(dwelling.straat),
    ...textTokens(dwelling.woonplaats),
    joined(dwelling.postcode ?? ''),
    number && `${number}${addition}`,
    // "12 b" typed with a space still finds 12B.
    number && addition,
    joined(dwelling.vheNummer),
    dwelling.bagVerblijfsobjectId ?? '',
  ]);
}

const POSTCODE_IN_QUERY = /^(\d{4})$/;
// One letter too, so the results do not jump while the second letter is being typed.
const POSTCODE_LETTERS = /^[a-z]{1,2}$/;

/**
 * The words of what the user typed, split on spaces and commas. Punctuation inside a word is
 * dropped ("C-1001-002" -> "c1001002", "12-b" -> "12b"), and a postcode typed as "3011 HE" is one
 * word.
 */
export function searchQueryTokens(query: string): string[] {
  const chunks = fold(query)
    .split(/[\s,;]+/)
    .map((chunk) => chunk.replace(/[^a-z0-9]+/g, ''))
    .filter((chunk) => chunk !== '');
  const words: string[] = [];
  for (let index = 0; index < chunks.length; index += 1) {
    const chunk = chunks[index] as string;
    const next = chunks[index + 1];
    if (POSTCODE_IN_QUERY.test(chunk) && next !== undefined && POSTCODE_LETTERS.test(next)) {
      words.push(chunk + next);
      index += 1;
    } else words.push(chunk);
  }
  return [...new Set(words)];
}

/** Every query word is a prefix of at least one of the tokens. */
export function matchesAllTokens(tokens: readonly string[], query: readonly string[]): boolean {
  return query.every((word) => tokens.some((token) => token.startsWith(word)));
}

/** Like matchesAllTokens over two token lists (a dwelling's and its complex's). */
export function matchesAllTokensOf(
  first: readonly string[],
  second: readonly string[],
  query: readonly string[],
): boolean {
  return query.every(
    (word) =>
      first.some((token) => token.startsWith(word)) ||
      second.some((token) => token.startsWith(word)),
  );
}
