import { z } from 'zod';
import { EnergyLabelClassSchema, EnergyLabelSourceSchema } from './energy-label.ts';
import { IsoDateSchema } from './iso-date.ts';

// A whole portfolio as one document: complex -> pand -> verblijfsobject with what the
// corporation's own export knows. Fields the export may lack are null rather than invented, which
// is why these are not the full Pand/Verblijfsobject schemas. Devices get their portfolio from the
// signed-in sync pull (complex, pand and verblijfsobject records); this document seeds a device's
// tables in tests and benchmarks (PortfolioRepository.importPortfolio).

const nullableText = z.string().nullable();
const nullableInt = z.number().int().nullable();

export const DemoEnergyLabelSchema = z.object({
  class: EnergyLabelClassSchema,
  registrationDate: IsoDateSchema,
  recordingDate: IsoDateSchema.nullable(),
  validUntil: IsoDateSchema,
  ep2: z.number().nullable(),
  energyIndex: z.number().nullable(),
  source: EnergyLabelSourceSchema,
});
export type DemoEnergyLabel = z.infer<typeof DemoEnergyLabelSchema>;

export const DemoVerblijfsobjectSchema = z.object({
  id: z.uuid(),
  vheNummer: z.string().min(1),
  bagVerblijfsobjectId: z
    .string()
    .regex(/^\d{4}01\d{10}$/)
    .nullable(),
  /** Street name; optional because the corporation's export may not carry it. */
  straat: nullableText.optional(),
  postcode: z
    .string()
    .regex(/^[1-9]\d{3} [A-Z]{2}$/)
    .nullable(),
  huisnummer: nullableInt,
  huisletter: nullableText,
  toevoeging: nullableText,
  woonplaats: nullableText,
  woningtype: nullableText,
  areaM2: nullableInt,
  floor: nullableInt,
  lift: z.boolean().nullable(),
  energyLabel: DemoEnergyLabelSchema.nullable(),
});
export type DemoVerblijfsobject = z.infer<typeof DemoVerblijfsobjectSchema>;

export const DemoPandSchema = z.object({
  id: z.uuid(),
  bagPandId: z
    .string()
    .regex(/^\d{4}10\d{10}$/)
    .nullable(),
  bouwjaar: nullableInt,
  storeys: nullableInt,
  verblijfsobjecten: z.array(DemoVerblijfsobjectSchema),
});
export type DemoPand = z.infer<typeof DemoPandSchema>;

export const DemoComplexSchema = z.object({
  id: z.uuid(),
  complexnummer: z.string().min(1),
  name: z.string().min(1),
  gemeente: nullableText,
  panden: z.array(DemoPandSchema),
});
export type DemoComplex = z.infer<typeof DemoComplexSchema>;

export const DemoPortfolioSchema = z.object({
  organisation: z.object({ id: z.uuid(), name: z.string(), slug: z.string() }),
  complexes: z.array(DemoComplexSchema),
});
export type DemoPortfolio = z.infer<typeof DemoPortfolioSchema>;
