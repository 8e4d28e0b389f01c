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
});
