import { z } from 'zod';
import { formatQuantity } from '../templates/format.ts';
import type { RuleCitation } from '../templates/template-schema.ts';
import {
  criterionExplanation,
  jaCriterion,
  numericCriterion,
  requireAnswers,
  runCriterion,
  type Criterion,
  type CriterionResult,
} from './criteria.ts';
import { explain, type ExplanationEntry } from './explanation.ts';
import type { AnswerReader } from './reader.ts';

// Zorggeschiktheid classification. domain.md names the thresholds but not the classes, so
// Schouw defines them as cumulative levels (each includes all criteria of the levels below):
//
//  nultreden        woonkamer, keuken, badkamer, toilet and a slaapkamer reachable without
//                   stairs; no height difference > 2 cm in the dwelling or on the route from the
//                   street; a lift when the entrance is not on the ground floor.
//  rollatorgeschikt (WoonKeur C, existing dwellings) doors >= 0,75 m clear, corridors >= 0,85 m,
//                   threshold-free shower; if there is a lift: cabin >= 1,05 x 1,35 m and at
//                   most 90 m walk to it.
//  rolstoelgeschikt (WoonKeur D) doors >= 0,85 m, 1,5 x 1,5 m turning space at lift and entrance,
//                   toilet >= 1,65 x 2,2 m (or bathroom with toilet >= 2,2 x 2,2 m), shared
//                   corridors >= 1,2 m, a stretcher lift (1,05 x 2,05 m) when > 6 dwellings.
//  zorggeschikt     the zorgwoning rent rules (corridors >= 1,2 m, no step of 2 cm or more,
//                   personal alarm in the whole building, shared dining/recreation room) plus what
//                   care partners need (kitchen in that room, central entrance, reliable internet,
//                   attractive outdoor space).
//  niet-geschikt    not even nultreden.
// A criterion not answered is not met: the class is then provisional.

export const ZorgClassSchema = z.enum([
  'niet-geschikt',
  'nultreden',
  'rollatorgeschikt',
  'rolstoelgeschikt',
  'zorggeschikt',
]);
export type ZorgClass = z.infer<typeof ZorgClassSchema>;
type ZorgLevel = Exclude<ZorgClass, 'niet-geschikt'>;
const levels: readonly ZorgLevel[] = [
  'nultreden',
  'rollatorgeschikt',
  'rolstoelgeschikt',
  'zorggeschikt',
];

export type AdaptationGrade = 'kleine-aanpassing' | 'slimme-ingreep' | 'nieuwe-woonvorm';

export interface Adaptation {
  grade: AdaptationGrade;
  text: string;
}

interface ZorgCriterion extends Criterion {
  /** The level this criterion belongs to, or 'advies' for advice that does not change the class. */
  level: ZorgLevel | 'advies';
  adaptation: Adaptation;
}

const ROOMS = ['woonkamer', 'keuken', 'badkamer', 'toilet', 'slaapkamer'] as const;

function withLevel(
  level: ZorgLevel | 'advies',
  adaptation: Adaptation,
  criterion: Criterion,
): ZorgCriterion {
  return { ...criterion, level, adaptation };
}

const hasLift = (read: AnswerReader) =>
  read.jaNee('lift') === 'ja'
    ? { applies: true, reason: '' }
    : { applies: false, reason: 'Geen lift (of niet van toepassing).' };

function onlyWithLift(criterion: Criterion): Criterion {
  return {
    ...criterion,
    evaluate(read) {
      const { applies, reason } = hasLift(read);
      return applies ? criterion.evaluate(read) : { status: 'nvt', detail: reason };
    },
  };
}

const askedInThisVersion = (question: string) => (read: AnswerReader) =>
  read.status(question) === 'absent'
    ? {
        applies: false,
        reason: `Niet gevraagd in versie ${read.template.version} van deze template.`,
      }
    : { applies: true, reason: '' };

