// Turns whatever a repository or fetch threw into a sentence for the inspector. Store errors
// carry a stable code; their Dutch message is specific (which question, which version), so it is
// shown as detail under the catalogue's general wording.
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';

const codeKeys: Record<string, MessageKey> = {
  'storage-full': 'error.storage-full',
  'not-found': 'error.not-found',
  'inspection-closed': 'error.inspection-closed',
  'invalid-input': 'error.invalid-input',
  'invalid-state': 'error.invalid-state',
};

export interface ErrorText {
  title: string;
  detail: string | undefined;
}

export function errorText(error: unknown): ErrorText {
  const code =
    error && typeof error === 'object' && 'code' in error ? String(error.code) : undefined;
  const message = error instanceof Error ? error.message : undefined;
  const key = code ? codeKeys[code] : undefined;
  if (key) return { title: t(key), detail: message };
  return { title: t('error.unexpected'), detail: message };
}

/** One line: the general wording, then the specific reason. */
export function errorLine(error: unknown): string {
  const { title, detail } = errorText(error);
  return detail && detail !== title ? `${title} ${detail}` : title;
}
