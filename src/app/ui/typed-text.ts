import { cleanInput } from '../../shared/text-safety.ts';

/**
 * What was typed or pasted into `field`, made storable: NUL and lone surrogates removed and cut
 * at the field's maxLength on a character boundary (a browser may cut an emoji in half there).
 * A changed value is written back, so the field shows exactly what will be kept.
 */
export function typedText(field: HTMLInputElement | HTMLTextAreaElement): string {
  const max = field.maxLength > 0 ? field.maxLength : undefined;
  const clean = cleanInput(field.value, max);
  if (clean !== field.value) field.value = clean;
  return clean;
}
