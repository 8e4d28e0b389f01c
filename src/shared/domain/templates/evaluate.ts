import { IsoDateSchema } from '../iso-date.ts';
import { isUnconfirmed, type Answer, type AnswerSet, type AnswerValue } from './answer.ts';
import { evaluateCondition } from './condition.ts';
import { formatQuantity, formatUnit } from './format.ts';
import { templateQuestions, type Question, type Template } from './template-schema.ts';

// One generic evaluator for every template: visibility, validation, progress, photo rules.

const typeNames: Readonly<Record<AnswerValue['type'], string>> = {
  'ja-nee': 'ja/nee',
  'single-choice': 'één keuze',
  'multi-choice': 'meerdere keuzes',
  number: 'getal',
  measurement: 'maat',
  date: 'datum',
  text: 'tekst',
  photo: "foto's",
};

/**
 * Whether a question is shown, given the answers. Pass the answers from `visibleAnswers` so a
 * stale answer to a hidden question does not keep its dependants visible.
 */
export function isQuestionVisible(question: Question, answers: AnswerSet): boolean {
  return question.visibleWhen === undefined || evaluateCondition(question.visibleWhen, answers);
}

/**
 * The answers that count: answers to hidden questions are dropped (but stay stored, so toggling
 * back restores them). One pass suffices because visibleWhen only reads earlier questions.
 */
export function visibleAnswers(template: Template, answers: AnswerSet): AnswerSet {
  const effective: Record<string, Answer> = {};
  for (const question of templateQuestions(template)) {
    const answer = answers[question.id];
    if (answer !== undefined && isQuestionVisible(question, effective))
      effective[question.id] = answer;
  }
  return effective;
}

function hasDecimalsAtMost(value: number, decimals: number): boolean {
  const factor = 10 ** decimals;
  return Math.abs(Math.round(value * factor) / factor - value) < 1e-9;
}

function rangeProblems(
  value: number,
  question: { min: number; max: number; decimals: number },
  unit?: string,
): string[] {
  const problems: string[] = [];
  if (value < question.min || value > question.max)
    problems.push(
      `Waarde ${formatQuantity(value, unit)} ligt buiten het bereik ${formatQuantity(question.min)}–${formatQuantity(question.max, unit)}.`,
    );
  if (!hasDecimalsAtMost(value, question.decimals))
    problems.push(
      question.decimals === 0
        ? `Waarde ${formatQuantity(value, unit)} moet een geheel getal zijn.`
        : `Waarde ${formatQuantity(value, unit)} heeft te veel decimalen (hoogstens ${question.decimals}).`,
    );
  return problems;
}

/** What is wrong with a value for a question, in Dutch; empty when the value is valid. */
export function validateAnswer(question: Question, value: AnswerValue): string[] {
  if (value.type !== question.type)
    return [
      `Antwoord heeft het verkeerde soort: verwacht ${typeNames[question.type]}, ontvangen ${typeNames[value.type]}.`,
    ];
  switch (value.type) {
    case 'ja-nee':
      return value.value === 'nvt' && question.type === 'ja-nee' && !question.allowNvt
        ? ['N.v.t. is bij deze vraag niet toegestaan: kies ja of nee.']
        : [];
    case 'single-choice':
    case 'multi-choice': {
      if (question.type !== 'single-choice' && question.type !== 'multi-choice') return [];
      const known = new Set(question.options.map((option) => option.id));
      const chosen = value.type === 'single-choice' ? [value.value] : value.value;
      const problems = chosen
        .filter((id) => !known.has(id))
        .map((id) => `Keuze '${id}' bestaat niet bij deze vraag.`);
      if (new Set(chosen).size !== chosen.length) problems.push('Een keuze staat er dubbel in.');
      return problems;
    }
    case 'number':
      if (!Number.isFinite(value.value)) return ['Vul een getal in.'];
      return question.type === 'number' ? rangeProblems(value.value, question, question.unit) : [];
    case 'measurement':
      if (question.type !== 'measurement') return [];
      if (!Number.isFinite(value.value)) return ['Vul een getal in.'];
      if (value.unit !== question.unit)
        return [
          `Eenheid ${formatUnit(value.unit)} past niet: deze maat wordt in ${formatUnit(question.unit)} gevraagd.`,
        ];
      return rangeProblems(value.value, question, question.unit);
    case 'date':
      return IsoDateSchema.safeParse(value.value).success
        ? []
        : [`Datum '${value.value}' is ongeldig: verwacht JJJJ-MM-DD.`];
    case 'text': {
      if (question.type !== 'text') return [];
      const problems: string[] = [];
      if (value.value.trim() === '') problems.push('De tekst is leeg.');
      if (value.value.length > question.maxLength)
        problems.push(`De tekst is te lang: hoogstens ${question.maxLength} tekens.`);
      return problems;
    }
    case 'photo': {
      if (question.type !== 'photo') return [];
      const problems: string[] = [];
      if (value.value.length === 0) problems.push('Er is geen foto toegevoegd.');
      if (value.value.length > question.maxPhotos)
        problems.push(`Te veel foto's: hoogstens ${question.maxPhotos}.`);
      return problems;
    }
  }
}

