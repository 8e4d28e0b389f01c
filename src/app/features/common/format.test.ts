import { computed } from '@preact/signals';
import { afterEach, describe, expect, it } from 'vitest';
import { latestTemplate } from '../../../shared/domain/templates/registry.ts';
import { ruleOf } from '../../../shared/domain/templates/rules.ts';
import { setLocale } from '../../i18n/i18n.ts';
import { loadTemplateCatalogue, localized, localizedRule } from './format.ts';

afterEach(() => setLocale('nl'));

describe('localized template text', () => {
  const question = latestTemplate('brandveiligheidsronde').groups[1]!.questions[0]!;

  it('shows Dutch until the English catalogue arrives, then re-renders in English', async () => {
    setLocale('en');
    // As a component would read it: a computed re-runs when the catalogue signal changes.
    const shown = computed(() => localized(question.label));
    expect(shown.value).toBe(question.label.nl);
    await loadTemplateCatalogue();
    expect(shown.value).toBe(
      'In the dwellings checked, is there a smoke alarm on every floor with a living room?',
    );
    setLocale('nl');
    expect(shown.value).toBe(question.label.nl);
  });

  it('translates rules a template cites, and leaves them Dutch for Dutch', async () => {
    await loadTemplateCatalogue();
    const rule = ruleOf('brand.galerij-85cm');
    expect(localizedRule(rule)).toEqual(rule);
    setLocale('en');
    expect(localizedRule(rule).text).toBe(
      'An access gallery keeps a clear width of at least 85 cm.',
    );
  });

  it('falls back to Dutch for a text the catalogue does not know', async () => {
    await loadTemplateCatalogue();
    setLocale('en');
    expect(localized({ nl: 'Een tekst uit een nieuwere versie' })).toBe(
      'Een tekst uit een nieuwere versie',
    );
  });
});
