import type { AnswerValue, JaNee } from './answer.ts';
import type { Question } from './template-schema.ts';

// Dutch formatting for messages and explanations (domain text, decimal comma).

export function formatNumber(value: number, maxDecimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(value * factor) / factor;
  return String(rounded).replace('.', ',');
}

export function formatUnit(unit: string): string {
  return unit === 'm2' ? 'm²' : unit;
}

export function formatQuantity(value: number, unit?: string): string {
  return unit ? `${formatNumber(value)} ${formatUnit(unit)}` : formatNumber(value);
}

const jaNeeText: Readonly<Record<JaNee, string>> = { ja: 'ja', nee: 'nee', nvt: 'n.v.t.' };

/** 'YYYY-MM-DD' as the Dutch 'DD-MM-YYYY'. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return year && month && day ? `${day}-${month}-${year}` : isoDate;
}

function optionLabel(question: Question, optionId: string): string {
  if (question.type !== 'single-choice' && question.type !== 'multi-choice') return optionId;
  return question.options.find((option) => option.id === optionId)?.label.nl ?? optionId;
}

/** An answer as a short Dutch phrase for explanations ("ja", "2,45 m", "HR++-glas"). */
export function formatAnswer(question: Question, value: AnswerValue): string {
  switch (value.type) {
    case 'ja-nee':
      return jaNeeText[value.value];
    case 'single-choice':
      return optionLabel(question, value.value);
    case 'multi-choice':
      return value.value.length === 0
        ? 'geen'
        : value.value.map((id) => optionLabel(question, id)).join(', ');
    case 'number':
      return formatQuantity(value.value, question.type === 'number' ? question.unit : undefined);
    case 'measurement':
      return formatQuantity(value.value, value.unit);
    case 'date':
      return formatDate(value.value);
    case 'text':
      return value.value.length > 60 ? `${value.value.slice(0, 57)}...` : value.value;
    case 'photo':
      return value.value.length === 1 ? '1 foto' : `${value.value.length} foto's`;
  }
}

/** Ends a phrase with a full stop unless it already ends with punctuation ("n.v.t.", "?"). */
export function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}
