import type { AnswerValue, JaNee } from '../answer.ts';
import { formatAnswer, formatDate, formatUnit } from '../format.ts';
import type { Question } from '../template-schema.ts';
import { localizeText, type TemplateCatalogue, type TemplateLocale } from './localize.ts';

// formatAnswer() words an answer in Dutch for the domain's own explanations; this is its
// counterpart for screens and reports in the reader's language. Dutch delegates to formatAnswer
// so both stay identical there.

const jaNeeEn: Readonly<Record<JaNee, string>> = { ja: 'yes', nee: 'no', nvt: 'n/a' };

function numberEn(value: number, unit?: string): string {
  const rounded = Number.isFinite(value) ? Math.round(value * 100) / 100 : value;
  return unit ? `${String(rounded)} ${formatUnit(unit)}` : String(rounded);
}

function optionText(
  question: Question,
  optionId: string,
  catalogue: TemplateCatalogue | undefined,
): string {
  if (question.type !== 'single-choice' && question.type !== 'multi-choice') return optionId;
  const option = question.options.find((candidate) => candidate.id === optionId);
  return option ? localizeText(option.label, 'en', catalogue) : optionId;
}

/** An answer as a short phrase in `locale` ("no", "2.45 m", "HR++ glazing"). */
export function formatAnswerIn(
  question: Question,
  value: AnswerValue,
  locale: TemplateLocale,
  catalogue: TemplateCatalogue | undefined,
): string {
  if (locale === 'nl') return formatAnswer(question, value);
  switch (value.type) {
    case 'ja-nee':
      return jaNeeEn[value.value];
    case 'single-choice':
      return optionText(question, value.value, catalogue);
    case 'multi-choice':
      return value.value.length === 0
        ? 'none'
        : value.value.map((id) => optionText(question, id, catalogue)).join(', ');
    case 'number':
      return numberEn(value.value, question.type === 'number' ? question.unit : undefined);
    case 'measurement':
      return numberEn(value.value, value.unit);
    case 'date':
      // Day-month-year, as on Dutch certificates and stickers the inspector copies dates from.
      return formatDate(value.value);
    case 'text':
      return value.value.length > 60 ? `${value.value.slice(0, 57)}...` : value.value;
    case 'photo':
      return value.value.length === 1 ? '1 photo' : `${value.value.length} photos`;
  }
}
