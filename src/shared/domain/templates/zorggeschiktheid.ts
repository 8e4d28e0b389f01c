import { help, options, remarksQuestion, text } from './builders.ts';
import type { Condition } from './condition.ts';
import type { Group, Question, Template } from './template-schema.ts';

// How accessible and care-suitable a dwelling and its building are. Version 2 adds two
// questions for small adaptations (steunbeugels, thermostaatkraan); version 1 stays shipped so
// inspections made with it keep validating and scoring exactly as before.

const upperFloor: Condition = { op: 'notEquals', question: 'verdieping', value: 0 };
const hasLift: Condition = { op: 'equals', question: 'lift', value: 'ja' };

function measurementM(
  id: string,
  label: string,
  helpText: string,
  rules: [string, ...string[]],
  range: { min: number; max: number },
  visibleWhen?: Condition,
): Question {
  const question: Question = {
    id,
    type: 'measurement',
    unit: 'm',
    label: text(label),
    required: true,
    min: range.min,
    max: range.max,
    decimals: 2,
    help: { text: text(helpText), rules },
  };
  return visibleWhen === undefined ? question : { ...question, visibleWhen };
}

function jaNee(
  id: string,
  label: string,
  helpText: string,
  rules: [string, ...string[]],
  visibleWhen?: Condition,
): Question {
  const question: Question = {
    id,
    type: 'ja-nee',
    allowNvt: false,
    label: text(label),
    required: true,
    help: { text: text(helpText), rules },
  };
  return visibleWhen === undefined ? question : { ...question, visibleWhen };
}

const woningV1: Group = {
  id: 'woning',
  title: text('Woning', 'Dwelling'),
  questions: [
    {
      id: 'verdieping',
      type: 'number',
      label: text('Op welke verdieping ligt de entree van de woning? (0 = begane grond)'),
      required: true,
      min: -2,
      max: 60,
      decimals: 0,
      help: help(
        'Een woning boven of onder de begane grond is alleen zonder trap bereikbaar met een lift.',
        'zorg.nultreden',
      ),
    },
    measurementM(
      'vloerhoogte',
      'Hoogte van de vloer van de woning boven meetniveau',
      'Ligt een vloer hoger dan 12,5 m, dan is een lift vereist.',
      ['bbl.lift.12-5m'],
      { min: 0, max: 200 },
      upperFloor,
    ),
    {
      id: 'ruimten-gelijkvloers',
      type: 'multi-choice',
      label: text('Welke ruimten zijn vanaf de voordeur zonder trap bereikbaar?'),
      required: true,
      options: options(
        ['woonkamer', 'Woonkamer'],
        ['keuken', 'Keuken'],
        ['badkamer', 'Badkamer'],
        ['toilet', 'Toilet'],
        ['slaapkamer', 'Slaapkamer'],
      ),
      help: help(
        'Een nultredenwoning heeft woonkamer, keuken, badkamer, toilet en een slaapkamer zonder trap of opstap bereikbaar.',
        'zorg.nultreden',
      ),
    },
    {
      id: 'opstap-woning',
      type: 'measurement',
      unit: 'cm',
      label: text('Grootste hoogteverschil in de woning (drempel, opstap)'),
      required: true,
      min: 0,
      max: 100,
      decimals: 1,
      help: help(
        'Meer dan 2 cm vraagt een hellingbaan of lift; voor een zorgwoning telt al 2 cm.',
        'toegankelijk.opstap-2cm',
        'zorgwoning.opstap',
      ),
    },
    {
      id: 'opstap-route',
      type: 'measurement',
      unit: 'cm',
      label: text('Grootste hoogteverschil van straat tot voordeur zonder hellingbaan of lift'),
      required: true,
      min: 0,
      max: 100,
      decimals: 1,
      help: help(
        'Meet drempels en opstappen bij de hoofdentree, de liftdeur en de voordeur.',
        'toegankelijk.opstap-2cm',
        'zorgwoning.opstap',
      ),
    },
    measurementM(
      'deurbreedte',
      'Smalste vrije doorgang van de deuren (voordeur, woonkamer, slaapkamer, badkamer, toilet)',
      'Vrije doorgang met de deur open: 0,85 m rolstoelgeschikt; WoonKeur staat in bestaande woningen 0,75 m toe (rollator).',
      ['toegankelijk.deurbreedte', 'woonkeur.rollator', 'woonkeur.rolstoel'],
      { min: 0.3, max: 3 },
    ),
    measurementM(
      'gangbreedte',
      'Smalste gang in de woning',
      'Ten minste 0,85 m; een zorgwoning vraagt 1,2 m.',
      ['toegankelijk.gangbreedte', 'zorgwoning.gangen'],
      { min: 0.3, max: 5 },
    ),
    jaNee(
      'toilet-in-badkamer',
      'Zit het toilet in de badkamer?',
      'Bepaalt welke maat geldt: badkamer met toilet 2,2 × 2,2 m, apart toilet 1,65 × 2,2 m.',
      ['toegankelijk.sanitair'],
    ),
    measurementM(
      'badkamer-breedte',
      'Badkamer: breedte',
      'Badkamer met toilet ten minste 2,2 × 2,2 m.',
      ['toegankelijk.sanitair'],
      {
        min: 0.5,
        max: 10,
      },
    ),
    measurementM(
      'badkamer-lengte',
      'Badkamer: lengte',
      'Badkamer met toilet ten minste 2,2 × 2,2 m.',
      ['toegankelijk.sanitair'],
      {
        min: 0.5,
        max: 10,
      },
    ),
    measurementM(
      'toilet-breedte',
      'Toilet: breedte',
      'Een toegankelijk toilet is ten minste 1,65 × 2,2 m.',
      ['toegankelijk.sanitair'],
      { min: 0.5, max: 10 },
      { op: 'equals', question: 'toilet-in-badkamer', value: 'nee' },
    ),
    measurementM(
      'toilet-lengte',
      'Toilet: lengte',
      'Een toegankelijk toilet is ten minste 1,65 × 2,2 m.',
      ['toegankelijk.sanitair'],
      { min: 0.5, max: 10 },
      { op: 'equals', question: 'toilet-in-badkamer', value: 'nee' },
    ),
    jaNee('douche-drempelvrij', 'Is de douche drempelvrij?', 'Een douche zonder drempel of bak.', [
      'toegankelijk.douche-drempelvrij',
    ]),
  ],
};