/** Width x length against a minimum, whichever way round they were measured. */
function dimensions(spec: {
  id: string;
  rule: RuleCitation;
  width: string;
  length: string;
  min: readonly [number, number];
  what: string;
}): Criterion {
  return {
    id: spec.id,
    rule: spec.rule,
    questions: [spec.width, spec.length],
    evaluate(read) {
      const width = read.number(spec.width);
      const length = read.number(spec.length);
      if (width === undefined || length === undefined)
        return (
          requireAnswers(read, [spec.width, spec.length]) ?? {
            status: 'unanswered',
            detail: 'Niet te beoordelen.',
          }
        );
      const [short, long] = width <= length ? [width, length] : [length, width];
      const pass = short >= spec.min[0] && long >= spec.min[1];
      const size = `${formatQuantity(short)} × ${formatQuantity(long, 'm')}`;
      const need = `${formatQuantity(spec.min[0])} × ${formatQuantity(spec.min[1], 'm')}`;
      return {
        status: pass ? 'pass' : 'fail',
        detail: `${spec.what} ${size}: ${pass ? 'voldoet aan' : 'kleiner dan'} ${need}.`,
      };
    },
  };
}

const slim = (text: string): Adaptation => ({ grade: 'slimme-ingreep', text });
const klein = (text: string): Adaptation => ({ grade: 'kleine-aanpassing', text });
const woonvorm = (text: string): Adaptation => ({ grade: 'nieuwe-woonvorm', text });