/** True when the answer exists, is valid for the question and (if copied) has been confirmed. */
function countsAsAnswered(question: Question, answer: Answer | undefined): boolean {
  return (
    answer !== undefined &&
    !isUnconfirmed(answer) &&
    validateAnswer(question, answer.value).length === 0
  );
}

export interface QuestionState {
  question: Question;
  visible: boolean;
  answer: Answer | undefined;
  /** Validation problems of the stored answer (empty when unanswered or valid). */
  problems: string[];
  /** The answer was carried forward and still awaits confirmation. */
  unconfirmed: boolean;
  /** The answer makes a photo mandatory and none is attached yet. */
  photoMissing: boolean;
}

/** The state of every question in template order, in one pass (what a form screen renders). */
export function questionStates(template: Template, answers: AnswerSet): QuestionState[] {
  const effective = visibleAnswers(template, answers);
  return templateQuestions(template).map((question) => {
    const visible = isQuestionVisible(question, effective);
    const answer = answers[question.id];
    return {
      question,
      visible,
      answer,
      problems: answer === undefined ? [] : validateAnswer(question, answer.value),
      unconfirmed: isUnconfirmed(answer),
      photoMissing: visible && photoRequired(question, effective) && !hasPhotos(answer),
    };
  });
}

function photoRequired(question: Question, effective: AnswerSet): boolean {
  return (
    question.photoRequiredWhen !== undefined &&
    evaluateCondition(question.photoRequiredWhen, effective, question.id)
  );
}

function hasPhotos(answer: Answer | undefined): boolean {
  return (answer?.photoIds?.length ?? 0) > 0;
}

export interface InspectionProgress {
  /** Required visible questions with a valid, confirmed answer. */
  answered: number;
  /** Required visible questions. */
  required: number;
  /** Carried-forward answers still awaiting confirmation (any visible question). */
  unconfirmed: number;
  /** 0-100, rounded down so 100 means really complete. */
  percent: number;
}

export function inspectionProgress(template: Template, answers: AnswerSet): InspectionProgress {
  const states = questionStates(template, answers).filter((state) => state.visible);
  const required = states.filter((state) => state.question.required);
  const answered = required.filter((state) => countsAsAnswered(state.question, state.answer));
  return {
    answered: answered.length,
    required: required.length,
    unconfirmed: states.filter((state) => state.unconfirmed).length,
    percent: required.length === 0 ? 100 : Math.floor((answered.length / required.length) * 100),
  };
}

/** Ids of required visible questions without a valid, confirmed answer, in template order. */
export function missingRequired(template: Template, answers: AnswerSet): string[] {
  return questionStates(template, answers)
    .filter(
      (state) =>
        state.visible && state.question.required && !countsAsAnswered(state.question, state.answer),
    )
    .map((state) => state.question.id);
}

/** Ids of visible questions whose answer requires a photo that is not attached. */
export function photoRequirementsUnmet(template: Template, answers: AnswerSet): string[] {
  return questionStates(template, answers)
    .filter((state) => state.photoMissing)
    .map((state) => state.question.id);
}
