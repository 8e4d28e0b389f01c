import { z } from 'zod';
import { EntityIdSchema } from './entity-id.ts';

/** A housing corporation (woningcorporatie) using Schouw; every record belongs to one. */
export const OrganisationSchema = z.object({
  id: EntityIdSchema,
  name: z
    .string({ error: 'Naam ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul de naam van de organisatie in.' }),
  /** Chamber of Commerce number: 8 digits. */
  kvkNummer: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { error: 'Een KvK-nummer bestaat uit 8 cijfers.' })
    .optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;
