import type { RuleRef } from '../../rule.ts';
import { resolveRule } from '../rules.ts';
import type { LocalizedText, RuleCitation, Template } from '../template-schema.ts';
import { lookup, type TemplateCatalogue } from './localize.ts';

// Which texts and rules a template shows, so a test can hold a catalogue to all of them.

/** Where a text sits in a template, for messages about missing translations. */
export interface TemplateTextEntry {
  path: string;
  text: LocalizedText;
}

/** Every user-visible text of a template, in template order. */
export function templateTexts(template: Template): TemplateTextEntry[] {
  const entries: TemplateTextEntry[] = [{ path: 'title', text: template.title }];
  if (template.disclaimer) entries.push({ path: 'disclaimer', text: template.disclaimer });
  if (template.changes) entries.push({ path: 'changes', text: template.changes });
  for (const group of template.groups) {
    entries.push({ path: `${group.id}.title`, text: group.title });
    for (const question of group.questions) {
      const at = `${group.id}.${question.id}`;
      entries.push({ path: `${at}.label`, text: question.label });
      entries.push({ path: `${at}.help`, text: question.help.text });
      if (question.type === 'single-choice' || question.type === 'multi-choice')
        for (const option of question.options)
          entries.push({ path: `${at}.options.${option.id}`, text: option.label });
      if (question.check) entries.push({ path: `${at}.check.action`, text: question.check.action });
    }
  }
  return entries;
}

/** Every rule a template cites (help and checks), each once, in template order. */
export function templateRules(template: Template): RuleRef[] {
  const citations: RuleCitation[] = [];
  for (const group of template.groups)
    for (const question of group.questions) {
      citations.push(...question.help.rules);
      if (question.check) citations.push(question.check.rule);
    }
  const byId = new Map<string, RuleRef>();
  for (const citation of citations) {
    const rule = resolveRule(citation);
    if (rule && !byId.has(rule.id)) byId.set(rule.id, rule);
  }
  return [...byId.values()];
}

/** What a catalogue lacks for a template: text paths, rule ids and rule sources. */
export function missingTranslations(template: Template, catalogue: TemplateCatalogue): string[] {
  const missing: string[] = [];
  for (const entry of templateTexts(template))
    if (lookup(catalogue.texts, entry.text.nl) === undefined)
      missing.push(`${entry.path}: ${entry.text.nl}`);
  for (const rule of templateRules(template)) {
    if (lookup(catalogue.rules, rule.id) === undefined) missing.push(`rule ${rule.id}`);
    if (lookup(catalogue.sources, rule.source) === undefined) missing.push(`source ${rule.source}`);
  }
  return missing;
}
