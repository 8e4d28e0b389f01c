import { describe, expect, it } from 'vitest';
import type { AnswerSet } from '../templates/answer.ts';
import { answerSetFor, type PlainValue } from '../templates/answer-builder.ts';
import { latestTemplate } from '../templates/registry.ts';
import { templateQuestions } from '../templates/template-schema.ts';
import type { BrandveiligheidResult } from './brandveiligheidsronde.ts';
import { scoreInspection, type ScoreContext } from './index.ts';

const template = latestTemplate('brandveiligheidsronde');
const allJa = Object.fromEntries(
  templateQuestions(template)
    .filter((question) => question.type === 'ja-nee' && question.check)
    .map((question) => [question.id, 'ja']),
);
// A care building above 20 m with galleries and a recreation room: every check applies.
const compliant: Record<string, PlainValue> = {
  ...allJa,
  'hoogste-vloer': 24,
  zorgwoningen: 'ja',
  'ruimte-50-personen': 'ja',
  galerij: 'ja',
  'galerij-vrije-breedte': 110,
  'bmi-certificaat-geldig-tot': '2026-01-31',
  'ontruimingsalarm-certificaat-geldig-tot': '2025-12-31',
  blustoestellen: 'ja',
  'blustoestellen-gecontroleerd-op': '2024-11-15',
};
const context: ScoreContext = { inspectionDate: '2025-03-01', nextRoundDate: '2025-09-01' };

function score(overrides: Record<string, PlainValue> = {}, ctx = context, extra: AnswerSet = {}) {
  const answers = { ...answerSetFor(template, { ...compliant, ...overrides }), ...extra };
  const scored = scoreInspection(template, answers, ctx);
  if (scored.module !== 'brandveiligheidsronde') throw new Error('wrong module');
  return scored as typeof scored & { result: BrandveiligheidResult };
}

