import { describe, expect, it } from 'vitest';
import { EnergyMeasureIdSchema } from '../energy-label.ts';
import { moduleIds, moduleTargetLevels } from '../module.ts';
import { FoundationSchema, LoadBearingStructureSchema, RoofTypeSchema } from '../pand.ts';
import { rules } from '../rule.ts';
import { RuleRefSchema } from '../rule.ts';
import { conditionQuestions } from './condition.ts';
import { templateIntegrityProblems } from './integrity.ts';
import { allTemplates, latestTemplate } from './registry.ts';
import { inspectionRules, resolveRule } from './rules.ts';
import {
  findQuestion,
  templateQuestions,
  type Question,
  type Template,
} from './template-schema.ts';

const name = (template: Template) => `${template.id} v${template.version}`;

function optionIds(template: Template, questionId: string): string[] {
  const question = findQuestion(template, questionId);
  return question && (question.type === 'single-choice' || question.type === 'multi-choice')
    ? question.options.map((option) => option.id)
    : [];
}

describe.each(allTemplates.map((template) => [name(template), template] as const))(
  'template %s',
  (_name, template) => {
    const questions = templateQuestions(template);

    it('has no integrity problems', () => {
      expect(templateIntegrityProblems(template)).toEqual([]);
    });

    it('has unique question ids', () => {
      const ids = questions.map((question) => question.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('makes visibility depend only on questions that come earlier', () => {
      const seen = new Set<string>();
      for (const question of questions) {
        if (question.visibleWhen)
          for (const id of conditionQuestions(question.visibleWhen)) expect(seen).toContain(id);
        seen.add(question.id);
      }
    });

    it('cites at least one rule with a source in every help text', () => {
      for (const question of questions) {
        expect(question.help.text.nl.length).toBeGreaterThan(10);
        expect(question.help.rules.length).toBeGreaterThan(0);
        for (const citation of question.help.rules) {
          const rule = resolveRule(citation);
          expect(rule, `${question.id} cites ${String(citation)}`).toBeDefined();
          expect(RuleRefSchema.parse(rule).source.length).toBeGreaterThan(2);
        }
      }
    });

    it('attaches to a level its module allows', () => {
      for (const level of template.levels) expect(moduleTargetLevels[template.id]).toContain(level);
    });
  },
);

describe('template set', () => {
  it('ships every module', () => {
    for (const id of moduleIds) expect(latestTemplate(id).id).toBe(id);
  });

  it('uses the portfolio enums as option ids, so answers can be prefilled from a pand', () => {
    const optoppen = latestTemplate('optoppen-scan');
    expect(optionIds(optoppen, 'daktype').sort()).toEqual([...RoofTypeSchema.options].sort());
    expect(optionIds(optoppen, 'draagconstructie').sort()).toEqual(
      [...LoadBearingStructureSchema.options].sort(),
    );
    expect(optionIds(optoppen, 'fundering').sort()).toEqual([...FoundationSchema.options].sort());
  });

  it('offers exactly the energy measures energy-label.ts knows', () => {
    expect(optionIds(latestTemplate('energie-opname'), 'maatregelen').sort()).toEqual(
      [...EnergyMeasureIdSchema.options].sort(),
    );
  });

  it('declares a severity, an action and a photo requirement on every fire-safety check', () => {
    const checks = templateQuestions(latestTemplate('brandveiligheidsronde')).filter(
      (question): question is Question & { check: NonNullable<Question['check']> } =>
        question.check !== undefined,
    );
    expect(checks.length).toBeGreaterThanOrEqual(20);
    for (const question of checks) {
      expect(question.photoRequiredWhen, question.id).toBeDefined();
      expect(question.check.action.nl.length).toBeGreaterThan(5);
    }
    const severities = new Set(checks.map((question) => question.check.severity));
    expect([...severities].sort()).toEqual(['direct-gevaar', 'ernstig', 'gering']);
  });

  it('keeps its rule ids apart from the core rule registry', () => {
    for (const id of Object.keys(inspectionRules)) expect(Object.keys(rules)).not.toContain(id);
    for (const rule of Object.values(inspectionRules))
      expect(RuleRefSchema.parse(rule)).toEqual(rule);
  });
});

describe('templateIntegrityProblems', () => {
  const base = latestTemplate('brandveiligheidsronde');
  const withQuestions = (mutate: (questions: Question[]) => Question[]): Template => ({
    ...base,
    groups: [{ ...base.groups[0]!, questions: mutate([...base.groups[0]!.questions]) }],
  });

  it('reports a duplicate question id', () => {
    const broken = withQuestions((questions) => [...questions, questions[0]!]);
    expect(templateIntegrityProblems(broken)).toContain("Vraag 'hoogste-vloer' komt dubbel voor.");
  });

  it('reports visibility that depends on a later or unknown question', () => {
    const broken = withQuestions(([first, ...rest]) => [
      { ...first!, visibleWhen: { op: 'equals', question: 'zorgwoningen', value: 'ja' } },
      ...rest,
    ]);
    expect(templateIntegrityProblems(broken).join(' ')).toContain(
      "verwijst naar 'zorgwoningen', die (nog) niet eerder in de template staat",
    );
  });

  it('reports a condition on an option that does not exist', () => {
    const broken = withQuestions((questions) => [
      ...questions,
      {
        ...questions[1]!,
        id: 'extra',
        visibleWhen: { op: 'equals', question: 'zorgwoningen', value: 'misschien' },
      },
    ]);
    expect(templateIntegrityProblems(broken).join(' ')).toContain(
      "'misschien' is geen mogelijk antwoord op 'zorgwoningen'",
    );
  });

  it('reports a help text citing an unknown rule', () => {
    const broken = withQuestions(([first, ...rest]) => [
      { ...first!, help: { text: { nl: 'Uitleg.' }, rules: ['bestaat.niet'] } },
      ...rest,
    ]);
    expect(templateIntegrityProblems(broken)).toContain(
      "Vraag 'hoogste-vloer' (help): onbekende regel 'bestaat.niet'.",
    );
  });
});
