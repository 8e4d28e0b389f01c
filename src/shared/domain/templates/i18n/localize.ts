import type { RuleRef } from '../../rule.ts';
import type { LocalizedText } from '../template-schema.ts';

// Shipped templates are immutable (fingerprinted), so their translations live beside them in a
// catalogue. Entries are keyed by the exact Dutch text, like gettext msgids: the Dutch stays the
// source, one translation serves every version that shares a text, and a new version that rewords
// a text has no translation until someone writes one (i18n/en.test.ts fails until then).
// Type-only imports: the app calls this on every render, and it must not pull zod into the shell.

export type TemplateLocale = 'nl' | 'en';

/** Own keys only, so a Dutch text that happens to be "constructor" never finds Object's. */
export function lookup(record: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export interface TemplateCatalogue {
  /** Dutch template text (title, group title, label, help, option, action...) → translation. */
  readonly texts: Readonly<Record<string, string>>;
  /** Rule id → translated rule text (the rules a template cites in help and checks). */
  readonly rules: Readonly<Record<string, string>>;
  /** Dutch rule source → translation; official titles (Bbl, NEN 2535) stay as they are. */
  readonly sources: Readonly<Record<string, string>>;
}

/**
 * A template text in `locale`: the catalogue's translation, else the template's own inline
 * translation, else the Dutch. Dutch is always complete, so this never returns an empty string.
 */
export function localizeText(
  text: LocalizedText,
  locale: TemplateLocale,
  catalogue: TemplateCatalogue | undefined,
): string {
  if (locale === 'nl') return text.nl;
  return (catalogue && lookup(catalogue.texts, text.nl)) ?? text.en ?? text.nl;
}

/** A cited rule with its text and source in `locale`; untranslated parts stay Dutch. */
export function localizeRule(
  rule: RuleRef,
  locale: TemplateLocale,
  catalogue: TemplateCatalogue | undefined,
): RuleRef {
  if (locale === 'nl' || !catalogue) return rule;
  return {
    id: rule.id,
    text: lookup(catalogue.rules, rule.id) ?? rule.text,
    source: lookup(catalogue.sources, rule.source) ?? rule.source,
  };
}
