import { z } from 'zod';
import { EntityIdSchema } from './entity-id.ts';

/** The corporation's own grouping of buildings, identified by its complexnummer. */
export const ComplexSchema = z.object({
  id: EntityIdSchema,
  organisationId: EntityIdSchema,
  /** The corporation's own number; free text because formats differ ("1040", "C-12a"). */
  complexnummer: z
    .string({ error: 'Complexnummer ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul het complexnummer in.' })
    .max(40, { error: 'Complexnummer is te lang (maximaal 40 tekens).' }),
  name: z
    .string({ error: 'Naam ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul de naam van het complex in.' }),
  gemeente: z
    .string({ error: 'Gemeente ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul de gemeente in.' }),
});
export type Complex = z.infer<typeof ComplexSchema>;