const gebouw: Group = {
  id: 'gebouw',
  title: text('Gebouw en lift', 'Building and lift'),
  questions: [
    jaNee(
      'lift',
      'Is de woning met een lift bereikbaar?',
      'Zonder lift is een woning buiten de begane grond geen nultredenwoning; boven 12,5 m is een lift vereist.',
      ['bbl.lift.12-5m', 'zorg.nultreden'],
      upperFloor,
    ),
    measurementM(
      'liftkooi-breedte',
      'Liftkooi: breedte',
      'Ten minste 1,05 m breed.',
      ['toegankelijk.lift-kooi'],
      { min: 0.5, max: 5 },
      hasLift,
    ),
    measurementM(
      'liftkooi-diepte',
      'Liftkooi: diepte',
      'Ten minste 1,35 m diep; 2,05 m (brancard) als de lift meer dan 6 woningen ontsluit.',
      ['toegankelijk.lift-kooi'],
      { min: 0.5, max: 5 },
      hasLift,
    ),
    {
      id: 'woningen-aan-lift',
      type: 'number',
      label: text('Hoeveel woningen ontsluit deze lift?'),
      required: true,
      min: 1,
      max: 1000,
      decimals: 0,
      visibleWhen: hasLift,
      help: help(
        'Boven 6 woningen moet de lift een brancard kunnen vervoeren.',
        'toegankelijk.lift-kooi',
      ),
    },
    {
      id: 'loopafstand-lift',
      type: 'measurement',
      unit: 'm',
      label: text('Loopafstand van de voordeur tot de lift'),
      required: true,
      min: 0,
      max: 1000,
      decimals: 0,
      visibleWhen: hasLift,
      help: help('Ten hoogste 90 m.', 'toegankelijk.lift-loopafstand'),
    },
    jaNee(
      'draairuimte',
      'Is er bij lift en entree een vrije draairuimte van 1,5 × 1,5 m?',
      'Nodig om met een rolstoel te keren.',
      ['toegankelijk.draairuimte'],
    ),
    jaNee(
      'gemeenschappelijke-gangen',
      'Loopt de route naar de woning door gemeenschappelijke gangen of galerijen?',
      'Gemeenschappelijke gangen zijn ten minste 1,2 m breed.',
      ['toegankelijk.gangbreedte'],
    ),
    measurementM(
      'gemeenschappelijke-gangbreedte',
      'Smalste gemeenschappelijke gang of galerij',
      'Ten minste 1,2 m.',
      ['toegankelijk.gangbreedte'],
      { min: 0.3, max: 10 },
      { op: 'equals', question: 'gemeenschappelijke-gangen', value: 'ja' },
    ),
  ],
};

