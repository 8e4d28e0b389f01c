import type { Severity } from '../finding.ts';
import {
  help,
  highestFloorQuestion,
  passWhenJa,
  photoWhenNee,
  remarksQuestion,
  text,
} from './builders.ts';
import type { Condition } from './condition.ts';
import type { InspectionRuleId } from './rules.ts';
import type { Question, Template } from './template-schema.ts';

// Periodic fire-safety round of a woongebouw. Every check question is phrased so that "ja"
// means in order; "nee" is a deviation of the severity declared here (direct gevaar: today;
// ernstig: within 30 days; gering: next round) and needs a photo.

interface CheckSpec {
  id: string;
  label: string;
  help: string;
  rule: InspectionRuleId;
  severity: Severity;
  action: string;
  visibleWhen?: Condition;
  allowNvt?: boolean;
}

function check(spec: CheckSpec): Question {
  const question: Question = {
    id: spec.id,
    type: 'ja-nee',
    allowNvt: spec.allowNvt ?? false,
    label: text(spec.label),
    required: true,
    help: help(spec.help, spec.rule, 'brand.ernst'),
    photoRequiredWhen: photoWhenNee,
    check: {
      kind: 'condition',
      rule: spec.rule,
      passWhen: passWhenJa,
      severity: spec.severity,
      action: text(spec.action),
    },
  };
  return spec.visibleWhen === undefined ? question : { ...question, visibleWhen: spec.visibleWhen };
}

const inCareBuilding: Condition = { op: 'equals', question: 'zorgwoningen', value: 'ja' };
const above20m: Condition = { op: 'greaterThan', question: 'hoogste-vloer', value: 20 };

