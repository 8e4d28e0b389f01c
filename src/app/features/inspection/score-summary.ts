// The review screen's headline for each module's score: one sentence, a traffic light and the
// blocking issues. Optoppen and ondertoppen have their own light (scoring/potential.ts); for
// the other modules the screen derives one so every result reads the same way at a glance:
//   splitsen       haalbaar groen, met aanpassingen oranje, niet haalbaar rood, onvolledig grijs
//   energie        no E/F/G label groen, EFG left with the proposed measures oranje, else rood
//   brandveilig    a 'direct gevaar' deviation rood, an 'ernstig' one oranje, otherwise groen
//   zorg           rolstoel-/zorggeschikt groen, nultreden/rollatorgeschikt oranje, niet rood
// A light is grijs while nothing can be judged yet.
import type { InspectionScore } from '../../../shared/domain/scoring/index.ts';
import type { DemoEnergyLabel } from '../../../shared/domain/demo-portfolio.ts';
import type { EnergyLabelRecord } from '../../../shared/domain/energy-label.ts';
import { t } from '../../i18n/i18n.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { localized } from '../common/format.ts';

export type Light = 'groen' | 'oranje' | 'rood' | 'grijs';

export interface ScoreSummary {
  light: Light;
  headline: string;
  /** Further facts of the result (indicative dwellings, adaptations...). */
  details: string[];
  /** What stands in the way (blocking issues, serious deviations, what the next level lacks). */
  blocking: string[];
  /** The result may change once missing answers are given. */
  provisional: boolean;
}

const zorgKeys: Record<string, MessageKey> = {
  'niet-geschikt': 'score.zorg.niet-geschikt',
  nultreden: 'score.zorg.nultreden',
  rollatorgeschikt: 'score.zorg.rollatorgeschikt',
  rolstoelgeschikt: 'score.zorg.rolstoelgeschikt',
  zorggeschikt: 'score.zorg.zorggeschikt',
};

const splitsenKeys: Record<string, MessageKey> = {
  haalbaar: 'score.splitsen.haalbaar',
  'haalbaar-met-aanpassingen': 'score.splitsen.haalbaar-met-aanpassingen',
  'niet-haalbaar': 'score.splitsen.niet-haalbaar',
  onvolledig: 'score.splitsen.onvolledig',
};

type Deviation = Extract<
  InspectionScore,
  { module: 'brandveiligheidsronde' }
>['result']['deviations'][number];

// Scoring copies the Dutch question label and action; both are template texts, so the template
// catalogue translates them by their Dutch wording.
function deviationText(deviation: Deviation): string {
  return `${localized({ nl: deviation.label })}: ${localized({ nl: deviation.action })}`;
}

type PotentialResult = Extract<
  InspectionScore,
  { module: 'optoppen-scan' | 'ondertoppen-scan' }
>['result'];

/** Optoppen and ondertoppen both score a potential (scoring/potential.ts) and read alike. */
function potentialSummary(
  result: PotentialResult,
  provisional: boolean,
  before: string[] = [],
  after: string[] = [],
): ScoreSummary {
  const details = [...before];
  if (result.indicativeDwellings !== null)
    details.push(t('score.dwellings', { count: result.indicativeDwellings }));
  details.push(...after, result.disclaimer);
  return {
    light: result.light,
    headline: t('score.potential', { score: result.score }),
    details,
    blocking: result.blockingIssues,
    provisional,
  };
}