export const zorgCriteria: readonly ZorgCriterion[] = [
  // nultreden
  withLevel(
    'nultreden',
    slim('Slaapkamer en badkamer op de entreeverdieping maken, of een traplift plaatsen.'),
    {
      id: 'ruimten-gelijkvloers',
      rule: 'zorg.nultreden',
      questions: ['ruimten-gelijkvloers'],
      evaluate(read) {
        const rooms = read.choices('ruimten-gelijkvloers');
        if (rooms === undefined)
          return (
            requireAnswers(read, ['ruimten-gelijkvloers']) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        const lacking = ROOMS.filter((room) => !rooms.includes(room));
        return lacking.length === 0
          ? {
              status: 'pass',
              detail:
                'Woonkamer, keuken, badkamer, toilet en slaapkamer zijn zonder trap bereikbaar.',
            }
          : { status: 'fail', detail: `Niet zonder trap bereikbaar: ${lacking.join(', ')}.` };
      },
    },
  ),
  withLevel(
    'nultreden',
    klein('Drempels verwijderen of drempelhulpen plaatsen.'),
    numericCriterion({
      id: 'opstap-woning-2cm',
      rule: 'toegankelijk.opstap-2cm',
      question: 'opstap-woning',
      comparison: 'atMost',
      limit: 2,
      unit: 'cm',
      what: 'Grootste hoogteverschil in de woning',
    }),
  ),
  withLevel(
    'nultreden',
    slim('Hellingbaan of opstaphulp op de route naar de voordeur.'),
    numericCriterion({
      id: 'opstap-route-2cm',
      rule: 'toegankelijk.opstap-2cm',
      question: 'opstap-route',
      comparison: 'atMost',
      limit: 2,
      unit: 'cm',
      what: 'Grootste hoogteverschil op de route naar de voordeur',
    }),
  ),
  withLevel(
    'nultreden',
    woonvorm(
      'Zonder lift geen nultredenwoning: onderzoek een lift voor het gebouw, of bied de bewoner een voorzorgwoning of andere nultredenwoning aan.',
    ),
    {
      id: 'lift-bereikbaar',
      rule: 'zorg.nultreden',
      questions: ['verdieping', 'lift', 'vloerhoogte'],
      evaluate(read) {
        const floor = read.number('verdieping');
        if (floor === undefined)
          return (
            requireAnswers(read, ['verdieping']) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        if (floor === 0) return { status: 'nvt', detail: 'De woning ligt op de begane grond.' };
        const lift = read.jaNee('lift');
        if (lift === undefined)
          return (
            requireAnswers(read, ['lift']) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        if (lift === 'ja')
          return {
            status: 'pass',
            detail: `Entree op verdieping ${floor}, bereikbaar met een lift.`,
          };
        const height = read.number('vloerhoogte');
        const above = height !== undefined && height > 12.5;
        return {
          status: 'fail',
          detail: `Entree op verdieping ${floor} zonder lift${above ? `; de vloer ligt op ${formatQuantity(height, 'm')}, boven 12,5 m, waar een lift vereist is` : ''}.`,
        };
      },
    },
  ),
  // rollatorgeschikt
  withLevel(
    'rollatorgeschikt',
    slim('Deuren verbreden tot ten minste 0,75 m vrije doorgang (liefst 0,85 m).'),
    numericCriterion({
      id: 'deurbreedte-0-75m',
      rule: 'woonkeur.rollator',
      question: 'deurbreedte',
      comparison: 'atLeast',
      limit: 0.75,
      unit: 'm',
      what: 'Smalste vrije deurbreedte',
    }),
  ),
  withLevel(
    'rollatorgeschikt',
    slim('Gang verbreden of obstakels (kasten, radiatoren) verplaatsen.'),
    numericCriterion({
      id: 'gangbreedte-0-85m',
      rule: 'toegankelijk.gangbreedte',
      question: 'gangbreedte',
      comparison: 'atLeast',
      limit: 0.85,
      unit: 'm',
      what: 'Smalste gang in de woning',
    }),
  ),
  withLevel(
    'rollatorgeschikt',
    klein('Douchedrempel verwijderen (drempelvrije douchevloer).'),
    jaCriterion({
      id: 'douche-drempelvrij',
      rule: 'toegankelijk.douche-drempelvrij',
      question: 'douche-drempelvrij',
      pass: 'De douche is drempelvrij.',
      fail: 'De douche heeft een drempel.',
    }),
  ),
  withLevel(
    'rollatorgeschikt',
    slim('Liftkooi vergroten bij de eerstvolgende liftrenovatie.'),
    onlyWithLift(
      dimensions({
        id: 'liftkooi',
        rule: 'toegankelijk.lift-kooi',
        width: 'liftkooi-breedte',
        length: 'liftkooi-diepte',
        min: [1.05, 1.35],
        what: 'Liftkooi',
      }),
    ),
  ),
  withLevel(
    'rollatorgeschikt',
    slim('Een woning dichter bij de lift aanbieden, of een extra lift onderzoeken.'),
    numericCriterion({
      id: 'loopafstand-lift-90m',
      rule: 'toegankelijk.lift-loopafstand',
      question: 'loopafstand-lift',
      comparison: 'atMost',
      limit: 90,
      unit: 'm',
      what: 'Loopafstand tot de lift',
      applies: hasLift,
    }),
  ),
  // rolstoelgeschikt
  withLevel(
    'rolstoelgeschikt',
    slim('Deuren verbreden tot ten minste 0,85 m vrije doorgang.'),
    numericCriterion({
      id: 'deurbreedte-0-85m',
      rule: 'woonkeur.rolstoel',
      question: 'deurbreedte',
      comparison: 'atLeast',
      limit: 0.85,
      unit: 'm',
      what: 'Smalste vrije deurbreedte',
    }),
  ),
  withLevel(
    'rolstoelgeschikt',
    slim('Draairuimte van 1,5 × 1,5 m vrijmaken bij lift en entree.'),
    jaCriterion({
      id: 'draairuimte',
      rule: 'toegankelijk.draairuimte',
      question: 'draairuimte',
      pass: 'Er is 1,5 × 1,5 m draairuimte bij lift en entree.',
      fail: 'Geen 1,5 × 1,5 m draairuimte bij lift en entree.',
    }),
  ),
  withLevel('rolstoelgeschikt', slim('Badkamer en toilet samenvoegen of vergroten.'), {
    id: 'sanitair',
    rule: 'toegankelijk.sanitair',
    questions: [
      'toilet-in-badkamer',
      'badkamer-breedte',
      'badkamer-lengte',
      'toilet-breedte',
      'toilet-lengte',
    ],
    evaluate(read) {
      const combined = read.jaNee('toilet-in-badkamer');
      if (combined === undefined)
        return (
          requireAnswers(read, ['toilet-in-badkamer']) ?? {
            status: 'unanswered',
            detail: 'Niet te beoordelen.',
          }
        );
      return combined === 'ja'
        ? dimensions({
            id: 'sanitair',
            rule: 'toegankelijk.sanitair',
            width: 'badkamer-breedte',
            length: 'badkamer-lengte',
            min: [2.2, 2.2],
            what: 'Badkamer met toilet',
          }).evaluate(read)
        : dimensions({
            id: 'sanitair',
            rule: 'toegankelijk.sanitair',
            width: 'toilet-breedte',
            length: 'toilet-lengte',
            min: [1.65, 2.2],
            what: 'Toilet',
          }).evaluate(read);
    },
  }),
  withLevel(
    'rolstoelgeschikt',
    slim('Gemeenschappelijke gang of galerij vrijmaken of verbreden tot 1,2 m.'),
    numericCriterion({
      id: 'gemeenschappelijke-gang-1-2m',
      rule: 'toegankelijk.gangbreedte',
      question: 'gemeenschappelijke-gangbreedte',
      comparison: 'atLeast',
      limit: 1.2,
      unit: 'm',
      what: 'Smalste gemeenschappelijke gang',
      applies: (read) =>
        read.jaNee('gemeenschappelijke-gangen') === 'nee'
          ? { applies: false, reason: 'De route loopt niet door gemeenschappelijke gangen.' }
          : { applies: true, reason: '' },
    }),
  ),
  withLevel(
    'rolstoelgeschikt',
    slim('Bij liftvervanging een brancardlift (1,05 × 2,05 m) plaatsen.'),
    {
      id: 'brancardlift',
      rule: 'toegankelijk.lift-kooi',
      questions: ['woningen-aan-lift', 'liftkooi-breedte', 'liftkooi-diepte'],
      evaluate(read) {
        const applies = hasLift(read);
        if (!applies.applies) return { status: 'nvt', detail: applies.reason };
        const dwellings = read.number('woningen-aan-lift');
        if (dwellings === undefined)
          return (
            requireAnswers(read, ['woningen-aan-lift']) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        if (dwellings <= 6)
          return {
            status: 'nvt',
            detail: `De lift ontsluit ${dwellings} woningen (niet meer dan 6): geen brancardlift vereist.`,
          };
        return dimensions({
          id: 'brancardlift',
          rule: 'toegankelijk.lift-kooi',
          width: 'liftkooi-breedte',
          length: 'liftkooi-diepte',
          min: [1.05, 2.05],
          what: `Liftkooi bij ${dwellings} woningen`,
        }).evaluate(read);
      },
    },
  ),
  // zorggeschikt
  withLevel(
    'zorggeschikt',
    slim('Gangen verbreden tot 1,2 m (zorgwoning).'),
    numericCriterion({
      id: 'gangbreedte-1-2m',
      rule: 'zorgwoning.gangen',
      question: 'gangbreedte',
      comparison: 'atLeast',
      limit: 1.2,
      unit: 'm',
      what: 'Smalste gang in de woning',
    }),
  ),
  withLevel(
    'zorggeschikt',
    klein('Ook opstappen van 2 cm wegwerken met een drempelhulp of hellingbaan.'),
    {
      id: 'opstap-zorgwoning',
      rule: 'zorgwoning.opstap',
      questions: ['opstap-woning', 'opstap-route'],
      evaluate(read) {
        const inside = read.number('opstap-woning');
        const route = read.number('opstap-route');
        if (inside === undefined || route === undefined)
          return (
            requireAnswers(read, ['opstap-woning', 'opstap-route']) ?? {
              status: 'unanswered',
              detail: 'Niet te beoordelen.',
            }
          );
        const highest = Math.max(inside, route);
        return highest < 2
          ? {
              status: 'pass',
              detail: `Grootste opstap ${formatQuantity(highest, 'cm')}: minder dan 2 cm.`,
            }
          : {
              status: 'fail',
              detail: `Grootste opstap ${formatQuantity(highest, 'cm')}: 2 cm of meer vraagt een lift of hellingbaan.`,
            };
      },
    },
  ),
  withLevel(
    'zorggeschikt',
    slim('Personenalarmering en sensoren in het hele gebouw aanbrengen.'),
    jaCriterion({
      id: 'alarmering',
      rule: 'zorgwoning.alarmering',
      question: 'alarmering',
      pass: 'Personenalarmering in het hele gebouw.',
      fail: 'Geen personenalarmering in het hele gebouw.',
    }),
  ),
  withLevel(
    'zorggeschikt',
    woonvorm(
      'Een gemeenschappelijke ruimte inrichten; overweeg geclusterd wonen (groepswoning, voorzorgwoning).',
    ),
    jaCriterion({
      id: 'gemeenschappelijke-ruimte',
      rule: 'zorgwoning.gemeenschappelijke-ruimte',
      question: 'gemeenschappelijke-ruimte',
      pass: 'Er is een gemeenschappelijke eet- of recreatieruimte.',
      fail: 'Geen gemeenschappelijke eet- of recreatieruimte.',
    }),
  ),
  withLevel(
    'zorggeschikt',
    slim('Een keuken in de gemeenschappelijke ruimte plaatsen.'),
    jaCriterion({
      id: 'gemeenschappelijke-keuken',
      rule: 'zorgpartners.voorzieningen',
      question: 'gemeenschappelijke-keuken',
      pass: 'De gemeenschappelijke ruimte heeft een keuken.',
      fail: 'De gemeenschappelijke ruimte heeft geen keuken.',
      applies: (read) =>
        read.jaNee('gemeenschappelijke-ruimte') === 'nee'
          ? { applies: false, reason: 'Er is geen gemeenschappelijke ruimte (zie daar).' }
          : { applies: true, reason: '' },
    }),
  ),
  withLevel(
    'zorggeschikt',
    slim('Een centrale entree maken (met toegangscontrole).'),
    jaCriterion({
      id: 'centrale-entree',
      rule: 'zorgpartners.voorzieningen',
      question: 'centrale-entree',
      pass: 'Het gebouw heeft een centrale entree.',
      fail: 'Het gebouw heeft geen centrale entree.',
    }),
  ),
  withLevel(
    'zorggeschikt',
    slim('Betrouwbaar internet in het gebouw aanleggen (zorgtechnologie).'),
    jaCriterion({
      id: 'internet',
      rule: 'zorgpartners.voorzieningen',
      question: 'internet',
      pass: 'Er is betrouwbaar internet in het gebouw.',
      fail: 'Geen betrouwbaar internet in het gebouw.',
    }),
  ),
  withLevel(
    'zorggeschikt',
    slim('De buitenruimte toegankelijk en aantrekkelijk inrichten (zitplek, vlak pad).'),
    jaCriterion({
      id: 'buitenruimte',
      rule: 'zorgpartners.voorzieningen',
      question: 'buitenruimte',
      pass: 'Er is een aantrekkelijke buitenruimte.',
      fail: 'Geen aantrekkelijke buitenruimte.',
    }),
  ),
  // advies (template version 2 and later)
  withLevel(
    'advies',
    klein('Steunbeugels bij toilet en douche plaatsen.'),
    jaCriterion({
      id: 'steunbeugels',
      rule: 'zorg.aanpassingen',
      question: 'steunbeugels',
      pass: 'Steunbeugels aanwezig.',
      fail: 'Geen steunbeugels bij toilet en douche.',
      applies: askedInThisVersion('steunbeugels'),
    }),
  ),
  withLevel(
    'advies',
    klein('Een thermostaatkraan in de douche plaatsen.'),
    jaCriterion({
      id: 'thermostaatkraan',
      rule: 'zorg.aanpassingen',
      question: 'thermostaatkraan',
      pass: 'De douche heeft een thermostaatkraan.',
      fail: 'De douche heeft geen thermostaatkraan.',
      applies: askedInThisVersion('thermostaatkraan'),
    }),
  ),
];

export type ZorgCriterionResult = CriterionResult & {
  level: ZorgLevel | 'advies';
  adaptation: Adaptation;
};

export interface ZorgResult {
  classification: ZorgClass;
  /** True when an unanswered criterion stops the next level: the class may rise once answered. */
  provisional: boolean;
  criteria: ZorgCriterionResult[];
  /** For each level above the classification: the criteria not met (failed or not answered). */
  missingFor: { level: ZorgLevel; criteria: ZorgCriterionResult[] }[];
  /** Proposed adaptations for failed criteria, small ones first. */
  adaptations: (Adaptation & { criterionId: string })[];
}

const gradeOrder: Readonly<Record<AdaptationGrade, number>> = {
  'kleine-aanpassing': 0,
  'slimme-ingreep': 1,
  'nieuwe-woonvorm': 2,
};
const classText: Readonly<Record<ZorgClass, string>> = {
  'niet-geschikt': 'niet geschikt (geen nultredenwoning)',
  nultreden: 'nultredenwoning',
  rollatorgeschikt: 'rollatorgeschikt',
  rolstoelgeschikt: 'rolstoelgeschikt',
  zorggeschikt: 'zorggeschikt',
};

export function scoreZorggeschiktheid(read: AnswerReader): {
  result: ZorgResult;
  explanation: ExplanationEntry[];
} {
  const criteria: ZorgCriterionResult[] = zorgCriteria.map((criterion) => ({
    ...runCriterion(criterion, read),
    level: criterion.level,
    adaptation: criterion.adaptation,
  }));
  const explanation = criteria.map(criterionExplanation);

  let classification: ZorgClass = 'niet-geschikt';
  let provisional = false;
  const missingFor: ZorgResult['missingFor'] = [];
  for (const level of levels) {
    const notMet = criteria.filter(
      (criterion) =>
        criterion.level === level &&
        (criterion.status === 'fail' || criterion.status === 'unanswered'),
    );
    if (missingFor.length === 0 && notMet.length === 0) classification = level;
    else {
      if (missingFor.length === 0)
        provisional = notMet.some((criterion) => criterion.status === 'unanswered');
      missingFor.push({ level, criteria: notMet });
    }
  }

  const adaptations = criteria
    .filter((criterion) => criterion.status === 'fail')
    .map((criterion) => ({ criterionId: criterion.id, ...criterion.adaptation }))
    .sort((a, b) => gradeOrder[a.grade] - gradeOrder[b.grade]);

  const next = missingFor[0];
  explanation.push(
    explain(
      'zorg.nultreden',
      classification === 'niet-geschikt' ? 'fail' : 'pass',
      criteria.flatMap((criterion) => criterion.questions),
      `Classificatie: ${classText[classification]}${provisional ? ' (voorlopig: er ontbreken antwoorden)' : ''}.${next ? ` Voor ${classText[next.level]} ontbreekt: ${next.criteria.map((criterion) => criterion.detail).join(' ')}` : ''}`,
    ),
  );
  if (adaptations.length > 0)
    explanation.push(
      explain(
        'zorg.aanpassingen',
        'info',
        [],
        `Voorgestelde aanpassingen: ${adaptations.map((adaptation) => `${adaptation.text} (${adaptation.grade})`).join(' ')}`,
      ),
    );
  return {
    result: { classification, provisional, criteria, missingFor, adaptations },
    explanation,
  };
}
