import { ceilingHeightQuestion, help, options, remarksQuestion, text } from './builders.ts';
import type { Question, Template } from './template-schema.ts';

// Quick scan: can a large dwelling be split into two compact ones (A keeps the existing kitchen,
// bathroom and entrance; B needs its own)? Both new dwellings get the same set of questions.

function newDwelling(prefix: 'a' | 'b', name: string): Question[] {
  return [
    {
      id: `${prefix}-oppervlak`,
      type: 'measurement',
      unit: 'm2',
      label: text(`Gebruiksoppervlakte van woning ${name}`),
      required: true,
      min: 0,
      max: 500,
      decimals: 1,
      help: help(
        'Bepaalt de eis aan verblijfsgebied (55%) en aan de berging (gemeenschappelijk mag tot en met 50 m²).',
        'woning.verblijfsgebied.55pct',
        'woning.berging',
      ),
    },
    {
      id: `${prefix}-verblijfsgebied`,
      type: 'measurement',
      unit: 'm2',
      label: text(`Verblijfsgebied van woning ${name}`),
      required: true,
      min: 0,
      max: 500,
      decimals: 1,
      help: help(
        'Ten minste 18 m² en ten minste 55% van de gebruiksoppervlakte.',
        'woning.verblijfsgebied.18m2',
        'woning.verblijfsgebied.55pct',
      ),
    },
    {
      id: `${prefix}-kamer-oppervlak`,
      type: 'measurement',
      unit: 'm2',
      label: text(`Grootste kamer van woning ${name}`),
      required: true,
      min: 0,
      max: 200,
      decimals: 1,
      help: help(
        'Ten minste één verblijfsruimte van 11 m², ten minste 3 m breed.',
        'woning.verblijfsruimte.11m2',
      ),
    },
    {
      id: `${prefix}-kamer-breedte`,
      type: 'measurement',
      unit: 'm',
      label: text(`Breedte van die kamer (woning ${name})`),
      required: true,
      min: 0,
      max: 30,
      decimals: 2,
      help: help('De kamer van 11 m² is ten minste 3 m breed.', 'woning.verblijfsruimte.11m2'),
    },
    {
      id: `${prefix}-berging`,
      type: 'measurement',
      unit: 'm2',
      label: text(`Bergruimte van woning ${name}`),
      required: true,
      min: 0,
      max: 100,
      decimals: 1,
      help: help(
        'Ten minste 5 m²; bij een woning tot en met 50 m² volstaat 1,5 m² in een gemeenschappelijke berging.',
        'woning.berging',
      ),
    },
    {
      id: `${prefix}-berging-gemeenschappelijk`,
      type: 'ja-nee',
      allowNvt: false,
      label: text(`Is de bergruimte van woning ${name} gemeenschappelijk?`),
      required: true,
      visibleWhen: { op: 'answered', question: `${prefix}-berging` },
      help: help(
        'Een gemeenschappelijke berging telt alleen bij woningen tot en met 50 m².',
        'woning.berging',
      ),
    },
    {
      id: `${prefix}-buitenruimte`,
      type: 'measurement',
      unit: 'm2',
      label: text(`Buitenruimte van woning ${name}`),
      required: true,
      min: 0,
      max: 500,
      decimals: 1,
      help: help('Ten minste 4 m² buitenruimte per woning.', 'woning.buitenruimte.4m2'),
    },
  ];
}

export const splitsenScanV1: Template = {
  id: 'splitsen-scan',
  version: 1,
  title: text('Splitsen-scan', 'Dwelling split scan'),
  levels: ['verblijfsobject'],
  disclaimer: text(
    'Quickscan: deze scan rangschikt alleen kandidaten. Splitsen trekt het bestaande verblijfsobject in de BAG in en vormt twee nieuwe; een constructeur en de gemeente (omgevingsvergunning) beoordelen de haalbaarheid.',
    'Quick scan: this only ranks candidates. Splitting retires the BAG object and creates two new ones.',
  ),
  groups: [
    {
      id: 'bestaand',
      title: text('Bestaande woning', 'Existing dwelling'),
      questions: [
        {
          id: 'totaal-oppervlak',
          type: 'measurement',
          unit: 'm2',
          label: text('Gebruiksoppervlakte van de bestaande woning'),
          required: true,
          min: 10,
          max: 1000,
          decimals: 1,
          help: help(
            'Alleen grote woningen leveren twee compacte woningen op die elk aan de eisen voldoen.',
            'splitsen.compact',
          ),
        },
        {
          id: 'kamers',
          type: 'number',
          label: text('Aantal kamers (verblijfsruimten)'),
          required: true,
          min: 1,
          max: 30,
          decimals: 0,
          help: help(
            'Elke nieuwe woning heeft ten minste één kamer van 11 m² en 3 m breed.',
            'splitsen.compact',
            'woning.verblijfsruimte.11m2',
          ),
        },
        ceilingHeightQuestion(
          'Verblijfsgebied vraagt ten minste 2,6 m vrije hoogte; bij verbouw kan een lager rechtens verkregen niveau gelden.',
        ),
        {
          id: 'tweede-entree',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Kan woning B een eigen entree krijgen?'),
          required: true,
          help: help('Elke nieuwe woning heeft een eigen toegang.', 'woning.eigen-entree'),
        },
        {
          id: 'tweede-voorzieningen',
          type: 'multi-choice',
          label: text('Welke voorzieningen kunnen voor woning B worden aangelegd?'),
          required: true,
          options: options(['keuken', 'Keuken'], ['douche', 'Douche'], ['toilet', 'Toilet']),
          help: help(
            'Woning B heeft een eigen keuken, douche en toilet nodig; kijk naar aansluitingen voor water, afvoer en ventilatie.',
            'woning.voorzieningen',
          ),
        },
      ],
    },
    {
      id: 'woning-a',
      title: text('Nieuwe woning A (bestaande entree, keuken en sanitair)', 'New dwelling A'),
      questions: newDwelling('a', 'A'),
    },
    {
      id: 'woning-b',
      title: text('Nieuwe woning B', 'New dwelling B'),
      questions: newDwelling('b', 'B'),
    },
    {
      id: 'vastleggen',
      title: text('Vastleggen', 'Record'),
      questions: [
        {
          id: 'plattegrond',
          type: 'photo',
          label: text('Foto of schets van de plattegrond met de splitsing'),
          required: false,
          maxPhotos: 10,
          help: help(
            'Na splitsen krijgen beide woningen nieuwe BAG-objecten; een plattegrond helpt bij de aanvraag.',
            'bag.splitsen',
          ),
        },
        remarksQuestion(
          help(
            'Noteer bijvoorbeeld leidingloop, geluidsscheiding en de bewoningssituatie.',
            'splitsen.compact',
          ),
        ),
      ],
    },
  ],
};