describe('brandveiligheidsronde', () => {
  it('is 100% compliant without deviations when every check is in order', () => {
    const { result } = score();
    expect(result).toMatchObject({ compliancePercent: 100, deviations: [], unansweredChecks: [] });
    expect(result.assessed).toBe(21);
  });

  it('computes compliance over the applicable checks only', () => {
    const { result } = score({ ontruimingsplan: 'nvt', 'vluchtroutes-vrij': 'nee' });
    expect(result.assessed).toBe(20);
    expect(result.compliant).toBe(19);
    expect(result.compliancePercent).toBe(95);
  });

  it('does not apply care-building, 20 m and gallery checks where they do not apply', () => {
    const { result } = score({
      'hoogste-vloer': 20,
      zorgwoningen: 'nee',
      galerij: 'nee',
      'ruimte-50-personen': 'nee',
    });
    // 11 ja/nee checks plus the extinguisher date.
    expect(result.assessed).toBe(12);
  });

  it.each<[string, Record<string, PlainValue>, string, string, string]>([
    [
      'wedged fire doors are direct gevaar, due today',
      { 'deuren-niet-vastgezet': 'nee' },
      'deuren-niet-vastgezet',
      'direct-gevaar',
      '2025-03-01',
    ],
    [
      'charging scooters in the escape route are direct gevaar',
      { scootmobielen: 'nee' },
      'scootmobielen',
      'direct-gevaar',
      '2025-03-01',
    ],
    [
      'missing smoke alarms are ernstig, due in 30 days',
      { 'rookmelders-verdiepingen': 'nee' },
      'rookmelders-verdiepingen',
      'ernstig',
      '2025-03-31',
    ],
    [
      'a gallery of 84 cm is ernstig',
      { 'galerij-vrije-breedte': 84 },
      'galerij-vrije-breedte',
      'ernstig',
      '2025-03-31',
    ],
    [
      'no brandweerlift above 20 m is ernstig',
      { brandweerlift: 'nee' },
      'brandweerlift',
      'ernstig',
      '2025-03-31',
    ],
    [
      'no evacuation plan is gering, due at the next round',
      { ontruimingsplan: 'nee' },
      'ontruimingsplan',
      'gering',
      '2025-09-01',
    ],
    [
      'a BMI certificate expired the day before is ernstig',
      { 'bmi-certificaat-geldig-tot': '2025-02-28' },
      'bmi-certificaat-geldig-tot',
      'ernstig',
      '2025-03-31',
    ],
    [
      'extinguishers last checked more than 12 months ago are ernstig',
      { 'blustoestellen-gecontroleerd-op': '2024-02-29' },
      'blustoestellen-gecontroleerd-op',
      'ernstig',
      '2025-03-31',
    ],
  ])('%s', (_name, overrides, questionId, severity, dueDate) => {
    const { result } = score(overrides);
    expect(result.deviations).toHaveLength(1);
    expect(result.deviations[0]).toMatchObject({ questionId, severity, dueDate });
    expect(result.deviations[0]?.action.length).toBeGreaterThan(10);
  });

  it.each<[string, Record<string, PlainValue>]>([
    ['a gallery of exactly 85 cm', { 'galerij-vrije-breedte': 85 }],
    [
      'a certificate valid until the inspection day',
      { 'bmi-certificaat-geldig-tot': '2025-03-01' },
    ],
    [
      'extinguishers checked exactly 12 months ago',
      { 'blustoestellen-gecontroleerd-op': '2024-03-01' },
    ],
  ])('accepts %s', (_name, overrides) => {
    expect(score(overrides).result.deviations).toEqual([]);
  });

  it('falls back to 3 months for gering without a next round', () => {
    const { result } = score({ ontruimingsplan: 'nee' }, { inspectionDate: '2025-03-01' });
    expect(result.deviations[0]?.dueDate).toBe('2025-06-01');
  });

  it('orders deviations from direct gevaar to gering and flags missing photos', () => {
    const { result } = score({
      ontruimingsplan: 'nee',
      'rookmelders-werken': 'nee',
      'vluchtroutes-vrij': 'nee',
    });
    expect(result.deviations.map((d) => d.severity)).toEqual([
      'direct-gevaar',
      'ernstig',
      'gering',
    ]);
    expect(result.deviations.every((d) => d.photoMissing)).toBe(true);
  });

  it('clears the photo flag once the deviation has a photo', () => {
    const base = answerSetFor(template, { ...compliant, 'vluchtroutes-vrij': 'nee' });
    const { result } = score({}, context, {
      'vluchtroutes-vrij': { ...base['vluchtroutes-vrij']!, photoIds: ['b'.repeat(64)] },
    });
    expect(result.deviations).toMatchObject([
      { questionId: 'vluchtroutes-vrij', photoMissing: false },
    ]);
  });

  it('lists unanswered checks and explains them as not answered, outside the percentage', () => {
    const rest = Object.fromEntries(
      Object.entries(compliant).filter(([id]) => id !== 'noodverlichting'),
    );
    const answers = answerSetFor(template, rest);
    const scored = scoreInspection(template, answers, context);
    if (scored.module !== 'brandveiligheidsronde') throw new Error('wrong module');
    expect(scored.result.unansweredChecks).toEqual(['noodverlichting']);
    expect(scored.result.compliancePercent).toBe(100);
    const line = scored.explanation.find((entry) => entry.answersUsed[0] === 'noodverlichting');
    expect(line).toMatchObject({ outcome: 'warn' });
    expect(line?.detail).toContain('niet beantwoord');
  });

  it('computes no due dates but still scores when the inspection date is invalid', () => {
    const { result, explanation } = score(
      { 'rookmelders-werken': 'nee' },
      { inspectionDate: 'morgen' },
    );
    expect(result.deviations[0]?.dueDate).toBeNull();
    expect(explanation.some((entry) => entry.detail.includes('Geen geldige inspectiedatum'))).toBe(
      true,
    );
  });

  it('has no percentage when nothing is answered', () => {
    const scored = scoreInspection(template, {}, context);
    if (scored.module !== 'brandveiligheidsronde') throw new Error('wrong module');
    expect(scored.result.compliancePercent).toBeNull();
  });
});
