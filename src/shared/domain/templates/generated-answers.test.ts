import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears } from '../iso-date.ts';
import type { EnergyLabelRecord } from '../energy-label.ts';
import { energyLabelClasses } from '../energy-label.ts';
import { ExplanationEntrySchema } from '../scoring/explanation.ts';
import { scoreInspection, type ScoreContext } from '../scoring/index.ts';
import type { Answer, AnswerSet, AnswerValue } from './answer.ts';
import {
  inspectionProgress,
  isQuestionVisible,
  missingRequired,
  visibleAnswers,
} from './evaluate.ts';
import { allTemplates } from './registry.ts';
import { templateQuestions, type Question, type Template } from './template-schema.ts';

// Property tests over answer sets generated from each template's own question types: random
// subsets, out-of-range numbers, wrong units, answers of the wrong type, copied answers.

const isoDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2040-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString().slice(0, 10));
const photoId = fc.stringMatching(/^[0-9a-f]{64}$/);

const anyValue: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.record({
    type: fc.constant('ja-nee' as const),
    value: fc.constantFrom('ja' as const, 'nee' as const, 'nvt' as const),
  }),
  fc.record({ type: fc.constant('single-choice' as const), value: fc.string({ minLength: 1 }) }),
  fc.record({
    type: fc.constant('multi-choice' as const),
    value: fc.array(fc.string({ minLength: 1 })),
  }),
  fc.record({
    type: fc.constant('number' as const),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
  }),
  fc.record({
    type: fc.constant('measurement' as const),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
    unit: fc.constantFrom('cm' as const, 'm' as const, 'm2' as const),
  }),
  fc.record({ type: fc.constant('date' as const), value: isoDate }),
  fc.record({ type: fc.constant('text' as const), value: fc.string() }),
  fc.record({ type: fc.constant('photo' as const), value: fc.array(photoId, { maxLength: 3 }) }),
);

function number(question: { min: number; max: number; decimals: number }): fc.Arbitrary<number> {
  const span = question.max - question.min;
  return fc.oneof(
    // Mostly in range and on the allowed decimals, around the interesting boundaries.
    fc.integer({ min: 0, max: 1000 }).map((step) => {
      const factor = 10 ** question.decimals;
      return Math.round((question.min + (span * step) / 1000) * factor) / factor;
    }),
    fc.double({ min: question.min - span, max: question.max + span, noNaN: true }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );
}

function valueFor(question: Question): fc.Arbitrary<AnswerValue> {
  const typed = ((): fc.Arbitrary<AnswerValue> => {
    switch (question.type) {
      case 'ja-nee':
        return fc
          .constantFrom('ja' as const, 'nee' as const, 'nvt' as const)
          .map((value) => ({ type: 'ja-nee' as const, value }));
      case 'single-choice':
        return fc
          .constantFrom(...question.options.map((option) => option.id), 'onbekende-keuze')
          .map((value) => ({ type: 'single-choice' as const, value }));
      case 'multi-choice':
        return fc
          .subarray(question.options.map((option) => option.id))
          .map((value) => ({ type: 'multi-choice' as const, value }));
      case 'number':
        return number(question).map((value) => ({ type: 'number' as const, value }));
      case 'measurement':
        return fc
          .tuple(
            number(question),
            fc.constantFrom(
              question.unit,
              question.unit,
              question.unit,
              'cm' as const,
              'm2' as const,
            ),
          )
          .map(([value, unit]) => ({ type: 'measurement' as const, value, unit }));
      case 'date':
        return isoDate.map((value) => ({ type: 'date' as const, value }));
      case 'text':
        return fc.string({ maxLength: 80 }).map((value) => ({ type: 'text' as const, value }));
      case 'photo':
        return fc
          .array(photoId, { maxLength: 3 })
          .map((value) => ({ type: 'photo' as const, value }));
    }
  })();
  return fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: anyValue, weight: 1 });
}

