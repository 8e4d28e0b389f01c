import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerSet, AnswerValue } from './answer.ts';
import { ConditionSchema, evaluateCondition, type Condition } from './condition.ts';

const at = '2025-01-01T09:00:00Z';
function set(values: Record<string, AnswerValue>): AnswerSet {
  return Object.fromEntries(
    Object.entries(values).map(([questionId, value]) => [
      questionId,
      { questionId, value, answeredAt: at },
    ]),
  );
}

const answers = set({
  lift: { type: 'ja-nee', value: 'nee' },
  hoogte: { type: 'measurement', value: 12.5, unit: 'm' },
  daktype: { type: 'single-choice', value: 'plat' },
  ruimten: { type: 'multi-choice', value: ['keuken', 'toilet'] },
  foto: { type: 'photo', value: [] },
});

describe('evaluateCondition', () => {
  it.each<[string, Condition, boolean]>([
    ['equals matches a ja/nee answer', { op: 'equals', question: 'lift', value: 'nee' }, true],
    [
      'equals does not match another answer',
      { op: 'equals', question: 'lift', value: 'ja' },
      false,
    ],
    [
      'notEquals is true for a different answer',
      { op: 'notEquals', question: 'lift', value: 'ja' },
      true,
    ],
    [
      'notEquals is false for an unanswered question',
      { op: 'notEquals', question: 'nergens', value: 'ja' },
      false,
    ],
    [
      'in matches one of several choices',
      { op: 'in', question: 'daktype', values: ['zadeldak', 'plat'] },
      true,
    ],
    [
      'equals on a multi-choice means the option is selected',
      { op: 'equals', question: 'ruimten', value: 'keuken' },
      true,
    ],
    [
      'notEquals on a multi-choice means the option is not selected',
      { op: 'notEquals', question: 'ruimten', value: 'slaapkamer' },
      true,
    ],
    [
      'in on a multi-choice means any option is selected',
      { op: 'in', question: 'ruimten', values: ['slaapkamer', 'toilet'] },
      true,
    ],
    [
      'greaterThan is strict at the boundary',
      { op: 'greaterThan', question: 'hoogte', value: 12.5 },
      false,
    ],
    ['atLeast includes the boundary', { op: 'atLeast', question: 'hoogte', value: 12.5 }, true],
    [
      'lessThan is strict at the boundary',
      { op: 'lessThan', question: 'hoogte', value: 12.5 },
      false,
    ],
    ['atMost includes the boundary', { op: 'atMost', question: 'hoogte', value: 12.5 }, true],
    [
      'a numeric comparison on a choice is false',
      { op: 'greaterThan', question: 'daktype', value: 0 },
      false,
    ],
    ['answered is true for any answer', { op: 'answered', question: 'foto' }, true],
    ['answered is false without an answer', { op: 'answered', question: 'nergens' }, false],
    [
      'all needs every part',
      {
        all: [
          { op: 'answered', question: 'lift' },
          { op: 'equals', question: 'lift', value: 'ja' },
        ],
      },
      false,
    ],
    [
      'any needs one part',
      {
        any: [
          { op: 'answered', question: 'nergens' },
          { op: 'equals', question: 'lift', value: 'nee' },
        ],
      },
      true,
    ],
    ['not inverts', { not: { op: 'equals', question: 'lift', value: 'nee' } }, false],
  ])('%s', (_name, condition, expected) => {
    expect(ConditionSchema.parse(condition)).toEqual(condition);
    expect(evaluateCondition(condition, answers)).toBe(expected);
  });

  it('reads the question itself when a leaf names no question', () => {
    expect(evaluateCondition({ op: 'equals', value: 'nee' }, answers, 'lift')).toBe(true);
    expect(evaluateCondition({ op: 'equals', value: 'nee' }, answers, 'daktype')).toBe(false);
    expect(evaluateCondition({ op: 'answered' }, answers)).toBe(false);
  });

  it('rejects a condition with an unknown operator', () => {
    expect(ConditionSchema.safeParse({ op: 'contains', question: 'x', value: 1 }).success).toBe(
      false,
    );
    expect(ConditionSchema.safeParse({ all: [] }).success).toBe(false);
  });

  const leaf: fc.Arbitrary<Condition> = fc.oneof(
    fc.record({
      op: fc.constantFrom('equals' as const, 'notEquals' as const),
      question: fc.constantFrom('lift', 'daktype', 'ruimten', 'x'),
      value: fc.constantFrom<string | number>('ja', 'nee', 'plat', 'keuken', 12.5),
    }),
    fc.record({
      op: fc.constantFrom(
        'greaterThan' as const,
        'lessThan' as const,
        'atLeast' as const,
        'atMost' as const,
      ),
      question: fc.constantFrom('hoogte', 'lift'),
      value: fc.double({ min: 0, max: 30, noNaN: true }),
    }),
    fc.record({
      op: fc.constant('answered' as const),
      question: fc.constantFrom('lift', 'x', 'foto'),
    }),
  );
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.record({ all: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('condition'), { minLength: 1, maxLength: 3 }) }),
      fc.record({ not: tie('condition') }),
    ),
  }));

  it('follows boolean logic: not, De Morgan and single-member all/any', () => {
    fc.assert(
      fc.property(condition, condition, (a, b) => {
        const value = (c: Condition) => evaluateCondition(c, answers);
        expect(value({ not: a })).toBe(!value(a));
        expect(value({ all: [a] })).toBe(value(a));
        expect(value({ any: [a] })).toBe(value(a));
        expect(value({ not: { all: [a, b] } })).toBe(value({ any: [{ not: a }, { not: b }] }));
        expect(value({ all: [a, b] })).toBe(value(a) && value(b));
      }),
    );
  });

  it('never throws and always parses as a condition', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(ConditionSchema.safeParse(c).success).toBe(true);
        expect(typeof evaluateCondition(c, answers)).toBe('boolean');
      }),
    );
  });
});
