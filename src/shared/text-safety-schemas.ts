// The text-safety check (text-safety.ts) as zod refinements, for every route's schema.
import { z } from 'zod';
import { DEFAULT_JSON_LIMITS, jsonProblem, textProblem, type JsonLimits } from './text-safety.ts';

/** A storable text, for zod string schemas: `z.string().check(safeText())`. */
export function safeText() {
  return z.superRefine<string>((text, ctx) => {
    const problem = textProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A storable JSON value of bounded depth and size, for any zod schema: `.check(safeJson())`. */
export function safeJson(limits: JsonLimits = DEFAULT_JSON_LIMITS) {
  return z.superRefine<unknown>((value, ctx) => {
    const problem = jsonProblem(value, limits);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
