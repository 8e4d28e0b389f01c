import { describe, expect, it } from 'vitest';
import { allTemplates, latestTemplate } from '../registry.ts';
import { ruleOf } from '../rules.ts';
import type { LocalizedText, Template } from '../template-schema.ts';
import { templateCatalogueEn } from './en.ts';
import { localizeRule, localizeText, type TemplateCatalogue } from './localize.ts';
import { missingTranslations, templateRules, templateTexts } from './template-texts.ts';

// Every LocalizedText anywhere in a value, found without knowing the schema, so a new kind of
// template text that templateTexts() does not walk yet fails the coverage test below.
function everyLocalizedText(value: unknown, found: LocalizedText[] = []): LocalizedText[] {
  if (Array.isArray(value)) for (const item of value) everyLocalizedText(item, found);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.nl === 'string') found.push(record as unknown as LocalizedText);
    else for (const child of Object.values(record)) everyLocalizedText(child, found);
  }
  return found;
}

const label = (nl: string, en?: string): LocalizedText => (en === undefined ? { nl } : { nl, en });

describe('English template catalogue', () => {
  it.each(
    allTemplates.map((template) => [`${template.id}@${template.version}`, template] as const),
  )('translates every text and cited rule of %s', (_key, template) => {
    expect(missingTranslations(template, templateCatalogueEn)).toEqual([]);
  });

  it('walks every localized text a template holds', () => {
    for (const template of allTemplates) {
      // Compared by reference and count: templates reuse text objects, and order may differ.
      const walked = templateTexts(template).map((entry) => entry.text);
      const found = everyLocalizedText(template);
      expect(found.filter((text) => !walked.includes(text))).toEqual([]);
      expect(walked).toHaveLength(found.length);
    }
  });

  it('reports a new version whose reworded texts have no translation yet', () => {
    const next = structuredClone(latestTemplate('zorggeschiktheid')) as Template;
    next.version += 1;
    const question = next.groups[0]!.questions[0]!;
    question.label = label('Op welke bouwlaag ligt de voordeur?');
    expect(missingTranslations(next, templateCatalogueEn)).toEqual([
      `${next.groups[0]!.id}.${question.id}.label: Op welke bouwlaag ligt de voordeur?`,
    ]);
  });

  it('reports a cited rule or source without a translation', () => {
    const next = structuredClone(latestTemplate('splitsen-scan')) as Template;
    next.groups[0]!.questions[0]!.help.rules = [
      { id: 'test.nieuwe-regel', text: 'Een nieuwe regel.', source: 'Nieuwe bron' },
    ];
    expect(missingTranslations(next, templateCatalogueEn)).toEqual([
      'rule test.nieuwe-regel',
      'source Nieuwe bron',
    ]);
  });

  it('holds no entry that no shipped template uses', () => {
    const texts = new Set(allTemplates.flatMap((t) => templateTexts(t).map((e) => e.text.nl)));
    const rules = allTemplates.flatMap(templateRules);
    expect(Object.keys(templateCatalogueEn.texts).filter((nl) => !texts.has(nl))).toEqual([]);
    const ruleIds = new Set(rules.map((rule) => rule.id));
    expect(Object.keys(templateCatalogueEn.rules).filter((id) => !ruleIds.has(id))).toEqual([]);
    const sources = new Set(rules.map((rule) => rule.source));
    expect(Object.keys(templateCatalogueEn.sources).filter((s) => !sources.has(s))).toEqual([]);
  });

  it('writes English numbers, and no empty or padded translations', () => {
    const translations = [
      ...Object.values(templateCatalogueEn.texts),
      ...Object.values(templateCatalogueEn.rules),
    ];
    for (const translation of translations) {
      expect(translation.trim()).toBe(translation);
      expect(translation.length).toBeGreaterThan(0);
      // A Dutch decimal comma ("12,5 m") left in an English sentence.
      expect(translation).not.toMatch(/\d,\d/);
    }
  });
});

describe('localizeText', () => {
  const catalogue: TemplateCatalogue = {
    texts: { Dak: 'Roof' },
    rules: { 'woning.daglicht': 'The habitable rooms of a dwelling get daylight.' },
    sources: {},
  };

  it('gives Dutch for Dutch, whatever the catalogue says', () => {
    expect(localizeText(label('Dak', 'Roof top'), 'nl', catalogue)).toBe('Dak');
  });

  it('prefers the catalogue over the inline English of a shipped template', () => {
    expect(localizeText(label('Dak', 'Roof top'), 'en', catalogue)).toBe('Roof');
  });

  it('falls back to inline English, then to Dutch, when the catalogue lacks the text', () => {
    expect(localizeText(label('Gevel', 'Façade'), 'en', catalogue)).toBe('Façade');
    expect(localizeText(label('Gevel'), 'en', catalogue)).toBe('Gevel');
  });

  it('falls back the same way while the catalogue is not loaded yet', () => {
    expect(localizeText(label('Dak', 'Roof top'), 'en', undefined)).toBe('Roof top');
    expect(localizeText(label('Dak'), 'en', undefined)).toBe('Dak');
  });

  it('never finds inherited object keys as translations', () => {
    expect(localizeText(label('constructor'), 'en', catalogue)).toBe('constructor');
    expect(localizeText(label('toString'), 'en', templateCatalogueEn)).toBe('toString');
  });

  it('translates the real templates, option labels and check actions included', () => {
    const template = latestTemplate('brandveiligheidsronde');
    const texts = templateTexts(template);
    const action = texts.find((entry) => entry.path.endsWith('.check.action'))!;
    expect(localizeText(action.text, 'en', templateCatalogueEn)).not.toBe(action.text.nl);
    const energie = latestTemplate('energie-opname');
    const option = templateTexts(energie).find((entry) => entry.text.nl === 'Enkel glas')!;
    expect(localizeText(option.text, 'en', templateCatalogueEn)).toBe('Single glazing');
  });
});

describe('localizeRule', () => {
  const rule = ruleOf('woning.daglicht');

  it('translates rule text and source from the catalogue', () => {
    expect(localizeRule(rule, 'en', templateCatalogueEn)).toEqual({
      id: 'woning.daglicht',
      text: 'The habitable rooms of a dwelling get daylight.',
      source: 'Bbl 2024 (formerly Bouwbesluit 2012)',
    });
  });

  it('keeps Dutch for Dutch, without a catalogue, and for parts the catalogue lacks', () => {
    expect(localizeRule(rule, 'nl', templateCatalogueEn)).toEqual(rule);
    expect(localizeRule(rule, 'en', undefined)).toEqual(rule);
    const partial = localizeRule(rule, 'en', { texts: {}, rules: {}, sources: {} });
    expect(partial).toEqual(rule);
  });
});
