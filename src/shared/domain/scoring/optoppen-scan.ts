import { formatQuantity } from '../templates/format.ts';
import { ruleOf } from '../templates/rules.ts';
import type { RuleCitation } from '../templates/template-schema.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import { trafficLight, trafficLightText, type TrafficLight } from './potential.ts';
import type { AnswerReader } from './reader.ts';

// Optoppen potential. domain.md says: usually 1-2 extra storeys, best candidates are post-war
// low flats, a quick scan only ranks candidates, and thresholds change above 12,5 m (lift) and
// 20 m (droge blusleiding, brandweerlift). The weights below are Schouw's own ranking (domain.md
// gives none): they order candidates, they do not judge feasibility.

export const ASSUMED_STOREY_HEIGHT_M = 3;
/** Share of the gross roof area that becomes dwelling floor area (walls, stairs, shafts). */
export const NET_FLOOR_SHARE = 0.8;
export const LIFT_THRESHOLD_M = 12.5;
export const FIRE_THRESHOLD_M = 20;

interface FactorValue {
  fraction: number;
  note: string;
}

interface Factor {
  question: string;
  rule: RuleCitation;
  weight: number;
  value(read: AnswerReader): FactorValue | undefined;
}

function byChoice(question: string, table: Readonly<Record<string, number>>) {
  return (read: AnswerReader): FactorValue | undefined => {
    const choice = read.choice(question) ?? read.jaNee(question);
    if (choice === undefined) return undefined;
    return { fraction: table[choice] ?? 0, note: read.describe(question) };
  };
}

export const optoppenFactors: readonly Factor[] = [
  {
    question: 'bouwjaar',
    rule: 'optoppen.kansrijk',
    weight: 15,
    value(read) {
      const year = read.number('bouwjaar');
      if (year === undefined) return undefined;
      const [fraction, why] =
        year < 1945
          ? [0.25, 'vooroorlogs']
          : year <= 1975
            ? [1, 'naoorlogs (1945-1975), de beste kandidaten']
            : year <= 1990
              ? [0.6, 'na 1975']
              : [0.4, 'na 1990'];
      return { fraction, note: `Bouwjaar ${year}: ${why}` };
    },
  },
  {
    question: 'bouwlagen',
    rule: 'optoppen.kansrijk',
    weight: 15,
    value(read) {
      const storeys = read.number('bouwlagen');
      if (storeys === undefined) return undefined;
      const [fraction, why] =
        storeys <= 4 ? [1, 'lage flat'] : storeys <= 6 ? [0.5, 'middelhoog'] : [0, 'hoogbouw'];
      return { fraction, note: `${storeys} bouwlagen: ${why}` };
    },
  },
  {
    question: 'daktype',
    rule: 'optoppen.kansrijk',
    weight: 15,
    value: byChoice('daktype', {
      plat: 1,
      lessenaarsdak: 0.4,
      zadeldak: 0.3,
      mansardedak: 0.3,
      anders: 0.3,
    }),
  },
  {
    question: 'draagconstructie',
    rule: 'quickscan.constructeur',
    weight: 15,
    value: byChoice('draagconstructie', {
      gietbeton: 1,
      staalskelet: 1,
      'prefab-beton': 0.6,
      kalkzandsteen: 0.6,
      metselwerk: 0.5,
      houtskeletbouw: 0.2,
      onbekend: 0.3,
    }),
  },
  {
    question: 'fundering',
    rule: 'quickscan.constructeur',
    weight: 15,
    value: byChoice('fundering', {
      betonpalen: 1,
      'op-staal': 0.5,
      'houten-palen': 0.3,
      onbekend: 0.3,
    }),
  },
  {
    question: 'scheuren',
    rule: 'quickscan.constructeur',
    weight: 10,
    value: byChoice('scheuren', { nee: 1, ja: 0 }),
  },
  {
    question: 'lift',
    rule: 'optoppen.kansrijk',
    weight: 10,
    value: byChoice('lift', { ja: 1, nee: 0.3 }),
  },
  {
    question: 'parkeren',
    rule: 'optoppen.parkeren',
    weight: 5,
    value: byChoice('parkeren', { voldoende: 1, beperkt: 0.5, onvoldoende: 0 }),
  },
];

