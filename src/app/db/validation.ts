// zod validation with the first problem as a Dutch InvalidInputError (the schemas carry Dutch
// messages), so repositories refuse bad input before opening a transaction.
import type { z } from 'zod';
import { InvalidInputError } from './errors.ts';

export function validate<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  throw new InvalidInputError(`${path}${issue?.message ?? 'Ongeldige invoer.'}`);
}
