import { z } from 'zod';
import { BagPandIdSchema } from './bag.ts';
import { EntityIdSchema } from './entity-id.ts';

export const RoofTypeSchema = z.enum(
  ['plat', 'zadeldak', 'lessenaarsdak', 'mansardedak', 'anders'],
  {
    error: 'Onbekend daktype.',
  },
);
export type RoofType = z.infer<typeof RoofTypeSchema>;

export const LoadBearingStructureSchema = z.enum(
  [
    'gietbeton',
    'kalkzandsteen',
    'metselwerk',
    'staalskelet',
    'houtskeletbouw',
    'prefab-beton',
    'onbekend',
  ],
  { error: 'Onbekende draagconstructie.' },
);
export type LoadBearingStructure = z.infer<typeof LoadBearingStructureSchema>;

export const FoundationSchema = z.enum(['op-staal', 'houten-palen', 'betonpalen', 'onbekend'], {
  error: 'Onbekend funderingstype.',
});
export type Foundation = z.infer<typeof FoundationSchema>;

export const MIN_BOUWJAAR = 1000;
/** Planned buildings may carry a bouwjaar a few years ahead. */
export const BOUWJAAR_YEARS_AHEAD = 5;

export function maxBouwjaar(now: Date = new Date()): number {
  return now.getUTCFullYear() + BOUWJAAR_YEARS_AHEAD;
}

export const BouwjaarSchema = z
  .number({ error: 'Bouwjaar moet een getal zijn.' })
  .int({ error: 'Bouwjaar moet een heel jaar zijn.' })
  .min(MIN_BOUWJAAR, { error: `Bouwjaar ligt niet vóór ${MIN_BOUWJAAR}.` })
  .refine((year) => year <= maxBouwjaar(), {
    error: () => `Bouwjaar ligt niet na ${maxBouwjaar()}.`,
  });

/** A BAG building within a complex, with what the scans need to know about its structure. */
export const PandSchema = z.object({
  id: EntityIdSchema,
  complexId: EntityIdSchema,
  bagPandId: BagPandIdSchema,
  /** Oorspronkelijk bouwjaar (BAG). */
  bouwjaar: BouwjaarSchema,
  /** Number of storeys above ground (bouwlagen), including the ground floor. */
  storeys: z
    .number({ error: 'Aantal bouwlagen moet een getal zijn.' })
    .int({ error: 'Aantal bouwlagen moet een geheel getal zijn.' })
    .min(1, { error: 'Een pand heeft minstens 1 bouwlaag.' })
    .max(100, { error: 'Meer dan 100 bouwlagen is niet aannemelijk.' }),
  /**
   * Height of the highest floor a resident can stand on, above ground level, in metres; the
   * 12.5 m (lift) and 20 m (droge blusleiding, brandweerlift) thresholds test this value.
   */
  highestFloorHeightM: z
    .number({ error: 'Vloerhoogte moet een getal zijn.' })
    .finite()
    .min(0, { error: 'Hoogste vloer ligt niet onder het maaiveld.' })
    .max(350, { error: 'Hoogste vloer boven 350 m is niet aannemelijk.' })
    .optional(),
  roofType: RoofTypeSchema,
  lift: z.boolean({ error: 'Geef aan of er een lift is.' }),
  loadBearingStructure: LoadBearingStructureSchema,
  foundation: FoundationSchema,
});
export type Pand = z.infer<typeof PandSchema>;
