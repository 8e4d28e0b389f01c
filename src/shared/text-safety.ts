// One check for every text that reaches the server's store: PostgreSQL refuses NUL in text and
// jsonb and lone surrogates in jsonb (a 500 on every retry: the tablet never syncs again), and
// deep or huge JSON costs stack and memory. Used by sync (per op), by every JSON route (zod) and
// by the app's input helpers, so app and server agree on what is storable. Free of zod, so
// the app's first load can use it; the zod refinements are in text-safety-schemas.ts.
export interface JsonLimits {
  /** Deepest nesting of objects and arrays (a plain value is depth 0). */
  maxDepth: number;
  /** Longest single string, in UTF-16 code units; keys included. */
  maxStringLength: number;
  /** Most values (objects, arrays, strings, numbers, ...) in the whole value. */
  maxNodes: number;
}

/** Generous for every record the app writes (an annotation is ~5 deep), small for the server. */
export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxDepth: 16,
  maxStringLength: 100_000,
  maxNodes: 50_000,
};

// NUL, a high surrogate not followed by a low one, a low one not preceded by a high one, and the
// Unicode non-characters (U+FDD0..U+FDEF and the last two code points of every plane).
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- finding NUL is the point
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;

/** A Dutch sentence naming what is wrong with `text`, or undefined when it is storable. */
export function textProblem(text: string): string | undefined {
  const match = UNSAFE_TEXT.exec(text);
  if (!match) return undefined;
  const what =
    match[0] === '\u0000'
      ? 'een NUL-teken'
      : match[0].length === 1 && match[0] >= '\uD800' && match[0] <= '\uDFFF'
        ? 'een half teken (losse surrogaat, bijvoorbeeld een afgeknipte emoji)'
        : 'een ongeldig Unicode-teken';
  return `De tekst bevat ${what} op positie ${match.index + 1}; dat kan niet worden opgeslagen.`;
}

export function isSafeText(text: string): boolean {
  return !UNSAFE_TEXT.test(text);
}

/**
 * Walks a parsed JSON value (keys and strings checked, depth, length and size bounded) and
 * returns the first problem as a Dutch sentence with its path, or undefined. Iterative, so a
 * value nested 100,000 deep cannot overflow the stack here.
 */
export function jsonProblem(
  value: unknown,
  limits: JsonLimits = DEFAULT_JSON_LIMITS,
): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 0, path: '' }];
  let nodes = 0;
  const at = (path: string) => (path ? ` (bij ${storableText(path.slice(0, 80))})` : '');
  const checkString = (text: string, path: string): string | undefined => {
    if (text.length > limits.maxStringLength)
      return `Een tekst is te lang${at(path)}: hoogstens ${limits.maxStringLength} tekens.`;
    const problem = textProblem(text);
    return problem ? `${problem.slice(0, -1)}${at(path)}.` : undefined;
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    nodes += 1;
    if (nodes > limits.maxNodes)
      return `De gegevens zijn te groot: meer dan ${limits.maxNodes} waarden.`;
    const current = item.value;
    if (typeof current === 'string') {
      const problem = checkString(current, item.path);
      if (problem) return problem;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (item.depth >= limits.maxDepth)
      return `De gegevens zijn te diep genest${at(item.path)}: hoogstens ${limits.maxDepth} niveaus.`;
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((child, index) => [String(index), child])
      : Object.entries(current);
    for (const [key, child] of entries) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (!Array.isArray(current)) {
        const problem = checkString(key, path);
        if (problem) return problem;
      }
      stack.push({ value: child, depth: item.depth + 1, path });
    }
  }
  return undefined;
}

/**
 * The longest prefix of `text` with at most `max` UTF-16 code units that never ends inside a
 * surrogate pair, so cutting an emoji in half cannot leave a lone surrogate.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/** Input as typed or pasted, made storable: NUL and lone surrogates removed, then cut at `max`. */
export function cleanInput(text: string, max?: number): string {
  const clean = text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '');
  return max === undefined ? clean : cutText(clean, max);
}

/** A text for a log line or an audit column: every unstorable character becomes U+FFFD. */
export function storableText(text: string): string {
  return text.replace(new RegExp(UNSAFE_TEXT.source, 'g'), '\uFFFD');
}
