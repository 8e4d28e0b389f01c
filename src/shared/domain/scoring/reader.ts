import type { JaNee } from '../templates/answer.ts';
import type { AnswerSet } from '../templates/answer.ts';
import { isUnconfirmed } from '../templates/answer.ts';
import { validateAnswer, visibleAnswers } from '../templates/evaluate.ts';
import { formatAnswer } from '../templates/format.ts';
import { findQuestion, type Question, type Template } from '../templates/template-schema.ts';

// Typed, forgiving access to answers for scoring: a value is only returned when the question
// exists in this template version, is visible, and its answer is valid. Anything else is a
// reason the scorer must state ("niet beantwoord", "ongeldig"), never an exception.

export type AnswerStatus = 'answered' | 'unanswered' | 'invalid' | 'hidden' | 'absent';

export interface AnswerReader {
  readonly template: Template;
  status(id: string): AnswerStatus;
  question(id: string): Question | undefined;
  jaNee(id: string): JaNee | undefined;
  choice(id: string): string | undefined;
  choices(id: string): string[] | undefined;
  /** The value of a number or measurement answer, in the question's unit. */
  number(id: string): number | undefined;
  date(id: string): string | undefined;
  /** "Label: antwoord", or "Label: niet beantwoord / ongeldig (reden)". */
  describe(id: string): string;
  label(id: string): string;
  /** Ids of answered questions whose answer was carried forward and is not confirmed. */
  unconfirmedUsed(): string[];
}

export function createReader(template: Template, answers: AnswerSet): AnswerReader {
  const effective = visibleAnswers(template, answers);
  const status = (id: string): AnswerStatus => {
    const question = findQuestion(template, id);
    if (!question) return 'absent';
    const answer = effective[id];
    if (answer === undefined) return answers[id] === undefined ? 'unanswered' : 'hidden';
    return validateAnswer(question, answer.value).length === 0 ? 'answered' : 'invalid';
  };
  const value = (id: string) => (status(id) === 'answered' ? effective[id]?.value : undefined);
  const label = (id: string) => findQuestion(template, id)?.label.nl ?? id;
  // "Daktype: plat dak" but "Is er een lift? nee".
  const said = (id: string) => {
    const text = label(id);
    return text.endsWith('?') ? text : `${text}:`;
  };
  return {
    template,
    status,
    question: (id) => findQuestion(template, id),
    jaNee: (id) => {
      const v = value(id);
      return v?.type === 'ja-nee' ? v.value : undefined;
    },
    choice: (id) => {
      const v = value(id);
      return v?.type === 'single-choice' ? v.value : undefined;
    },
    choices: (id) => {
      const v = value(id);
      return v?.type === 'multi-choice' ? [...v.value] : undefined;
    },
    number: (id) => {
      const v = value(id);
      return v?.type === 'number' || v?.type === 'measurement' ? v.value : undefined;
    },
    date: (id) => {
      const v = value(id);
      return v?.type === 'date' ? v.value : undefined;
    },
    label,
    describe: (id) => {
      const question = findQuestion(template, id);
      const answer = effective[id];
      switch (status(id)) {
        case 'answered':
          return question && answer
            ? `${said(id)} ${formatAnswer(question, answer.value)}`
            : label(id);
        case 'invalid': {
          const problems = question && answer ? validateAnswer(question, answer.value) : [];
          return `${said(id)} ongeldig antwoord (${problems.join(' ')})`;
        }
        case 'absent':
          return `${id}: komt in deze versie van de template niet voor`;
        case 'hidden':
        case 'unanswered':
          return `${said(id)} niet beantwoord`;
      }
    },
    unconfirmedUsed: () =>
      Object.keys(effective).filter(
        (id) => status(id) === 'answered' && isUnconfirmed(effective[id]),
      ),
  };
}
