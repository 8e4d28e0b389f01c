import { formatQuantity } from '../templates/format.ts';
import { ruleOf } from '../templates/rules.ts';
import { criterionExplanation, runCriteria, type CriterionResult } from './criteria.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import { newDwellingCriteria } from './new-dwelling.ts';
import { trafficLight, trafficLightText, type TrafficLight } from './potential.ts';
import type { AnswerReader } from './reader.ts';

// Ondertoppen potential: the share of new-dwelling requirements the space can meet (a criterion
// not yet answered counts as not met), lowered by blocking issues (too low, no daylight, no own
// entrance, no kitchen/shower/toilet possible, too little verblijfsgebied).

export const ondertoppenCriteria = newDwellingCriteria({
  area: 'doelgrootte',
  verblijfsgebied: 'verblijfsgebied',
  roomArea: 'grootste-ruimte-oppervlak',
  roomWidth: 'grootste-ruimte-breedte',
  ceiling: 'plafondhoogte',
  storage: 'berging',
  storageShared: 'berging-gemeenschappelijk',
  outdoor: 'buitenruimte',
  entrance: 'eigen-entree',
  facilities: 'voorzieningen',
  daylight: 'daglicht',
});

export interface OndertoppenResult {
  score: number;
  light: TrafficLight;
  blockingIssues: string[];
  criteria: CriterionResult[];
  indicativeDwellings: number | null;
  disclaimer: string;
}

export function scoreOndertoppen(read: AnswerReader): {
  result: OndertoppenResult;
  explanation: ExplanationEntry[];
} {
  const criteria = runCriteria(ondertoppenCriteria, read);
  const explanation = criteria.map(criterionExplanation);
  const applicable = criteria.filter((criterion) => criterion.status !== 'nvt');
  const passed = applicable.filter((criterion) => criterion.status === 'pass').length;
  const score = applicable.length === 0 ? 0 : Math.round((passed / applicable.length) * 100);
  const blockingIssues = criteria
    .filter((criterion) => criterion.blocking && criterion.status === 'fail')
    .map((criterion) => criterion.detail);

  const floor = read.number('vloeroppervlak');
  const target = read.number('doelgrootte');
  let indicativeDwellings: number | null = null;
  if (floor === undefined || target === undefined || target <= 0)
    explanation.push(
      explain(
        'ondertoppen.ruimte',
        'warn',
        ['vloeroppervlak', 'doelgrootte'],
        `Geen indicatie van het aantal woningen: ${read.describe('vloeroppervlak')}; ${read.describe('doelgrootte')}.`,
      ),
    );
  else {
    indicativeDwellings = Math.floor(floor / target);
    const detail = `Indicatief ${indicativeDwellings} woning(en): ${formatQuantity(floor, 'm2')} ÷ ${formatQuantity(target, 'm2')} per woning.`;
    if (indicativeDwellings === 0) {
      const issue = `De ruimte (${formatQuantity(floor, 'm2')}) is kleiner dan één woning van ${formatQuantity(target, 'm2')}.`;
      blockingIssues.push(issue);
      explanation.push(
        explain('ondertoppen.ruimte', 'fail', ['vloeroppervlak', 'doelgrootte'], issue),
      );
    } else
      explanation.push(
        explain('ondertoppen.ruimte', 'info', ['vloeroppervlak', 'doelgrootte'], detail),
      );
  }

  const light = trafficLight(score, blockingIssues.length);
  explanation.push(
    explain(
      'ondertoppen.ruimte',
      'info',
      criteria.flatMap((criterion) => criterion.questions),
      `Potentie ${score} van 100 (${passed} van ${applicable.length} eisen gehaald) met ${blockingIssues.length} blokkerende punt(en): ${trafficLightText[light]}.`,
    ),
  );
  const disclaimer = ruleOf('quickscan.constructeur').text;
  explanation.push(explain('quickscan.constructeur', 'info', [], disclaimer));
  return {
    result: { score, light, blockingIssues, criteria, indicativeDwellings, disclaimer },
    explanation,
  };
}
