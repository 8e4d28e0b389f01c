import { z } from 'zod';
import { AddressSchema } from './address.ts';
import { BagVerblijfsobjectIdSchema } from './bag.ts';
import { EnergyLabelRecordSchema } from './energy-label.ts';
import { EntityIdSchema } from './entity-id.ts';

export const DwellingTypeSchema = z.enum(
  [
    'eengezinswoning',
    'portiekwoning',
    'galerijwoning',
    'flatwoning-overig',
    'maisonnette',
    'benedenwoning',
    'bovenwoning',
    'studio',
    'onzelfstandig',
    'anders',
  ],
  { error: 'Onbekend woningtype.' },
);
export type DwellingType = z.infer<typeof DwellingTypeSchema>;

/** A BAG dwelling/unit; for the corporation this is a VHE (verhuureenheid). */
export const VerblijfsobjectSchema = z.object({
  id: EntityIdSchema,
  pandId: EntityIdSchema,
  bagVerblijfsobjectId: BagVerblijfsobjectIdSchema,
  /** The corporation's own verhuureenheid number. */
  vheNummer: z
    .string({ error: 'VHE-nummer ontbreekt.' })
    .trim()
    .min(1, { error: 'Vul het VHE-nummer in.' })
    .max(40, { error: 'VHE-nummer is te lang (maximaal 40 tekens).' }),
  address: AddressSchema,
  /** Floor number: 0 is the ground floor, negative is below ground. */
  floor: z
    .number({ error: 'Verdieping moet een getal zijn.' })
    .int({ error: 'Verdieping moet een geheel getal zijn.' })
    .min(-5, { error: 'Verdieping ligt niet lager dan -5.' })
    .max(100, { error: 'Verdieping ligt niet hoger dan 100.' }),
  /** Gebruiksoppervlakte in m². */
  areaM2: z
    .number({ error: 'Oppervlakte moet een getal zijn.' })
    .finite()
    .positive({ error: 'Oppervlakte moet groter dan 0 m² zijn.' })
    .max(10000, { error: 'Oppervlakte boven 10.000 m² is niet aannemelijk voor één woning.' }),
  dwellingType: DwellingTypeSchema,
  energyLabels: z.array(EnergyLabelRecordSchema),
});
export type Verblijfsobject = z.infer<typeof VerblijfsobjectSchema>;
