import { signal } from '@preact/signals';
import { catalogues, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'schouw.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'nl' ? stored : 'nl';
}

/** The UI language; Dutch unless the user chose English on this device. */
export const locale = signal<Locale>(initialLocale());

export function setLocale(next: Locale): void {
  locale.value = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

/** Translate a catalogue key, filling `{name}` placeholders. Reading `locale` makes callers reactive. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = catalogues[locale.value][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
