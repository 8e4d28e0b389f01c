import {
  ceilingHeightQuestion,
  help,
  options,
  quickScanPhotosQuestion,
  remarksQuestion,
  text,
} from './builders.ts';
import type { Template } from './template-schema.ts';

// Quick scan: can ground-floor space (bergingen, winkel, gemeenschappelijke ruimte, garage)
// become dwellings? Areas are asked per intended dwelling, since the minimum sizes apply per
// dwelling.

export const ondertoppenScanV1: Template = {
  id: 'ondertoppen-scan',
  version: 1,
  title: text('Ondertoppen-scan', 'Ground-floor conversion scan'),
  levels: ['pand'],
  disclaimer: text(
    'Quickscan: deze scan rangschikt alleen kandidaten. Of de ombouw bouwkundig en constructief haalbaar is, moet een constructeur beoordelen.',
    'Quick scan: this only ranks candidates. A structural engineer must judge feasibility.',
  ),
  groups: [
    {
      id: 'ruimte',
      title: text('Ruimte', 'Space'),
      questions: [
        {
          id: 'ruimtetype',
          type: 'single-choice',
          label: text('Wat voor ruimte is het nu?'),
          required: true,
          options: options(
            ['bergingen', 'Bergingen'],
            ['winkel', 'Winkel of bedrijfsruimte'],
            ['gemeenschappelijke-ruimte', 'Gemeenschappelijke ruimte'],
            ['garage', 'Garage of stalling'],
            ['anders', 'Anders'],
          ),
          help: help(
            'Bergingen, winkels, gemeenschappelijke ruimten en garages op de begane grond kunnen woningen worden. Vervallen bergingen moeten elders worden teruggebracht.',
            'ondertoppen.ruimte',
          ),
        },
        {
          id: 'vloeroppervlak',
          type: 'measurement',
          unit: 'm2',
          label: text('Totale vloeroppervlakte van de ruimte'),
          required: true,
          min: 0,
          max: 10000,
          decimals: 1,
          help: help(
            'Gebruiksoppervlakte van de hele ruimte; met de beoogde woninggrootte geeft dit het indicatieve aantal woningen.',
            'ondertoppen.ruimte',
          ),
        },
        {
          id: 'doelgrootte',
          type: 'measurement',
          unit: 'm2',
          label: text('Beoogde gebruiksoppervlakte per woning'),
          required: true,
          min: 18,
          max: 200,
          decimals: 0,
          help: help(
            'Tot en met 50 m² mag de bergruimte gemeenschappelijk zijn (1,5 m² per woning); daarboven is 5 m² eigen berging nodig.',
            'woning.berging',
            'woning.verblijfsgebied.55pct',
          ),
        },
        {
          id: 'verblijfsgebied',
          type: 'measurement',
          unit: 'm2',
          label: text('Verblijfsgebied per woning'),
          required: true,
          min: 0,
          max: 200,
          decimals: 1,
          help: help(
            'Ten minste 18 m² en ten minste 55% van de gebruiksoppervlakte van de woning is verblijfsgebied (dus zonder berging, techniek en verkeersruimte).',
            'woning.verblijfsgebied.18m2',
            'woning.verblijfsgebied.55pct',
          ),
        },
        {
          id: 'grootste-ruimte-oppervlak',
          type: 'measurement',
          unit: 'm2',
          label: text('Oppervlakte van de grootste kamer per woning'),
          required: true,
          min: 0,
          max: 200,
          decimals: 1,
          help: help(
            'Elke woning heeft ten minste één verblijfsruimte van 11 m² die ten minste 3 m breed is.',
            'woning.verblijfsruimte.11m2',
          ),
        },
        {
          id: 'grootste-ruimte-breedte',
          type: 'measurement',
          unit: 'm',
          label: text('Breedte van die kamer'),
          required: true,
          min: 0,
          max: 50,
          decimals: 2,
          help: help(
            'De kamer van ten minste 11 m² moet ook ten minste 3 m breed zijn.',
            'woning.verblijfsruimte.11m2',
          ),
        },
        ceilingHeightQuestion(
          'Verblijfsgebied vraagt ten minste 2,6 m vrije hoogte. Bij verbouw kan een lager rechtens verkregen niveau gelden; toets dat apart.',
        ),
        {
          id: 'daglicht',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Kunnen de verblijfsruimten daglicht krijgen (ramen in de gevel)?'),
          required: true,
          help: help(
            'Verblijfsruimten van een woning krijgen daglicht; een ruimte zonder gevelopeningen is lastig om te bouwen.',
            'woning.daglicht',
          ),
        },
      ],
    },
    {
      id: 'voorzieningen',
      title: text('Entree en voorzieningen', 'Entrance and facilities'),
      questions: [
        {
          id: 'eigen-entree',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Kan elke woning een eigen entree krijgen?'),
          required: true,
          help: help('Een nieuwe woning heeft een eigen toegang.', 'woning.eigen-entree'),
        },
        {
          id: 'voorzieningen',
          type: 'multi-choice',
          label: text('Welke voorzieningen kunnen per woning worden aangelegd?'),
          required: true,
          options: options(['keuken', 'Keuken'], ['douche', 'Douche'], ['toilet', 'Toilet']),
          help: help(
            'Een woonfunctie heeft een keuken, een douche en een toilet; kijk naar aansluitingen voor water, afvoer en ventilatie.',
            'woning.voorzieningen',
          ),
        },
        {
          id: 'buitenruimte',
          type: 'measurement',
          unit: 'm2',
          label: text('Mogelijke buitenruimte per woning'),
          required: true,
          min: 0,
          max: 1000,
          decimals: 1,
          help: help('Een woning heeft ten minste 4 m² buitenruimte.', 'woning.buitenruimte.4m2'),
        },
        {
          id: 'berging',
          type: 'measurement',
          unit: 'm2',
          label: text('Bergruimte per woning'),
          required: true,
          min: 0,
          max: 100,
          decimals: 1,
          help: help(
            'Ten minste 5 m² bergruimte; bij een woning tot en met 50 m² volstaat 1,5 m² in een gemeenschappelijke berging.',
            'woning.berging',
          ),
        },
        {
          id: 'berging-gemeenschappelijk',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is die bergruimte gemeenschappelijk?'),
          required: true,
          visibleWhen: { op: 'answered', question: 'berging' },
          help: help(
            'Een gemeenschappelijke berging telt alleen bij woningen tot en met 50 m².',
            'woning.berging',
          ),
        },
      ],
    },
    {
      id: 'vastleggen',
      title: text('Vastleggen', 'Record'),
      questions: [
        quickScanPhotosQuestion("Foto's van de ruimte en de gevel"),
        remarksQuestion(
          help(
            'Noteer bijvoorbeeld huurcontracten van bergingen of winkels en leidingen in het plafond.',
            'ondertoppen.ruimte',
          ),
        ),
      ],
    },
  ],
};