export interface OptoppenResult {
  /** 0-100: Schouw's ranking of the candidate, not a feasibility verdict. */
  score: number;
  light: TrafficLight;
  blockingIssues: string[];
  extraStoreys: number;
  /** Estimated height of the new highest floor; null when it cannot be estimated. */
  newHighestFloorM: number | null;
  indicativeDwellings: number | null;
  disclaimer: string;
}

export function scoreOptoppen(read: AnswerReader): {
  result: OptoppenResult;
  explanation: ExplanationEntry[];
} {
  const explanation: ExplanationEntry[] = [];
  const blockingIssues: string[] = [];

  let points = 0;
  for (const factor of optoppenFactors) {
    const value = factor.value(read);
    if (value === undefined) {
      explanation.push(
        explain(
          factor.rule,
          'warn',
          [factor.question],
          `${read.describe(factor.question)}; telt als 0 van ${factor.weight} punten.`,
        ),
      );
      continue;
    }
    const earned = Math.round(value.fraction * factor.weight * 10) / 10;
    points += earned;
    // Ranking factors are not rule violations: a weak factor is a warning, never a failure.
    const outcome = value.fraction >= 0.75 ? 'pass' : 'warn';
    explanation.push(
      explain(
        factor.rule,
        outcome,
        [factor.question],
        `${value.note}: ${formatQuantity(earned)} van ${factor.weight} punten.`,
      ),
    );
  }
  const score = Math.max(0, Math.min(100, Math.round(points)));

  // Height of the new highest floor.
  const answeredExtra = read.number('extra-bouwlagen');
  const extraStoreys = answeredExtra ?? 1;
  if (answeredExtra === undefined)
    explanation.push(
      explain(
        'optoppen.kansrijk',
        'warn',
        ['extra-bouwlagen'],
        `${read.describe('extra-bouwlagen')}; gerekend met 1 extra bouwlaag.`,
      ),
    );
  const answeredStoreyHeight = read.number('verdiepingshoogte');
  const storeyHeight = answeredStoreyHeight ?? ASSUMED_STOREY_HEIGHT_M;
  if (answeredStoreyHeight === undefined)
    explanation.push(
      explain(
        'bbl.lift.12-5m',
        'info',
        ['verdiepingshoogte'],
        `${read.describe('verdiepingshoogte')}; gerekend met ${formatQuantity(ASSUMED_STOREY_HEIGHT_M, 'm')} per bouwlaag.`,
      ),
    );
  let currentHighest = read.number('hoogste-vloer');
  const heightInputs = ['hoogste-vloer', 'extra-bouwlagen', 'verdiepingshoogte'];
  if (currentHighest === undefined) {
    const storeys = read.number('bouwlagen');
    if (storeys !== undefined) {
      currentHighest = (storeys - 1) * storeyHeight;
      heightInputs.push('bouwlagen');
      explanation.push(
        explain(
          'bbl.lift.12-5m',
          'warn',
          ['hoogste-vloer', 'bouwlagen'],
          `${read.describe('hoogste-vloer')}; geschat uit ${storeys} bouwlagen op ${formatQuantity(currentHighest, 'm')}.`,
        ),
      );
    }
  }
  const newHighest =
    currentHighest === undefined
      ? null
      : Math.round((currentHighest + extraStoreys * storeyHeight) * 100) / 100;

  if (newHighest === null || currentHighest === undefined) {
    explanation.push(
      explain(
        'bbl.lift.12-5m',
        'warn',
        ['hoogste-vloer', 'bouwlagen'],
        'Hoogte van de nieuwe hoogste vloer niet te bepalen: hoogste vloer en bouwlagen niet beantwoord.',
      ),
    );
  } else {
    const heightText = `Hoogste vloer ${formatQuantity(currentHighest, 'm')} + ${extraStoreys} × ${formatQuantity(storeyHeight, 'm')} = ${formatQuantity(newHighest, 'm')}`;
    if (newHighest <= LIFT_THRESHOLD_M) {
      explanation.push(
        explain(
          'bbl.lift.12-5m',
          'pass',
          heightInputs,
          `${heightText}: blijft op of onder 12,5 m, geen liftplicht.`,
        ),
      );
    } else {
      const lift = read.jaNee('lift');
      if (lift === 'ja')
        explanation.push(
          explain(
            'bbl.lift.12-5m',
            'warn',
            [...heightInputs, 'lift'],
            `${heightText}: boven 12,5 m; de bestaande lift moet ook de nieuwe bouwlagen bedienen.`,
          ),
        );
      else if (lift === 'nee') {
        const issue = `Hoogste vloer komt boven 12,5 m (${formatQuantity(newHighest, 'm')}): lift vereist.`;
        blockingIssues.push(issue);
        explanation.push(explain('bbl.lift.12-5m', 'fail', [...heightInputs, 'lift'], issue));
      } else
        explanation.push(
          explain(
            'bbl.lift.12-5m',
            'warn',
            [...heightInputs, 'lift'],
            `${heightText}: boven 12,5 m, lift vereist; ${read.describe('lift')}.`,
          ),
        );
    }
    if (newHighest > FIRE_THRESHOLD_M) {
      const already = currentHighest > FIRE_THRESHOLD_M && read.jaNee('droge-blusleiding') === 'ja';
      if (already)
        explanation.push(
          explain(
            'bbl.brandweer.20m',
            'warn',
            [...heightInputs, 'droge-blusleiding'],
            `${heightText}: het gebouw ligt al boven 20 m; droge blusleiding en brandweerlift moeten de nieuwe bouwlagen bedienen.`,
          ),
        );
      else {
        const issue = `Hoogste vloer komt boven 20 m (${formatQuantity(newHighest, 'm')}): droge blusleiding en brandweerlift vereist.`;
        blockingIssues.push(issue);
        explanation.push(
          explain(
            'bbl.brandweer.20m',
            'fail',
            [...heightInputs, 'droge-blusleiding'],
            `${issue} ${read.describe('droge-blusleiding')}.`,
          ),
        );
      }
    } else
      explanation.push(
        explain(
          'bbl.brandweer.20m',
          'pass',
          heightInputs,
          `${heightText}: blijft op of onder 20 m.`,
        ),
      );
  }

  // Indicative number of extra dwellings.
  const roof = read.number('dakoppervlak');
  const target = read.number('doelgrootte');
  let indicativeDwellings: number | null = null;
  if (roof === undefined || target === undefined || target <= 0)
    explanation.push(
      explain(
        'optoppen.kansrijk',
        'warn',
        ['dakoppervlak', 'doelgrootte'],
        `Geen indicatie van het aantal woningen: ${read.describe('dakoppervlak')}; ${read.describe('doelgrootte')}.`,
      ),
    );
  else {
    indicativeDwellings = Math.floor((roof * NET_FLOOR_SHARE * extraStoreys) / target);
    explanation.push(
      explain(
        'optoppen.kansrijk',
        'info',
        ['dakoppervlak', 'doelgrootte', 'extra-bouwlagen'],
        `Indicatief ${indicativeDwellings} extra woningen: ${formatQuantity(roof, 'm2')} dak × ${NET_FLOOR_SHARE * 100}% netto × ${extraStoreys} bouwla${extraStoreys === 1 ? 'ag' : 'gen'} ÷ ${formatQuantity(target, 'm2')} per woning.`,
      ),
    );
  }

  const light = trafficLight(score, blockingIssues.length);
  explanation.push(
    explain(
      'optoppen.kansrijk',
      'info',
      optoppenFactors.map((factor) => factor.question),
      `Potentie ${score} van 100 met ${blockingIssues.length} blokkerende punt(en): ${trafficLightText[light]}.`,
    ),
  );
  const disclaimer = ruleOf('quickscan.constructeur').text;
  explanation.push(explain('quickscan.constructeur', 'info', [], disclaimer));

  return {
    result: {
      score,
      light,
      blockingIssues,
      extraStoreys,
      newHighestFloorM: newHighest,
      indicativeDwellings,
      disclaimer,
    },
    explanation,
  };
}
