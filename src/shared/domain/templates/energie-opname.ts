import { help, options, photosQuestion, text } from './builders.ts';
import type { Condition } from './condition.ts';
import type { Question, Template } from './template-schema.ts';

// What the inspector sees, next to the registered label (EP-online) the app shows at the top.
// Measure option ids are energy-label.ts's EnergyMeasureId values (a test keeps them equal).

const glazingOptions = options(
  ['enkel', 'Enkel glas'],
  ['dubbel', 'Dubbel glas (ouder isolatieglas)'],
  ['hr-plus-plus', 'HR++-glas'],
  ['triple', 'Triple glas'],
  ['gemengd', 'Gemengd'],
);

const insulationOptions = (notApplicable: string) =>
  options(
    ['geen', 'Geen isolatie'],
    ['deels', 'Deels geïsoleerd'],
    ['volledig', 'Volledig geïsoleerd'],
    ['onbekend', 'Niet vast te stellen'],
    ['nvt', notApplicable],
  );

function glazing(id: string, facade: string, visibleWhen?: Condition): Question {
  const question: Question = {
    id,
    type: 'single-choice',
    label: text(`Beglazing ${facade}`),
    required: true,
    options: glazingOptions,
    help: help(
      'Kijk naar de glasstempel in de spouw of de reflectie van een vlam. Enkel en ouder dubbel glas zijn kansen voor HR++- of triple glas.',
      'energie.opname.staat',
    ),
  };
  return visibleWhen === undefined ? question : { ...question, visibleWhen };
}

