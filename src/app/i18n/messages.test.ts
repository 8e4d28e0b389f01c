import { describe, expect, it } from 'vitest';
import { en } from './messages-en.ts';
import { nl } from './messages.ts';
import { loadLocale, setLocale, t } from './i18n.ts';

describe('message catalogue', () => {
  it('has an English text for every Dutch key and no extra keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('has no empty texts', () => {
    for (const text of [...Object.values(nl), ...Object.values(en)])
      expect(text.trim()).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(placeholders(en[key])).toEqual(placeholders(nl[key]));
    }
  });

  it('translates to Dutch by default and to English after switching, filling placeholders', async () => {
    setLocale('nl');
    await loadLocale('en');
    expect(t('status.pending', { count: 3 })).toBe('3 wijzigingen wachten op verzending');
    setLocale('en');
    expect(t('status.pending', { count: 3 })).toBe('3 changes waiting to be sent');
    setLocale('nl');
  });

  it('chooses singular or plural words by Intl.PluralRules in both languages', async () => {
    setLocale('nl');
    await loadLocale('en');
    expect(t('finish.open.title', { count: 1 })).toBe('Nog 1 punt open voordat u kunt afronden');
    expect(t('finish.open.title', { count: 2 })).toBe('Nog 2 punten open voordat u kunt afronden');
    expect(t('finish.open.title', { count: 0 })).toBe('Nog 0 punten open voordat u kunt afronden');
    expect(t('portfolio.search.count', { complexes: 1, dwellings: 1 })).toBe(
      '1 complex en 1 woning gevonden.',
    );
    expect(t('status.pending', { count: 1 })).toBe('1 wijziging wacht op verzending');
    expect(t('fireSafety.overdueDays', { days: 1 })).toBe('1 dag te laat');
    setLocale('en');
    expect(t('portfolio.search.count', { complexes: 1, dwellings: 5 })).toBe(
      '1 complex and 5 dwellings found.',
    );
    expect(t('finish.open.title', { count: 1 })).toBe('1 item still open before you can finish');
    setLocale('nl');
  });

  it('has the same plural words in both languages: one and other per counted placeholder', () => {
    const counted = (text: string) =>
      [...text.matchAll(/\{(\w+)\|[^|}]*\|[^|}]*\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(new Set(counted(en[key])), key).toEqual(new Set(counted(nl[key])));
      // No hand-made "(s)" or "(en)" plurals left.
      expect(nl[key], key).not.toMatch(/\((?:’s|en|s)\)/);
      expect(en[key], key).not.toMatch(/\w\(s\)/);
    }
  });
});