const zorg: Group = {
  id: 'zorg',
  title: text('Zorg en voorzieningen', 'Care and facilities'),
  questions: [
    jaNee(
      'alarmering',
      'Is er personenalarmering in het hele gebouw?',
      'Vereist voor een zorgwoning.',
      ['zorgwoning.alarmering'],
    ),
    jaNee(
      'gemeenschappelijke-ruimte',
      'Is er een gemeenschappelijke eet- of recreatieruimte?',
      'Hoort bij een zorgwoning en is een wens van zorgpartners.',
      ['zorgwoning.gemeenschappelijke-ruimte', 'zorgpartners.voorzieningen'],
    ),
    jaNee(
      'gemeenschappelijke-keuken',
      'Heeft die ruimte een keuken?',
      'Zorgpartners vragen een gemeenschappelijke ruimte met keuken.',
      ['zorgpartners.voorzieningen'],
      { op: 'equals', question: 'gemeenschappelijke-ruimte', value: 'ja' },
    ),
    jaNee(
      'centrale-entree',
      'Heeft het gebouw een centrale entree?',
      'Zorgpartners vragen een centrale entree.',
      ['zorgpartners.voorzieningen'],
    ),
    jaNee(
      'internet',
      'Is er betrouwbaar internet in het gebouw?',
      'Nodig voor zorgtechnologie (alarmering, beeldzorg, sensoren).',
      ['zorgpartners.voorzieningen'],
    ),
    jaNee(
      'buitenruimte',
      'Is er een aantrekkelijke buitenruimte (eigen of gemeenschappelijk)?',
      'Zorgpartners vragen een aantrekkelijke buitenruimte.',
      ['zorgpartners.voorzieningen'],
    ),
    remarksQuestion(help('Noteer bijvoorbeeld wensen van de bewoner.', 'zorg.aanpassingen')),
  ],
};

export const zorggeschiktheidV1: Template = {
  id: 'zorggeschiktheid',
  version: 1,
  title: text('Zorggeschiktheid', 'Care suitability'),
  levels: ['verblijfsobject'],
  groups: [woningV1, gebouw, zorg],
};

const smallAdaptations: Question[] = [
  jaNee(
    'steunbeugels',
    'Zijn er steunbeugels bij toilet en douche?',
    'Steunbeugels zijn een kleine aanpassing.',
    ['zorg.aanpassingen'],
  ),
  jaNee(
    'thermostaatkraan',
    'Heeft de douche een thermostaatkraan?',
    'Een thermostaatkraan is een kleine aanpassing.',
    ['zorg.aanpassingen'],
  ),
];

export const zorggeschiktheidV2: Template = {
  ...zorggeschiktheidV1,
  version: 2,
  changes: text(
    'Versie 2 vraagt ook naar steunbeugels en een thermostaatkraan (kleine aanpassingen).',
    'Version 2 also asks about grab rails and a thermostatic tap.',
  ),
  groups: [{ ...woningV1, questions: [...woningV1.questions, ...smallAdaptations] }, gebouw, zorg],
};
