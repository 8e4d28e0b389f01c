// NEN 2767 rating words for screens and reports: one list, so the form and the PDF never differ.
import { conditionScore } from '../../../shared/domain/nen2767.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';

export const ernstKeys: Readonly<Record<string, MessageKey>> = {
  ernstig: 'nen.ernst.ernstig',
  serieus: 'nen.ernst.serieus',
  gering: 'nen.ernst.gering',
};
export const intensiteitKeys: readonly MessageKey[] = [
  'nen.intensiteit.1',
  'nen.intensiteit.2',
  'nen.intensiteit.3',
];
export const omvangKeys: readonly MessageKey[] = [
  'nen.omvang.1',
  'nen.omvang.2',
  'nen.omvang.3',
  'nen.omvang.4',
  'nen.omvang.5',
];
const scoreKeys: readonly MessageKey[] = [
  'nen.score.1',
  'nen.score.2',
  'nen.score.3',
  'nen.score.4',
  'nen.score.5',
  'nen.score.6',
];

/** The NEN 2767 condition score of a rating, in words ("4 — matig"). */
export function conditionText(rating: Parameters<typeof conditionScore>[0]): string {
  const score = conditionScore(rating);
  return t('nen.scoreText', { score, label: t(scoreKeys[score - 1]!) });
}
