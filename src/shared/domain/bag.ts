import { z } from 'zod';

export const BagObjectKindSchema = z.enum([
  'verblijfsobject',
  'ligplaats',
  'standplaats',
  'pand',
  'nummeraanduiding',
  'openbareruimte',
]);
export type BagObjectKind = z.infer<typeof BagObjectKindSchema>;

export const bagObjectTypeCodes: Readonly<Record<string, BagObjectKind>> = {
  '01': 'verblijfsobject',
  '02': 'ligplaats',
  '03': 'standplaats',
  '10': 'pand',
  '20': 'nummeraanduiding',
  '30': 'openbareruimte',
};

export interface BagIdParts {
  ok: true;
  /** The 16-digit id, trimmed (and zero-padded when that option was given). */
  id: string;
  kind: BagObjectKind;
  gemeentecode: string;
  volgnummer: string;
}

export type BagIdResult = BagIdParts | { ok: false; error: string };

export interface ParseBagIdOptions {
  /**
   * Spreadsheets and some CSV exports store the id as a number and drop the leading zero(s) of
   * gemeentecodes below 1000. With this option 13-15 digit input is padded back to 16. Off by
   * default so a truncated id typed by hand is not "repaired" silently.
   */
  padLeadingZeros?: boolean;
}

/**
 * Parses a BAG identificatie: 4-digit gemeentecode + 2-digit objecttype + 10-digit volgnummer.
 * Surrounding whitespace is ignored; gemeentecode 0000 and volgnummer 0000000000 do not occur in
 * the BAG and are rejected.
 */
export function parseBagId(input: string, options: ParseBagIdOptions = {}): BagIdResult {
  let id = input.trim();
  if (id.length === 0) return { ok: false, error: 'BAG-id ontbreekt.' };
  if (!/^\d+$/.test(id))
    return {
      ok: false,
      error: 'Een BAG-id bestaat alleen uit cijfers (16 cijfers, geen letters of spaties).',
    };
  if (options.padLeadingZeros && id.length >= 13 && id.length < 16) id = id.padStart(16, '0');
  if (id.length !== 16)
    return { ok: false, error: `Een BAG-id heeft 16 cijfers, dit zijn er ${id.length}.` };
  const gemeentecode = id.slice(0, 4);
  const typeCode = id.slice(4, 6);
  const volgnummer = id.slice(6);
  if (gemeentecode === '0000')
    return {
      ok: false,
      error: 'De gemeentecode (eerste 4 cijfers) van een BAG-id kan niet 0000 zijn.',
    };
  const kind = bagObjectTypeCodes[typeCode];
  if (!kind)
    return {
      ok: false,
      error: `Onbekend objecttype ${typeCode} (cijfers 5-6); verwacht 01, 02, 03, 10, 20 of 30.`,
    };
  if (/^0+$/.test(volgnummer))
    return {
      ok: false,
      error: 'Het volgnummer (laatste 10 cijfers) van een BAG-id kan niet nul zijn.',
    };
  return { ok: true, id, kind, gemeentecode, volgnummer };
}

const kindNames: Readonly<Record<BagObjectKind, string>> = {
  verblijfsobject: 'verblijfsobject (01)',
  ligplaats: 'ligplaats (02)',
  standplaats: 'standplaats (03)',
  pand: 'pand (10)',
  nummeraanduiding: 'nummeraanduiding (20)',
  openbareruimte: 'openbare ruimte (30)',
};

/** A zod schema for a BAG id of one object kind; the parsed value is the trimmed 16-digit id. */
export function bagIdSchema(kind: BagObjectKind) {
  return z.string({ error: 'BAG-id ontbreekt.' }).transform((value, context) => {
    const parsed = parseBagId(value);
    if (!parsed.ok) {
      context.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    if (parsed.kind !== kind) {
      context.addIssue({
        code: 'custom',
        message: `Dit BAG-id is een ${kindNames[parsed.kind]}, verwacht een ${kindNames[kind]}.`,
      });
      return z.NEVER;
    }
    return parsed.id;
  });
}

export const BagVerblijfsobjectIdSchema = bagIdSchema('verblijfsobject');
export type BagVerblijfsobjectId = z.infer<typeof BagVerblijfsobjectIdSchema>;

export const BagPandIdSchema = bagIdSchema('pand');
export type BagPandId = z.infer<typeof BagPandIdSchema>;
