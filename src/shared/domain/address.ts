import { z } from 'zod';
import { parsePostcode, PostcodeSchema } from './postcode.ts';

export const HuisnummerSchema = z
  .number({ error: 'Huisnummer moet een getal zijn.' })
  .int({ error: 'Huisnummer moet een geheel getal zijn.' })
  .min(1, { error: 'Huisnummer is minimaal 1.' })
  .max(99999, { error: 'Huisnummer is maximaal 99999.' });

/** One letter A-Z, normalised to upper case ("12a" -> huisletter "A"). */
export const HuisletterSchema = z
  .string({ error: 'Huisletter moet tekst zijn.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]$/, { error: 'Huisletter is precies één letter (A-Z).' });

/** Up to 4 letters or digits, as written in the BAG (case kept, e.g. "bis", "2", "A1"). */
export const HuisnummertoevoegingSchema = z
  .string({ error: 'Toevoeging moet tekst zijn.' })
  .trim()
  .regex(/^[A-Za-z0-9]{1,4}$/, { error: 'Toevoeging is 1 tot 4 letters of cijfers.' });

// An empty string from a form field or a CSV column means "none".
const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export const AddressSchema = z.object({
  /** Openbare ruimte (street) name; optional because EP-online and some imports lack it. */
  straat: z.preprocess(emptyToUndefined, z.string().trim().optional()),
  postcode: PostcodeSchema,
  huisnummer: HuisnummerSchema,
  huisletter: z.preprocess(emptyToUndefined, HuisletterSchema.optional()),
  toevoeging: z.preprocess(emptyToUndefined, HuisnummertoevoegingSchema.optional()),
  woonplaats: z
    .string({ error: 'Woonplaats ontbreekt.' })
    .trim()
    .min(1, { error: 'Woonplaats ontbreekt.' }),
});
export type Address = z.infer<typeof AddressSchema>;

/** "40A-2" (BAG notation: huisletter attached, toevoeging after a hyphen). */
export function formatHuisnummer(
  address: Pick<Address, 'huisnummer' | 'huisletter' | 'toevoeging'>,
): string {
  const base = `${address.huisnummer}${address.huisletter ?? ''}`;
  return address.toevoeging ? `${base}-${address.toevoeging}` : base;
}

/** "Coolsingel 40A-2, 3011 HE Rotterdam", or "40A-2, 3011 HE Rotterdam" without a street. */
export function formatAddress(address: Address): string {
  const number = formatHuisnummer(address);
  const firstLine = address.straat ? `${address.straat} ${number}` : number;
  return `${firstLine}, ${address.postcode} ${address.woonplaats}`;
}

export interface AddressKeyParts {
  postcode: string;
  huisnummer: number | string;
  huisletter?: string | null | undefined;
  toevoeging?: string | null | undefined;
}

/**
 * A key for matching one address across sources (BAG, EP-online, the corporation's VHE list):
 * "3011HE|40|A2". Huisletter and toevoeging are joined into one upper-case suffix because
 * sources disagree on how to split them (one EP-online version has a single
 * "Pand_huisnummer_toev" column). Returns null when postcode or huisnummer is invalid.
 */
export function addressKey(parts: AddressKeyParts): string | null {
  const postcode = parsePostcode(parts.postcode);
  if (!postcode.ok) return null;
  const huisnummer =
    typeof parts.huisnummer === 'number' ? parts.huisnummer : Number(parts.huisnummer.trim());
  if (!HuisnummerSchema.safeParse(huisnummer).success) return null;
  const suffix = `${parts.huisletter ?? ''}${parts.toevoeging ?? ''}`
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return `${postcode.value.replace(' ', '')}|${huisnummer}|${suffix}`;
}