export const brandveiligheidsrondeV1: Template = {
  id: 'brandveiligheidsronde',
  version: 1,
  title: text('Brandveiligheidsronde', 'Fire-safety round'),
  levels: ['pand'],
  groups: [
    {
      id: 'gebouw',
      title: text('Gebouw', 'Building'),
      questions: [
        highestFloorQuestion(
          help(
            'Boven 20 m zijn een droge blusleiding en een brandweerlift vereist; die worden dan ook gecontroleerd.',
            'bbl.brandweer.20m',
          ),
        ),
        {
          id: 'zorgwoningen',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Zijn er zorgwoningen of is er geclusterde 24-uurszorg in het gebouw?'),
          required: true,
          help: help(
            'Dan zijn een brandmeldinstallatie (NEN 2535) en een ontruimingsalarm (NEN 2575) vereist.',
            'brand.bmi',
            'brand.ontruimingsalarm',
          ),
        },
        {
          id: 'ruimte-50-personen',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Is er een ruimte voor meer dan 50 personen (bijv. recreatiezaal)?'),
          required: true,
          help: help(
            'Ruimten voor meer dan 50 personen hebben vluchtrouteaanduiding nodig.',
            'brand.vluchtrouteaanduiding',
          ),
        },
      ],
    },
    {
      id: 'detectie',
      title: text('Rookmelders en installaties', 'Smoke alarms and installations'),
      questions: [
        check({
          id: 'rookmelders-verdiepingen',
          label:
            'Hangt er in de gecontroleerde woningen een rookmelder op elke verdieping met een woonkamer?',
          help: 'Verplicht in bestaande woningen sinds 1-7-2022, volgens NEN-EN 14604.',
          rule: 'brand.rookmelders',
          severity: 'ernstig',
          action: 'Rookmelders (NEN-EN 14604) plaatsen op elke verdieping met een woonkamer.',
        }),
        check({
          id: 'rookmelders-vluchtroute',
          label: 'Hangen er rookmelders in besloten ruimten op de vluchtroute (hal, overloop)?',
          help: 'Ook besloten ruimten op de vluchtroute in de woning hebben een rookmelder nodig.',
          rule: 'brand.rookmelders',
          severity: 'ernstig',
          action: 'Rookmelders plaatsen in besloten ruimten op de vluchtroute.',
        }),
        check({
          id: 'rookmelders-werken',
          label: 'Werken de rookmelders bij de test?',
          help: 'Test met de testknop; een rookmelder zonder werkende batterij telt niet.',
          rule: 'brand.rookmelders',
          severity: 'ernstig',
          action: 'Defecte rookmelders of batterijen vervangen.',
        }),
        check({
          id: 'bmi-aanwezig',
          label: 'Is er een brandmeldinstallatie (NEN 2535)?',
          help: 'Vereist bij zorgwoningen en geclusterde 24-uurszorg.',
          rule: 'brand.bmi',
          severity: 'ernstig',
          action: 'Brandmeldinstallatie volgens NEN 2535 laten aanbrengen.',
          visibleWhen: inCareBuilding,
        }),
        {
          id: 'bmi-certificaat-geldig-tot',
          type: 'date',
          label: text('Brandmeldinstallatie: certificaat geldig tot'),
          required: true,
          visibleWhen: {
            all: [inCareBuilding, { op: 'equals', question: 'bmi-aanwezig', value: 'ja' }],
          },
          photoRequiredWhen: { op: 'answered' },
          help: help(
            'Neem de datum over van het certificaat in het logboek en fotografeer het certificaat.',
            'brand.bmi',
            'brand.ernst',
          ),
          check: {
            kind: 'not-expired',
            rule: 'brand.bmi',
            severity: 'ernstig',
            action: text('Brandmeldinstallatie laten inspecteren en het certificaat vernieuwen.'),
          },
        },
        check({
          id: 'bmi-zonder-storing',
          label: 'Is de brandmeldinstallatie vrij van storingen en uitschakelingen?',
          help: 'Kijk op het brandmeldpaneel; een uitgeschakelde groep laat een deel van het gebouw onbewaakt.',
          rule: 'brand.bmi',
          severity: 'direct-gevaar',
          action: 'Storing of uitschakeling van de brandmeldinstallatie vandaag laten verhelpen.',
          visibleWhen: {
            all: [inCareBuilding, { op: 'equals', question: 'bmi-aanwezig', value: 'ja' }],
          },
        }),
        check({
          id: 'ontruimingsalarm-aanwezig',
          label: 'Is er een ontruimingsalarminstallatie (NEN 2575)?',
          help: 'Vereist bij zorgwoningen en geclusterde 24-uurszorg.',
          rule: 'brand.ontruimingsalarm',
          severity: 'ernstig',
          action: 'Ontruimingsalarminstallatie volgens NEN 2575 laten aanbrengen.',
          visibleWhen: inCareBuilding,
        }),
        {
          id: 'ontruimingsalarm-certificaat-geldig-tot',
          type: 'date',
          label: text('Ontruimingsalarm: certificaat geldig tot'),
          required: true,
          visibleWhen: {
            all: [
              inCareBuilding,
              { op: 'equals', question: 'ontruimingsalarm-aanwezig', value: 'ja' },
            ],
          },
          photoRequiredWhen: { op: 'answered' },
          help: help(
            'Neem de datum over van het certificaat en fotografeer het certificaat.',
            'brand.ontruimingsalarm',
            'brand.ernst',
          ),
          check: {
            kind: 'not-expired',
            rule: 'brand.ontruimingsalarm',
            severity: 'ernstig',
            action: text('Ontruimingsalarm laten inspecteren en het certificaat vernieuwen.'),
          },
        },
      ],
    },
    {
      id: 'compartimentering',
      title: text('Deuren en compartimentering', 'Doors and compartments'),
      questions: [
        check({
          id: 'zelfsluitende-deuren-sluiten',
          label: 'Sluiten alle zelfsluitende deuren in brand- en rookwerende scheidingen volledig?',
          help: 'Open elke deur en laat hem los: hij moet zelf volledig in het slot vallen.',
          rule: 'brand.zelfsluitende-deuren',
          severity: 'ernstig',
          action: 'Deurdrangers en sluitingen afstellen of vervangen.',
        }),
        check({
          id: 'deuren-niet-vastgezet',
          label: 'Zijn alle zelfsluitende deuren vrij van wiggen, haken of andere vastzetters?',
          help: 'Een vastgezette branddeur laat rook vrij door het gebouw: verwijder de vastzetter direct.',
          rule: 'brand.zelfsluitende-deuren',
          severity: 'direct-gevaar',
          action: 'Vastzetters vandaag verwijderen en bewoners aanspreken.',
        }),
        check({
          id: 'doorvoeringen',
          label: 'Zijn doorvoeringen door brandscheidingen brandwerend afgedicht?',
          help: 'Kijk bij leidingen en kabels door wanden en vloeren van schachten, meterkasten en bergingen.',
          rule: 'brand.doorvoeringen',
          severity: 'ernstig',
          action: 'Doorvoeringen brandwerend laten afdichten (met registratie).',
          allowNvt: true,
        }),
      ],
    },
    {
      id: 'vluchtroutes',
      title: text('Vluchtroutes', 'Escape routes'),
      questions: [
        check({
          id: 'vluchtroutes-vrij',
          label: 'Zijn trappenhuizen, gangen en galerijen vrij van obstakels en opslag?',
          help: 'Fietsen, kasten, planten en afval in een vluchtroute belemmeren vluchten en voeden brand.',
          rule: 'brand.vluchtroute-vrij',
          severity: 'direct-gevaar',
          action: 'Obstakels vandaag laten verwijderen en bewoners aanschrijven.',
        }),
        {
          id: 'galerij',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Heeft het gebouw galerijen?'),
          required: true,
          help: help('Galerijen houden ten minste 85 cm vrije doorgang.', 'brand.galerij-85cm'),
        },
        {
          id: 'galerij-vrije-breedte',
          type: 'measurement',
          unit: 'cm',
          label: text('Smalste vrije doorgang op de galerij'),
          required: true,
          min: 0,
          max: 1000,
          decimals: 0,
          visibleWhen: { op: 'equals', question: 'galerij', value: 'ja' },
          photoRequiredWhen: { op: 'lessThan', value: 85 },
          help: help(
            'Meet de smalste plek (bij plantenbakken, bankjes, scootmobielen). Minder dan 85 cm is een afwijking; maak een foto.',
            'brand.galerij-85cm',
            'brand.ernst',
          ),
          check: {
            kind: 'condition',
            rule: 'brand.galerij-85cm',
            passWhen: { op: 'atLeast', value: 85 },
            severity: 'ernstig',
            action: text('Galerij vrijmaken tot ten minste 85 cm vrije doorgang.'),
          },
        },
        check({
          id: 'scootmobielen',
          label: 'Is de vluchtroute vrij van geparkeerde of opladende scootmobielen?',
          help: 'Sinds 1-7-2024 staat uitdrukkelijk in het Bbl dat scootmobielen niet in de vluchtroute mogen staan of laden.',
          rule: 'brand.scootmobiel',
          severity: 'direct-gevaar',
          action:
            'Scootmobielen vandaag uit de vluchtroute laten halen; een veilige stal- en laadplek regelen.',
        }),
        check({
          id: 'noodverlichting',
          label: 'Hebben besloten beschermde vluchtroutes verlichting van ten minste 1 lux?',
          help: 'Meet of beoordeel de verlichting in besloten trappenhuizen en gangen.',
          rule: 'brand.noodverlichting',
          severity: 'ernstig',
          action: 'Verlichting van de vluchtroute laten herstellen tot ten minste 1 lux.',
        }),
        check({
          id: 'vluchtrouteaanduiding',
          label: 'Is vluchtrouteaanduiding aanwezig en zichtbaar?',
          help: 'Vereist bij ruimten voor meer dan 50 personen.',
          rule: 'brand.vluchtrouteaanduiding',
          severity: 'ernstig',
          action: 'Vluchtrouteaanduiding aanbrengen of herstellen.',
          visibleWhen: { op: 'equals', question: 'ruimte-50-personen', value: 'ja' },
        }),
        check({
          id: 'droge-blusleiding',
          label: 'Is er een droge blusleiding (NEN 1594) in goede staat?',
          help: 'Vereist wanneer een vloer hoger ligt dan 20 m.',
          rule: 'bbl.brandweer.20m',
          severity: 'ernstig',
          action: 'Droge blusleiding laten aanbrengen of herstellen en keuren (NEN 1594).',
          visibleWhen: above20m,
        }),
        check({
          id: 'brandweerlift',
          label: 'Is er een werkende brandweerlift?',
          help: 'Vereist wanneer een vloer hoger ligt dan 20 m.',
          rule: 'bbl.brandweer.20m',
          severity: 'ernstig',
          action: 'Brandweerlift laten herstellen of aanbrengen.',
          visibleWhen: above20m,
        }),
      ],
    },
    {
      id: 'beheer',
      title: text('Blusmiddelen, opslag en organisatie', 'Extinguishers, storage, organisation'),
      questions: [
        {
          id: 'blustoestellen',
          type: 'ja-nee',
          allowNvt: false,
          label: text('Zijn er draagbare blustoestellen in het gebouw?'),
          required: true,
          help: help(
            'Aanwezige blustoestellen worden gecontroleerd volgens NEN 2559.',
            'brand.blustoestellen',
          ),
        },
        {
          id: 'blustoestellen-gecontroleerd-op',
          type: 'date',
          label: text('Datum van de laatste controle (keuringssticker)'),
          required: true,
          visibleWhen: { op: 'equals', question: 'blustoestellen', value: 'ja' },
          photoRequiredWhen: { op: 'answered' },
          help: help(
            'Neem de oudste datum over van de keuringsstickers en fotografeer die sticker. Langer dan 12 maanden geleden is een afwijking.',
            'brand.blustoestellen',
            'brand.ernst',
          ),
          check: {
            kind: 'recent',
            months: 12,
            rule: 'brand.blustoestellen',
            severity: 'ernstig',
            action: text('Blustoestellen laten controleren volgens NEN 2559.'),
          },
        },
        check({
          id: 'opslag-meterkasten',
          label: 'Zijn meterkasten en bergingen vrij van opslag van brandbare materialen?',
          help: 'Controleer gemeenschappelijke meterkasten en bergingen.',
          rule: 'brand.opslag',
          severity: 'ernstig',
          action: 'Opslag laten verwijderen en bewoners aanschrijven.',
        }),
        check({
          id: 'ontruimingsplan',
          label: 'Is er een actueel ontruimingsplan?',
          help: 'Kies n.v.t. als voor dit gebouw geen ontruimingsplan is vereist of afgesproken.',
          rule: 'brand.ontruimingsplan',
          severity: 'gering',
          action: 'Ontruimingsplan opstellen of actualiseren.',
          allowNvt: true,
        }),
        remarksQuestion(help('Noteer bijzonderheden voor de volgende ronde.', 'brand.ernst')),
      ],
    },
  ],
};
