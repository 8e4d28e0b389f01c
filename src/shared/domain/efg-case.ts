import { z } from 'zod';
import { EfgDropSchema, EfgWorkflowStatusSchema } from './efg-status.ts';
import { EntityIdSchema } from './entity-id.ts';
import { IsoDateTimeSchema } from './iso-date.ts';

// A dwelling on the EFG list as the sustainability team tracks it: one record per verblijfsobject
// (its id IS the verblijfsobject id, so two devices opening the same case merge instead of
// duplicating). The workflow rules live in efg-status.ts; the server checks every status change.

export const EfgCaseStepSchema = z.object({
  status: EfgWorkflowStatusSchema,
  /** User id of whoever set this status. */
  by: z.string().min(1, { error: 'Gebruiker ontbreekt.' }),
  at: IsoDateTimeSchema,
  note: z.string().trim().min(1).optional(),
});
export type EfgCaseStep = z.infer<typeof EfgCaseStepSchema>;

export const EfgCaseSchema = z.object({
  /** The verblijfsobject's id. */
  id: EntityIdSchema,
  complexId: EntityIdSchema,
  status: EfgWorkflowStatusSchema,
  /** Set when status is afgevallen. */
  drop: EfgDropSchema.optional(),
  /** Every status the case has had, oldest first; the last one equals status. */
  history: z.array(EfgCaseStepSchema).min(1),
  note: z.string().trim().max(2000).optional(),
});
export type EfgCase = z.infer<typeof EfgCaseSchema>;