function answerFor(question: Question): fc.Arbitrary<Answer> {
  return fc
    .record({
      value: valueFor(question),
      photoIds: fc.option(fc.array(photoId, { maxLength: 2 }), { nil: undefined }),
      unconfirmed: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map(({ value, photoIds, unconfirmed }) => ({
      questionId: question.id,
      value,
      answeredAt: '2025-03-01T10:00:00Z',
      ...(photoIds === undefined ? {} : { photoIds }),
      ...(unconfirmed === undefined
        ? {}
        : {
            carriedForwardFrom: {
              inspectionId: '0190c2a0-0000-7000-8000-000000000001',
              unconfirmed,
            },
          }),
    }));
}

function answerSets(template: Template): fc.Arbitrary<AnswerSet> {
  const entries = templateQuestions(template).map((question) =>
    fc.option(answerFor(question), { nil: undefined, freq: 3 }),
  );
  return fc.tuple(...entries).map((answers) => {
    const set: Record<string, Answer> = {};
    for (const answer of answers) if (answer) set[answer.questionId] = answer;
    return set;
  });
}

const labelRecord: fc.Arbitrary<EnergyLabelRecord> = fc
  .record({
    labelClass: fc.constantFrom(...energyLabelClasses),
    registered: isoDate,
    years: fc.integer({ min: 0, max: 10 }),
  })
  .map(({ labelClass, registered, years }) => ({
    class: labelClass,
    registrationDate: registered,
    recordingDate: registered,
    validUntil: addYears(registered, years),
    method: 'NTA8800',
    source: 'ep-online',
  }));

const context: fc.Arbitrary<ScoreContext> = fc.record(
  {
    inspectionDate: isoDate,
    nextRoundDate: isoDate,
    labelRecords: fc.array(labelRecord, { maxLength: 3 }),
  },
  { requiredKeys: ['inspectionDate'] },
);

describe.each(
  allTemplates.map((template) => [`${template.id} v${template.version}`, template] as const),
)('generated answers for %s', (_name, template) => {
  const questionIds = new Set(templateQuestions(template).map((question) => question.id));

  it('scoring never throws on any well-typed answer set and always explains itself', () => {
    fc.assert(
      fc.property(answerSets(template), context, (answers, ctx) => {
        const score = scoreInspection(template, answers, ctx);
        expect(score.module).toBe(template.id);
        expect(score.templateVersion).toBe(template.version);
        expect(score.explanation.length).toBeGreaterThan(0);
        for (const entry of score.explanation) {
          expect(ExplanationEntrySchema.safeParse(entry).success).toBe(true);
          expect(entry.rule.source.trim().length).toBeGreaterThan(0);
          expect(entry.detail).not.toMatch(/undefined|NaN|\[object|[^.]\.\.$/);
          for (const id of entry.answersUsed) expect(questionIds).toContain(id);
        }
        expect(score.unanswered).toEqual(missingRequired(template, answers));
        expect(() => JSON.stringify(score)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('keeps only answers to visible questions, idempotently', () => {
    fc.assert(
      fc.property(answerSets(template), (answers) => {
        const effective = visibleAnswers(template, answers);
        expect(visibleAnswers(template, effective)).toEqual(effective);
        for (const question of templateQuestions(template)) {
          if (question.visibleWhen === undefined)
            expect(isQuestionVisible(question, effective)).toBe(true);
          if (effective[question.id] !== undefined)
            expect(isQuestionVisible(question, effective)).toBe(true);
        }
      }),
    );
  });

  it('never lets an answer change the visibility of earlier questions', () => {
    const questions = templateQuestions(template);
    fc.assert(
      fc.property(
        answerSets(template),
        answerSets(template),
        fc.nat(questions.length - 1),
        (a, b, index) => {
          const changed = questions[index]!.id;
          const swapped: Partial<Record<string, Answer>> = { ...a };
          if (b[changed]) swapped[changed] = b[changed]!;
          else delete swapped[changed];
          const before = visibleAnswers(template, a);
          const after = visibleAnswers(template, swapped);
          for (const question of questions.slice(0, index + 1))
            expect(isQuestionVisible(question, after)).toBe(isQuestionVisible(question, before));
        },
      ),
    );
  });

  it('reports progress that is complete exactly when nothing required is missing', () => {
    fc.assert(
      fc.property(answerSets(template), (answers) => {
        const progress = inspectionProgress(template, answers);
        expect(progress.answered).toBeLessThanOrEqual(progress.required);
        expect(progress.required - progress.answered).toBe(
          missingRequired(template, answers).length,
        );
        expect(progress.percent === 100).toBe(missingRequired(template, answers).length === 0);
      }),
    );
  });
});