export function summarizeScore(score: InspectionScore): ScoreSummary {
  const provisional = score.unanswered.length > 0;
  switch (score.module) {
    case 'optoppen-scan': {
      const { result } = score;
      const height = result.newHighestFloorM;
      return potentialSummary(
        result,
        provisional,
        [t('score.optoppen.storeys', { count: result.extraStoreys })],
        height === null
          ? []
          : [t('score.optoppen.height', { height: height.toLocaleString('nl-NL') })],
      );
    }
    case 'ondertoppen-scan':
      return potentialSummary(score.result, provisional);
    case 'splitsen-scan': {
      const { result } = score;
      const light: Light =
        result.feasibility === 'haalbaar'
          ? 'groen'
          : result.feasibility === 'haalbaar-met-aanpassingen'
            ? 'oranje'
            : result.feasibility === 'niet-haalbaar'
              ? 'rood'
              : 'grijs';
      const blocking = result.dwellings.flatMap((dwelling) =>
        dwelling.criteria
          .filter((criterion) => criterion.blocking && criterion.status === 'fail')
          .map((criterion) => criterion.detail),
      );
      return {
        light,
        headline: t(splitsenKeys[result.feasibility]!),
        details: [result.bagNote, result.disclaimer],
        blocking,
        provisional,
      };
    }
    case 'energie-opname': {
      const { result } = score;
      const label = result.registered.label;
      const light: Light =
        label === null
          ? 'grijs'
          : !result.registered.isEfg
            ? 'groen'
            : result.leavesEfg
              ? 'oranje'
              : 'rood';
      const details: string[] = [];
      if (result.indicativeAfter)
        details.push(
          t('score.energie.after', {
            from: result.indicativeAfter.from,
            to: result.indicativeAfter.to,
          }),
          result.indicativeAfter.disclaimer,
        );
      if (result.labelSeemsOutdated) details.push(t('score.energie.outdated'));
      const blocking: string[] = [];
      if (result.moisture === true) blocking.push(t('score.energie.moisture'));
      if (result.registered.isEfg && result.leavesEfg === false)
        blocking.push(t('score.energie.staysEfg'));
      return {
        light,
        headline:
          label === null
            ? t('score.energie.noLabel')
            : t(result.registered.isEfg ? 'score.energie.efg' : 'score.energie.label', { label }),
        details,
        blocking,
        provisional,
      };
    }
    case 'brandveiligheidsronde': {
      const { result } = score;
      const danger = result.deviations.filter(
        (deviation) => deviation.severity === 'direct-gevaar',
      );
      const serious = result.deviations.filter((deviation) => deviation.severity === 'ernstig');
      const light: Light =
        result.compliancePercent === null
          ? 'grijs'
          : danger.length > 0
            ? 'rood'
            : serious.length > 0
              ? 'oranje'
              : 'groen';
      return {
        light,
        headline:
          result.compliancePercent === null
            ? t('score.brand.none')
            : t('score.brand.compliance', {
                percent: result.compliancePercent,
                compliant: result.compliant,
                assessed: result.assessed,
              }),
        details: result.deviations
          .filter((deviation) => deviation.severity === 'gering')
          .map(deviationText),
        blocking: [...danger, ...serious].map(deviationText),
        provisional,
      };
    }
    case 'zorggeschiktheid': {
      const { result } = score;
      const light: Light =
        result.classification === 'zorggeschikt' || result.classification === 'rolstoelgeschikt'
          ? 'groen'
          : result.classification === 'niet-geschikt'
            ? 'rood'
            : 'oranje';
      const next = result.missingFor[0];
      return {
        light,
        headline: t(zorgKeys[result.classification]!),
        details: result.adaptations.map((adaptation) => adaptation.text),
        blocking: next
          ? next.criteria.map((criterion) =>
              t('score.zorg.missingFor', {
                level: t(zorgKeys[next.level]!).toLocaleLowerCase(),
                detail: criterion.detail,
              }),
            )
          : [],
        provisional: provisional || result.provisional,
      };
    }
  }
}

/** The portfolio's label as the record scoring expects (missing recording date: registration). */
export function labelRecordOf(label: DemoEnergyLabel | null | undefined): EnergyLabelRecord[] {
  if (!label) return [];
  const method =
    label.ep2 !== null
      ? 'NTA8800'
      : label.energyIndex !== null
        ? 'EI'
        : label.registrationDate >= '2021-01-01'
          ? 'NTA8800'
          : 'EI';
  return [
    {
      class: label.class,
      registrationDate: label.registrationDate,
      recordingDate: label.recordingDate ?? label.registrationDate,
      validUntil: label.validUntil,
      ...(label.ep2 !== null && { ep2: label.ep2 }),
      ...(label.energyIndex !== null && { energyIndex: label.energyIndex }),
      method,
      source: label.source,
    },
  ];
}