export const energieOpnameV1: Template = {
  id: 'energie-opname',
  version: 1,
  title: text('Energie-opname (EFG)', 'Energy survey (EFG)'),
  levels: ['verblijfsobject', 'pand'],
  disclaimer: text(
    'Indicatief: verwachte labelverbeteringen zijn vuistregels. Alleen een nieuwe NTA 8800-opname door een gecertificeerd energieadviseur bepaalt het label.',
    'Indicative: only a new NTA 8800 recording determines the label.',
  ),
  groups: [
    {
      id: 'label',
      title: text('Geregistreerd label', 'Registered label'),
      questions: [
        {
          id: 'label-oordeel',
          type: 'single-choice',
          label: text('Past wat u ziet bij het geregistreerde label?'),
          required: true,
          options: options(
            ['past', 'Past bij het label'],
            ['beter', 'De woning is beter dan het label'],
            ['slechter', 'De woning is slechter dan het label'],
            ['geen-label', 'Er is geen label geregistreerd'],
          ),
          help: help(
            'Het geregistreerde label (EP-online) staat bovenaan. Een label is ten hoogste 10 jaar geldig; E, F en G moeten uiterlijk in 2028 weg.',
            'energielabel.geldigheid',
            'efg.uitfasering.2028',
          ),
        },
      ],
    },
    {
      id: 'schil',
      title: text('Schil', 'Building envelope'),
      questions: [
        glazing('glas-voorgevel', 'voorgevel'),
        glazing('glas-achtergevel', 'achtergevel'),
        {
          id: 'zijgevel',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Heeft de woning een zijgevel met ramen?'),
          required: true,
          help: help('Alleen kop- en hoekwoningen hebben een zijgevel.', 'energie.opname.staat'),
        },
        glazing('glas-zijgevel', 'zijgevel', { op: 'equals', question: 'zijgevel', value: 'ja' }),
        {
          id: 'gevelisolatie',
          type: 'single-choice',
          label: text('Gevelisolatie (spouw)'),
          required: true,
          options: insulationOptions('Niet van toepassing'),
          help: help(
            'Kijk naar boorgaten van spouwmuurisolatie, het bouwjaar en de dikte van de muur.',
            'energie.opname.staat',
          ),
        },
        {
          id: 'dakisolatie',
          type: 'single-choice',
          label: text('Dakisolatie'),
          required: true,
          options: insulationOptions('Niet van toepassing (geen dak aan de woning)'),
          help: help(
            'Kijk op zolder of in de dakopbouw; een tussenwoning in een flat heeft geen eigen dak.',
            'energie.opname.staat',
          ),
        },
        {
          id: 'vloerisolatie',
          type: 'single-choice',
          label: text('Vloerisolatie'),
          required: true,
          options: insulationOptions('Niet van toepassing (geen begane grondvloer)'),
          help: help('Kijk in de kruipruimte via het kruipluik.', 'energie.opname.staat'),
        },
      ],
    },
    {
      id: 'installaties',
      title: text('Installaties', 'Installations'),
      questions: [
        {
          id: 'verwarming',
          type: 'single-choice',
          label: text('Verwarming'),
          required: true,
          options: options(
            ['hr-ketel', 'HR-ketel'],
            ['vr-cr-ketel', 'VR- of CR-ketel (ouder)'],
            ['hybride-warmtepomp', 'Hybride warmtepomp'],
            ['warmtepomp', 'Warmtepomp (volledig elektrisch)'],
            ['stadsverwarming', 'Stadsverwarming'],
            ['lokale-kachels', 'Lokale kachels'],
          ),
          help: help(
            'Het typeplaatje van het toestel geeft soort en bouwjaar.',
            'energie.opname.staat',
          ),
        },
        {
          id: 'ketel-bouwjaar',
          type: 'number',
          label: text('Bouwjaar van de ketel'),
          required: false,
          min: 1960,
          max: 2100,
          decimals: 0,
          visibleWhen: { op: 'in', question: 'verwarming', values: ['hr-ketel', 'vr-cr-ketel'] },
          help: help(
            'Een ketel van meer dan 15 jaar oud is een natuurlijk moment voor een (hybride) warmtepomp.',
            'energie.opname.staat',
          ),
        },
        {
          id: 'ventilatie',
          type: 'single-choice',
          label: text('Ventilatie'),
          required: true,
          options: options(
            ['natuurlijk', 'Natuurlijk (roosters, ramen)'],
            ['mechanische-afzuiging', 'Mechanische afzuiging'],
            ['balans-wtw', 'Balansventilatie met warmteterugwinning'],
            ['decentraal', 'Decentrale ventilatie-units'],
          ),
          help: help(
            'Na isoleren is goede ventilatie nodig om vocht te voorkomen.',
            'energie.opname.staat',
          ),
        },
        {
          id: 'zonnepanelen',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Zijn er zonnepanelen voor deze woning?'),
          required: true,
          help: help('Zonnepanelen tellen mee in de energieprestatie.', 'energie.opname.staat'),
        },
        {
          id: 'aantal-panelen',
          type: 'number',
          label: text('Aantal zonnepanelen'),
          required: false,
          min: 1,
          max: 500,
          decimals: 0,
          visibleWhen: { op: 'equals', question: 'zonnepanelen', value: 'ja' },
          help: help('Tel de panelen die bij deze woning horen.', 'energie.opname.staat'),
        },
        {
          id: 'vocht',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is er vocht of schimmel zichtbaar?'),
          required: true,
          photoRequiredWhen: { op: 'equals', value: 'ja' },
          help: help(
            'Vocht en schimmel gaan vóór isolatie: eerst de oorzaak (vaak ventilatie) oplossen. Maak bij ja een foto.',
            'energie.opname.staat',
          ),
        },
      ],
    },
    {
      id: 'maatregelen',
      title: text('Maatregelen', 'Measures'),
      questions: [
        {
          id: 'maatregelen',
          type: 'multi-choice',
          label: text('Voorgestelde maatregelen'),
          required: false,
          options: options(
            ['spouwmuurisolatie', 'Spouwmuurisolatie'],
            ['dakisolatie', 'Dakisolatie'],
            ['vloerisolatie', 'Vloerisolatie'],
            ['hr-plus-plus-glas', 'HR++-glas'],
            ['triple-glas', 'Triple glas'],
            ['hr-ketel-naar-hybride-warmtepomp', 'Hybride warmtepomp'],
            ['zonnepanelen', 'Zonnepanelen'],
            ['ventilatie-kierdichting', 'Ventilatie en kierdichting'],
          ),
          help: help(
            'Zonder keuze stelt Schouw maatregelen voor op grond van de opname. De labelsprong per maatregel is een vuistregel.',
            'energie.maatregelen.indicatief',
          ),
        },
        photosQuestion(
          "Foto's (typeplaatje, glasstempel, kruipruimte)",
          20,
          help("Foto's onderbouwen de opname voor de energieadviseur.", 'energie.opname.staat'),
        ),
        {
          id: 'toelichting',
          type: 'text',
          label: text('Toelichting'),
          required: false,
          maxLength: 2000,
          help: help(
            'Noteer bijvoorbeeld bewonerswensen of belemmeringen voor maatregelen.',
            'energie.maatregelen.indicatief',
          ),
        },
      ],
    },
  ],
};
