import { JaNeeSchema, type Answer, type AnswerSet, type AnswerValue } from './answer.ts';
import { findQuestion, type Question, type Template } from './template-schema.ts';

// Builds typed answers from plain values, using the question's type and unit: 'ja' for a
// ja/nee question, 2.45 for a measurement in m, ['keuken'] for a multi-choice. For fixtures,
// demo data and tests; the form builds AnswerValues itself.

export type PlainValue = string | number | readonly string[];

export function answerValueFor(question: Question, plain: PlainValue): AnswerValue {
  switch (question.type) {
    case 'ja-nee': {
      const parsed = JaNeeSchema.safeParse(plain);
      if (!parsed.success)
        throw new Error(`'${String(plain)}' is geen ja, nee of nvt (${question.id}).`);
      return { type: 'ja-nee', value: parsed.data };
    }
    case 'single-choice':
      return { type: 'single-choice', value: String(plain) };
    case 'multi-choice':
      return { type: 'multi-choice', value: Array.isArray(plain) ? [...plain] : [String(plain)] };
    case 'number':
      return { type: 'number', value: Number(plain) };
    case 'measurement':
      return { type: 'measurement', value: Number(plain), unit: question.unit };
    case 'date':
      return { type: 'date', value: String(plain) };
    case 'text':
      return { type: 'text', value: String(plain) };
    case 'photo':
      return { type: 'photo', value: Array.isArray(plain) ? [...plain] : [String(plain)] };
  }
}

/** An answer set for a template from { questionId: plain value }; throws on an unknown question id. */
export function answerSetFor(
  template: Template,
  values: Readonly<Record<string, PlainValue>>,
  answeredAt = '2025-01-01T09:00:00Z',
): AnswerSet {
  const answers: Record<string, Answer> = {};
  for (const [questionId, plain] of Object.entries(values)) {
    const question = findQuestion(template, questionId);
    if (!question)
      throw new Error(`Vraag '${questionId}' bestaat niet in ${template.id} v${template.version}.`);
    answers[questionId] = { questionId, value: answerValueFor(question, plain), answeredAt };
  }
  return answers;
}
