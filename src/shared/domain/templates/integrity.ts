import { JaNeeSchema } from './answer.ts';
import { conditionLeaves, type Condition } from './condition.ts';
import { resolveRule } from './rules.ts';
import {
  TemplateSchema,
  templateQuestions,
  type Question,
  type RuleCitation,
  type Template,
} from './template-schema.ts';

// Structural problems a template must not have; tests require an empty list for every shipped
// version, and the app can refuse a template received from elsewhere that has problems.

function citationProblems(where: string, citation: RuleCitation): string[] {
  const rule = resolveRule(citation);
  if (!rule) return [`${where}: onbekende regel '${String(citation)}'.`];
  return rule.source.trim() === '' ? [`${where}: regel '${rule.id}' heeft geen bron.`] : [];
}

function leafProblems(
  where: string,
  condition: Condition,
  self: string | undefined,
  allowed: ReadonlyMap<string, Question>,
): string[] {
  const problems: string[] = [];
  for (const leaf of conditionLeaves(condition)) {
    const id = leaf.question ?? self;
    if (id === undefined) {
      problems.push(`${where}: een voorwaarde noemt geen vraag.`);
      continue;
    }
    const target = allowed.get(id);
    if (!target) {
      problems.push(`${where}: verwijst naar '${id}', die (nog) niet eerder in de template staat.`);
      continue;
    }
    const expected =
      leaf.op === 'equals' || leaf.op === 'notEquals'
        ? [leaf.value]
        : leaf.op === 'in'
          ? leaf.values
          : [];
    const numericOp = ['greaterThan', 'lessThan', 'atLeast', 'atMost'].includes(leaf.op);
    if (numericOp && target.type !== 'number' && target.type !== 'measurement')
      problems.push(
        `${where}: vergelijkt '${id}' als getal, maar dat is een ${target.type}-vraag.`,
      );
    for (const value of expected) {
      if (target.type === 'single-choice' || target.type === 'multi-choice') {
        if (!target.options.some((option) => option.id === value))
          problems.push(`${where}: keuze '${String(value)}' bestaat niet bij '${id}'.`);
      } else if (target.type === 'ja-nee') {
        const parsed = JaNeeSchema.safeParse(value);
        if (!parsed.success || (parsed.data === 'nvt' && !target.allowNvt))
          problems.push(`${where}: '${String(value)}' is geen mogelijk antwoord op '${id}'.`);
      } else if (
        (target.type === 'number' || target.type === 'measurement') &&
        typeof value !== 'number'
      )
        problems.push(`${where}: '${id}' is een getal, maar wordt vergeleken met tekst.`);
    }
  }
  return problems;
}

/** Every structural problem of a template, in Dutch; empty means the template is sound. */
export function templateIntegrityProblems(template: Template): string[] {
  const parsed = TemplateSchema.safeParse(template);
  if (!parsed.success)
    return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

  const problems: string[] = [];
  const groupIds = new Set<string>();
  for (const group of template.groups) {
    if (groupIds.has(group.id)) problems.push(`Groep-id '${group.id}' komt dubbel voor.`);
    groupIds.add(group.id);
  }

  const earlier = new Map<string, Question>();
  for (const question of templateQuestions(template)) {
    const where = `Vraag '${question.id}'`;
    if (earlier.has(question.id)) problems.push(`${where} komt dubbel voor.`);
    for (const citation of question.help.rules)
      problems.push(...citationProblems(`${where} (help)`, citation));
    if (question.check)
      problems.push(...citationProblems(`${where} (controle)`, question.check.rule));
    if (question.type === 'single-choice' || question.type === 'multi-choice') {
      const optionIds = question.options.map((option) => option.id);
      if (new Set(optionIds).size !== optionIds.length)
        problems.push(`${where}: een keuze-id komt dubbel voor.`);
    }
    if (
      (question.type === 'number' || question.type === 'measurement') &&
      question.min >= question.max
    )
      problems.push(`${where}: minimum ligt niet onder maximum.`);
    if (question.visibleWhen) {
      const leaves = conditionLeaves(question.visibleWhen);
      if (leaves.some((leaf) => leaf.question === undefined || leaf.question === question.id))
        problems.push(`${where}: zichtbaarheid mag alleen van eerdere vragen afhangen.`);
      problems.push(
        ...leafProblems(`${where} (zichtbaar als)`, question.visibleWhen, undefined, earlier),
      );
    }
    const withSelf = new Map(earlier).set(question.id, question);
    if (question.photoRequiredWhen)
      problems.push(
        ...leafProblems(
          `${where} (foto verplicht als)`,
          question.photoRequiredWhen,
          question.id,
          withSelf,
        ),
      );
    if (question.check?.kind === 'condition')
      problems.push(
        ...leafProblems(`${where} (controle)`, question.check.passWhen, question.id, withSelf),
      );
    if (question.check && question.check.kind !== 'condition' && question.type !== 'date')
      problems.push(`${where}: een datumcontrole hoort bij een datumvraag.`);
    earlier.set(question.id, question);
  }
  return problems;
}
