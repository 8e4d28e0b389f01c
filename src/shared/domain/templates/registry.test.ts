import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerSetFor } from './answer-builder.ts';
import { missingRequired, validateAnswer } from './evaluate.ts';
import { allTemplates, getTemplate, latestTemplate, templateVersions } from './registry.ts';
import { scoreInspection } from '../scoring/index.ts';
import { findQuestion, TemplateSchema, type Template } from './template-schema.ts';

// Stable JSON (sorted keys) so the hash depends only on content, not on key order.
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function fingerprint(template: Template): string {
  return createHash('sha256').update(stableJson(template)).digest('hex').slice(0, 16);
}

// A shipped version never changes: inspections made with it must keep meaning the same. If this
// test fails, do not update the hash; restore the version and ship the change as a new version.
const shipped: Record<string, string> = {
  'optoppen-scan@1': '3c31c0aee123c93a',
  'ondertoppen-scan@1': '592aa171ad9d960f',
  'splitsen-scan@1': '41c7f254d9d11c6b',
  'energie-opname@1': 'c72634857ffd5f87',
  'brandveiligheidsronde@1': '5056efa2aa4c2685',
  'zorggeschiktheid@1': 'cc7b97c77dd01972',
  'zorggeschiktheid@2': '40383a84814df54d',
};

describe('template registry', () => {
  it('has an unchanged fingerprint for every shipped version', () => {
    const actual = Object.fromEntries(
      allTemplates.map((template) => [`${template.id}@${template.version}`, fingerprint(template)]),
    );
    expect(actual).toEqual(shipped);
  });

  it('notices a one-character edit of a shipped version', () => {
    const template = latestTemplate('brandveiligheidsronde');
    const edited = structuredClone(template);
    edited.groups[0]!.questions[0]!.label.nl += '.';
    expect(fingerprint(edited)).not.toBe(fingerprint(template));
  });

  it('holds only valid, frozen templates with unique (id, version)', () => {
    const keys = allTemplates.map((template) => `${template.id}@${template.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const template of allTemplates) {
      expect(TemplateSchema.parse(template)).toEqual(template);
      expect(Object.isFrozen(template.groups[0]!.questions[0])).toBe(true);
    }
  });

  it('keeps older versions available next to the latest', () => {
    expect(latestTemplate('zorggeschiktheid').version).toBe(2);
    expect(getTemplate('zorggeschiktheid', 1)?.version).toBe(1);
    expect(getTemplate('zorggeschiktheid', 3)).toBeUndefined();
    expect(templateVersions('zorggeschiktheid').map((template) => template.version)).toEqual([
      1, 2,
    ]);
  });

  it('keeps question ids of v1 in v2 with the same type, adding only new questions', () => {
    const v1 = getTemplate('zorggeschiktheid', 1)!;
    const v2 = getTemplate('zorggeschiktheid', 2)!;
    for (const question of v1.groups.flatMap((group) => group.questions))
      expect(findQuestion(v2, question.id)?.type).toBe(question.type);
    expect(findQuestion(v1, 'steunbeugels')).toBeUndefined();
    expect(findQuestion(v2, 'steunbeugels')).toBeDefined();
  });
});

describe('an inspection made with zorggeschiktheid v1 after v2 shipped', () => {
  const v1 = getTemplate('zorggeschiktheid', 1)!;
  const answers = answerSetFor(v1, {
    verdieping: 0,
    'ruimten-gelijkvloers': ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'],
    'opstap-woning': 1,
    'opstap-route': 0,
    deurbreedte: 0.9,
    gangbreedte: 1.25,
    'toilet-in-badkamer': 'ja',
    'badkamer-breedte': 2.2,
    'badkamer-lengte': 2.5,
    'douche-drempelvrij': 'ja',
    draairuimte: 'ja',
    'gemeenschappelijke-gangen': 'nee',
    alarmering: 'ja',
    'gemeenschappelijke-ruimte': 'ja',
    'gemeenschappelijke-keuken': 'ja',
    'centrale-entree': 'ja',
    internet: 'ja',
    buitenruimte: 'ja',
  });

  it('still validates every answer and is complete against v1', () => {
    for (const answer of Object.values(answers))
      expect(validateAnswer(findQuestion(v1, answer!.questionId)!, answer!.value)).toEqual([]);
    expect(missingRequired(v1, answers)).toEqual([]);
  });

  it('is incomplete against v2, which asks two more questions', () => {
    expect(missingRequired(latestTemplate('zorggeschiktheid'), answers)).toEqual([
      'steunbeugels',
      'thermostaatkraan',
    ]);
  });

  it('still scores with v1, and the v2-only advice is said not to apply', () => {
    const score = scoreInspection(v1, answers, { inspectionDate: '2025-03-01' });
    expect(score.module).toBe('zorggeschiktheid');
    expect(score.templateVersion).toBe(1);
    if (score.module !== 'zorggeschiktheid') return;
    expect(score.result.classification).toBe('zorggeschikt');
    const advice = score.result.criteria.find((criterion) => criterion.id === 'steunbeugels');
    expect(advice?.status).toBe('nvt');
    expect(advice?.detail).toBe('Niet gevraagd in versie 1 van deze template.');
  });
});
