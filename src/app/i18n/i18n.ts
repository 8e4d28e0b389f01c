import { signal } from '@preact/signals';
import { nl, type Catalogue, type Locale, type MessageKey } from './messages.ts';

const STORAGE_KEY = 'schouw.locale';

function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'nl' ? stored : 'nl';
}

/** The UI language; Dutch unless the user chose English on this device. */
export const locale = signal<Locale>(initialLocale());

// Dutch is always there; English arrives on demand (the service worker precaches it, so this
// works offline too). Until it has loaded, texts show in Dutch rather than as keys.
const loaded = signal<Partial<Record<Locale, Catalogue>>>({ nl });
let englishLoad: Promise<void> | undefined;

/** Loads a language's catalogue; resolves at once when it is already there. */
export function loadLocale(next: Locale): Promise<void> {
  if (loaded.value[next]) return Promise.resolve();
  englishLoad ??= import('./messages-en.ts').then(
    (module) => {
      loaded.value = { ...loaded.value, en: module.en };
    },
    (error: unknown) => {
      englishLoad = undefined; // try again next time
      throw error;
    },
  );
  return englishLoad;
}

export function setLocale(next: Locale): void {
  locale.value = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  loadLocale(next).catch(() => undefined); // stays Dutch; the next switch tries again
}

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/** 'one' or 'other' (the categories Dutch and English have) for a count, by Intl.PluralRules. */
export function pluralCategory(count: number, forLocale: Locale = locale.value): string {
  pluralRules[forLocale] ??= new Intl.PluralRules(forLocale);
  return pluralRules[forLocale].select(count);
}

/**
 * Translate a catalogue key, filling `{name}` placeholders; `{name|one|other}` picks the word
 * for the number in `name` ("1 complex", "2 complexen"). Reading `locale` makes callers reactive.
 */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = (loaded.value[locale.value] ?? nl)[key];
  if (!params) return template;
  return template
    .replace(
      /\{(\w+)\|([^|}]*)\|([^|}]*)\}/g,
      (whole, name: string, one: string, other: string) => {
        const value = params[name];
        if (value === undefined) return whole;
        return pluralCategory(Number(value)) === 'one' ? one : other;
      },
    )
    .replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}
