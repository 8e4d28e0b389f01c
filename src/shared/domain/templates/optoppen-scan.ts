import {
  help,
  highestFloorQuestion,
  options,
  quickScanPhotosQuestion,
  remarksQuestion,
  text,
} from './builders.ts';
import type { Template } from './template-schema.ts';

// Quick scan: can storeys be added on top of this building? Option ids of roof, structure and
// foundation follow pand.ts, so answers can be prefilled from the portfolio.

export const optoppenScanV1: Template = {
  id: 'optoppen-scan',
  version: 1,
  title: text('Optoppen-scan', 'Adding storeys scan'),
  levels: ['pand'],
  disclaimer: text(
    'Quickscan: deze scan rangschikt alleen kandidaten. Of optoppen bouwkundig en constructief haalbaar is, moet een constructeur beoordelen.',
    'Quick scan: this only ranks candidates. A structural engineer must judge feasibility.',
  ),
  groups: [
    {
      id: 'gebouw',
      title: text('Gebouw', 'Building'),
      questions: [
        {
          id: 'bouwjaar',
          type: 'number',
          label: text('Oorspronkelijk bouwjaar'),
          required: true,
          min: 1000,
          max: 2100,
          decimals: 0,
          help: help(
            'Oorspronkelijk bouwjaar volgens de BAG. Naoorlogse lage flats zijn de beste kandidaten om op te toppen.',
            'optoppen.kansrijk',
          ),
        },
        {
          id: 'bouwlagen',
          type: 'number',
          label: text('Aantal bouwlagen (inclusief begane grond)'),
          required: true,
          min: 1,
          max: 60,
          decimals: 0,
          help: help(
            'Tel de bouwlagen boven maaiveld, de begane grond meegerekend. Lage flats zijn het meest kansrijk.',
            'optoppen.kansrijk',
          ),
        },
        highestFloorQuestion(
          help(
            'Meet of schat vanaf het maaiveld bij de entree tot de bovenkant van de hoogste vloer. Komt een vloer na optoppen boven 12,5 m, dan is een lift vereist; boven 20 m een droge blusleiding en een brandweerlift.',
            'bbl.lift.12-5m',
            'bbl.brandweer.20m',
          ),
        ),
        {
          id: 'verdiepingshoogte',
          type: 'measurement',
          unit: 'm',
          label: text('Verdiepingshoogte (vloer tot vloer)'),
          required: false,
          min: 2,
          max: 6,
          decimals: 2,
          help: help(
            'Nodig om de hoogte van de nieuwe hoogste vloer te schatten. Zonder antwoord rekent de scan met 3,0 m.',
            'bbl.lift.12-5m',
          ),
        },
      ],
    },
    {
      id: 'dak',
      title: text('Dak', 'Roof'),
      questions: [
        {
          id: 'daktype',
          type: 'single-choice',
          label: text('Daktype'),
          required: true,
          options: options(
            ['plat', 'Plat dak'],
            ['zadeldak', 'Zadeldak'],
            ['lessenaarsdak', 'Lessenaarsdak'],
            ['mansardedak', 'Mansardedak'],
            ['anders', 'Anders'],
          ),
          help: help(
            'Een plat dak is het eenvoudigst op te toppen; een hellend dak moet eerst worden verwijderd.',
            'optoppen.kansrijk',
          ),
        },
        {
          id: 'dakoppervlak',
          type: 'measurement',
          unit: 'm2',
          label: text('Dakoppervlak (bruto)'),
          required: true,
          min: 0,
          max: 50000,
          decimals: 1,
          help: help(
            'Bruto oppervlak van het dak waarop gebouwd kan worden; de basis voor het indicatieve aantal extra woningen.',
            'optoppen.kansrijk',
          ),
        },
      ],
    },
    {
      id: 'constructie',
      title: text('Constructie en fundering', 'Structure and foundation'),
      questions: [
        {
          id: 'draagconstructie',
          type: 'single-choice',
          label: text('Draagconstructie'),
          required: true,
          options: options(
            ['gietbeton', 'Gietbeton (in het werk gestort)'],
            ['prefab-beton', 'Prefab beton (systeembouw)'],
            ['kalkzandsteen', 'Kalkzandsteen'],
            ['metselwerk', 'Metselwerk'],
            ['staalskelet', 'Staalskelet'],
            ['houtskeletbouw', 'Houtskeletbouw'],
            ['onbekend', 'Onbekend'],
          ),
          help: help(
            'De draagconstructie bepaalt hoeveel extra belasting mogelijk is. De constructeur beoordeelt dit; de scan geeft alleen een eerste indruk.',
            'quickscan.constructeur',
          ),
        },
        {
          id: 'fundering',
          type: 'single-choice',
          label: text('Fundering'),
          required: true,
          options: options(
            ['betonpalen', 'Betonpalen'],
            ['houten-palen', 'Houten palen'],
            ['op-staal', 'Op staal'],
            ['onbekend', 'Onbekend'],
          ),
          help: help(
            'Een fundering op houten palen of op staal heeft vaak weinig reserve voor extra bouwlagen; laat de constructeur rekenen.',
            'quickscan.constructeur',
          ),
        },
        {
          id: 'scheuren',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Zijn er zichtbare scheuren of zettingen in gevel of constructie?'),
          required: true,
          photoRequiredWhen: { op: 'equals', value: 'ja' },
          help: help(
            'Scheuren of zettingen wijzen op een constructie of fundering zonder reserve. Maak bij ja een foto.',
            'quickscan.constructeur',
          ),
        },
        {
          id: 'constructief-onderzoek',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is er al constructief onderzoek door een constructeur beschikbaar?'),
          required: false,
          help: help(
            'Een bestaand onderzoek versnelt de haalbaarheidstoets, maar vervangt die niet.',
            'quickscan.constructeur',
          ),
        },
      ],
    },
    {
      id: 'ontsluiting',
      title: text('Ontsluiting en vluchtwegen', 'Access and escape routes'),
      questions: [
        {
          id: 'lift',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is er een lift?'),
          required: true,
          help: help(
            'Komt de hoogste vloer na optoppen boven 12,5 m, dan is een lift vereist; een bestaande lift moet dan ook de nieuwe lagen bedienen.',
            'bbl.lift.12-5m',
          ),
        },
        {
          id: 'trappenhuizen',
          type: 'single-choice',
          label: text('Trappenhuizen en vluchtwegen'),
          required: true,
          options: options(
            ['een-trappenhuis', 'Eén trappenhuis'],
            ['twee-of-meer', 'Twee of meer trappenhuizen'],
            ['galerij-twee-richtingen', 'Galerij met twee vluchtrichtingen'],
          ),
          help: help(
            'Het bestaande gebouw mag het rechtens verkregen niveau houden, maar nieuwe bouwlagen moeten aan de eisen voor nieuwbouw voldoen, ook voor vluchtwegen.',
            'bbl.rechtens-verkregen-niveau',
          ),
        },
        {
          id: 'droge-blusleiding',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is er een droge blusleiding?'),
          required: true,
          help: help(
            'Boven 20 m hoogste vloer zijn een droge blusleiding (NEN 1594) en een brandweerlift vereist.',
            'bbl.brandweer.20m',
          ),
        },
      ],
    },
    {
      id: 'programma',
      title: text('Programma', 'Programme'),
      questions: [
        {
          id: 'extra-bouwlagen',
          type: 'number',
          label: text('Aantal extra bouwlagen dat wordt overwogen'),
          required: true,
          min: 1,
          max: 2,
          decimals: 0,
          help: help('Optoppen levert meestal 1 of 2 extra bouwlagen op.', 'optoppen.kansrijk'),
        },
        {
          id: 'doelgrootte',
          type: 'measurement',
          unit: 'm2',
          label: text('Beoogde gebruiksoppervlakte per nieuwe woning'),
          required: true,
          min: 18,
          max: 200,
          decimals: 0,
          help: help(
            'Bepaalt het indicatieve aantal extra woningen. Een woning heeft ten minste 18 m² verblijfsgebied.',
            'optoppen.kansrijk',
            'woning.verblijfsgebied.18m2',
          ),
        },
        {
          id: 'parkeren',
          type: 'single-choice',
          label: text('Parkeren en bereikbaarheid'),
          required: true,
          options: options(
            ['voldoende', 'Voldoende ruimte'],
            ['beperkt', 'Beperkt'],
            ['onvoldoende', 'Onvoldoende'],
          ),
          help: help(
            'Extra woningen vragen parkeerruimte volgens de gemeentelijke parkeernorm en een bouwplaats die bereikbaar is.',
            'optoppen.parkeren',
          ),
        },
        quickScanPhotosQuestion("Foto's van dak en gevels"),
        remarksQuestion(
          help(
            'Noteer wat de constructeur moet weten (bijv. eerdere verbouwingen, dakopbouw).',
            'quickscan.constructeur',
          ),
        ),
      ],
    },
  ],
};
