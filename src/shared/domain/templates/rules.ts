import { rules, type RuleRef } from '../rule.ts';
import type { RuleCitation } from './template-schema.ts';

// The rules the six inspection modules establish, cited by id from template help texts and
// scoring explanations, so a changed rule text or source is one edit. Sources follow
// shared/design/domain.md; it gives no article numbers, so none are cited here. The Bbl replaced
// the Bouwbesluit 2012 on 1-1-2024: "Bbl" rules were in the Bouwbesluit 2012 before.

const BBL = 'Bbl 2024 (voorheen Bouwbesluit 2012)';
const BIG5 = 'Strategie woningcorporaties: vijf oplossingen (BIG5)';
const BRANDRONDE = 'Praktijkcontrole brandveiligheid woongebouwen (woningcorporaties)';
const ZORGWONING = 'Huurregels zorgwoning (woningwaarderingsstelsel)';
const ZORGPARTNERS = 'Wensen zorgpartners; Woondeal ouderenhuisvesting';

function defineRules<const T extends Record<string, RuleRef>>(registry: {
  [K in keyof T]: T[K] & { id: K };
}): T {
  return registry as T;
}

export const inspectionRules = defineRules({
  // Bouwen en wonen (optoppen, ondertoppen, splitsen)
  'bbl.lift.12-5m': {
    id: 'bbl.lift.12-5m',
    text: 'Een lift is vereist wanneer een vloer hoger ligt dan 12,5 m boven het meetniveau.',
    source: BBL,
  },
  'bbl.brandweer.20m': {
    id: 'bbl.brandweer.20m',
    text: 'Een droge blusleiding en een brandweerlift zijn vereist wanneer een vloer hoger ligt dan 20 m boven het meetniveau.',
    source: `${BBL}; NEN 1594 (droge blusleidingen)`,
  },
  'bbl.rechtens-verkregen-niveau': {
    id: 'bbl.rechtens-verkregen-niveau',
    text: 'Bij verbouw mag het rechtens verkregen niveau van het bestaande gebouw worden aangehouden; nieuwe delen toetst men aan de eisen voor nieuwbouw.',
    source: BBL,
  },
  'quickscan.constructeur': {
    id: 'quickscan.constructeur',
    text: 'Een quickscan rangschikt alleen kandidaten; of het bouwkundig en constructief haalbaar is, beoordeelt een constructeur.',
    source: BIG5,
  },
  'optoppen.kansrijk': {
    id: 'optoppen.kansrijk',
    text: 'Optoppen levert meestal 1-2 extra bouwlagen op; naoorlogse lage flats zijn de beste kandidaten.',
    source: BIG5,
  },
  'optoppen.parkeren': {
    id: 'optoppen.parkeren',
    text: 'Extra woningen moeten aan de gemeentelijke parkeernorm voldoen en de bouwplaats moet bereikbaar zijn.',
    source: 'Gemeentelijk parkeerbeleid (parkeernormen)',
  },
  'ondertoppen.ruimte': {
    id: 'ondertoppen.ruimte',
    text: 'Bergingen, winkels, gemeenschappelijke ruimten en garages op de begane grond kunnen woningen worden (ondertoppen).',
    source: BIG5,
  },
  'splitsen.compact': {
    id: 'splitsen.compact',
    text: 'Een grote woning kan worden gesplitst in twee compacte woningen die elk aan de eisen voor een woning voldoen.',
    source: BIG5,
  },
  'woning.verblijfsgebied.18m2': {
    id: 'woning.verblijfsgebied.18m2',
    text: 'Een woning heeft ten minste 18 m² verblijfsgebied.',
    source: BBL,
  },
  'woning.verblijfsgebied.55pct': {
    id: 'woning.verblijfsgebied.55pct',
    text: 'Ten minste 55% van de gebruiksoppervlakte van een woning is verblijfsgebied.',
    source: BBL,
  },
  'woning.verblijfsruimte.11m2': {
    id: 'woning.verblijfsruimte.11m2',
    text: 'Een woning heeft ten minste één verblijfsruimte van 11 m² die ten minste 3 m breed is.',
    source: BBL,
  },
  'woning.plafondhoogte.2-6m': {
    id: 'woning.plafondhoogte.2-6m',
    text: 'Verblijfsgebied en verblijfsruimten hebben een vrije hoogte van ten minste 2,6 m.',
    source: BBL,
  },
  'woning.berging': {
    id: 'woning.berging',
    text: 'Een woning heeft een bergruimte van ten minste 5 m²; bij een woning van ten hoogste 50 m² volstaat een gemeenschappelijke bergruimte van 1,5 m² per woning.',
    source: BBL,
  },
  'woning.buitenruimte.4m2': {
    id: 'woning.buitenruimte.4m2',
    text: 'Een woning heeft een buitenruimte van ten minste 4 m².',
    source: BBL,
  },
  'woning.eigen-entree': {
    id: 'woning.eigen-entree',
    text: 'Een nieuwe woning heeft een eigen toegang.',
    source: BBL,
  },
  'woning.voorzieningen': {
    id: 'woning.voorzieningen',
    text: 'Een woonfunctie heeft een keuken, een douche en een toilet.',
    source: `${BBL}; BAG gebruiksdoel woonfunctie`,
  },
  'woning.daglicht': {
    id: 'woning.daglicht',
    text: 'Verblijfsruimten van een woning krijgen daglicht.',
    source: BBL,
  },
  'bag.splitsen': {
    id: 'bag.splitsen',
    text: 'Splitsen trekt het bestaande verblijfsobject in de BAG in en vormt nieuwe verblijfsobjecten met nieuwe identificaties.',
    source: 'Catalogus Basisregistratie Adressen en Gebouwen (BAG 2018)',
  },

  // Energie-opname
  'energie.opname.staat': {
    id: 'energie.opname.staat',
    text: 'De opname legt de waargenomen staat van schil en installaties (beglazing, isolatie, verwarming, ventilatie, opwekking, vocht) vast naast het geregistreerde label.',
    source: 'NTA 8800 (bepalingsmethode energieprestatie); EFG-aanpak woningcorporaties',
  },
  'energie.maatregelen.indicatief': {
    id: 'energie.maatregelen.indicatief',
    text: 'Een maatregel verbetert het label indicatief met een vuistregel; alleen een nieuwe NTA 8800-opname bepaalt het label.',
    source: 'EFG-plannen woningcorporaties; NTA 8800',
  },

  // Brandveiligheidsronde
  'brand.rookmelders': {
    id: 'brand.rookmelders',
    text: 'Sinds 1-7-2022 zijn rookmelders verplicht in bestaande woningen: op elke verdieping met een woonkamer en in besloten ruimten op de vluchtroute, volgens NEN-EN 14604 (nieuwbouw: NEN 2555, gekoppeld).',
    source: `${BBL}; NEN-EN 14604; NEN 2555`,
  },
  'brand.bmi': {
    id: 'brand.bmi',
    text: 'Waar vereist (zorgwoningen, geclusterde 24-uurszorg) is er een brandmeldinstallatie volgens NEN 2535 met een geldig certificaat.',
    source: `${BBL}; NEN 2535`,
  },
  'brand.ontruimingsalarm': {
    id: 'brand.ontruimingsalarm',
    text: 'Waar vereist (zorgwoningen, geclusterde 24-uurszorg) is er een ontruimingsalarminstallatie volgens NEN 2575 met een geldig certificaat.',
    source: `${BBL}; NEN 2575`,
  },
  'brand.zelfsluitende-deuren': {
    id: 'brand.zelfsluitende-deuren',
    text: 'Zelfsluitende deuren in brand- en rookwerende scheidingen sluiten zelfstandig en worden niet vastgezet.',
    source: BBL,
  },
  'brand.vluchtroute-vrij': {
    id: 'brand.vluchtroute-vrij',
    text: 'Vluchtroutes zijn vrij van obstakels en opslag.',
    source: BBL,
  },
  'brand.galerij-85cm': {
    id: 'brand.galerij-85cm',
    text: 'Een galerij houdt ten minste 85 cm vrije doorgang.',
    source: BBL,
  },
  'brand.scootmobiel': {
    id: 'brand.scootmobiel',
    text: 'Scootmobielen worden niet in de vluchtroute geparkeerd of opgeladen (uitdrukkelijk in het Bbl sinds 1-7-2024).',
    source: 'Bbl 2024 (wijziging per 1-7-2024)',
  },
  'brand.noodverlichting': {
    id: 'brand.noodverlichting',
    text: 'Besloten beschermde vluchtroutes hebben verlichting van ten minste 1 lux.',
    source: BBL,
  },
  'brand.vluchtrouteaanduiding': {
    id: 'brand.vluchtrouteaanduiding',
    text: 'Ruimten voor meer dan 50 personen hebben vluchtrouteaanduiding.',
    source: BBL,
  },
  'brand.blustoestellen': {
    id: 'brand.blustoestellen',
    text: 'Draagbare blustoestellen worden periodiek gecontroleerd volgens NEN 2559; Schouw rekent met jaarlijks (12 maanden).',
    source: 'NEN 2559',
  },
  'brand.doorvoeringen': {
    id: 'brand.doorvoeringen',
    text: 'Doorvoeringen door brandscheidingen (compartimentgrenzen) zijn brandwerend afgedicht.',
    source: `${BBL}; ${BRANDRONDE}`,
  },
  'brand.opslag': {
    id: 'brand.opslag',
    text: 'Meterkasten en bergingen bevatten geen opslag van brandbare materialen.',
    source: BRANDRONDE,
  },
  'brand.ontruimingsplan': {
    id: 'brand.ontruimingsplan',
    text: 'Een actueel ontruimingsplan is aanwezig en bekend bij de beheerder.',
    source: BRANDRONDE,
  },
  'brand.ernst': {
    id: 'brand.ernst',
    text: 'Afwijkingen zijn direct gevaar (vandaag handelen), ernstig (binnen weken) of gering (volgende ronde); elke afwijking krijgt een foto.',
    source: 'Werkwijze brandveiligheidsronde woningcorporaties',
  },

  // Zorggeschiktheid
  'toegankelijk.opstap-2cm': {
    id: 'toegankelijk.opstap-2cm',
    text: 'Een hoogteverschil van meer dan 2 cm vraagt een hellingbaan of lift.',
    source: BBL,
  },
  'zorg.nultreden': {
    id: 'zorg.nultreden',
    text: 'Een nultredenwoning: woonkamer, keuken, badkamer, toilet en een slaapkamer zijn zonder trap of opstap bereikbaar.',
    source: 'Woondeal ouderenhuisvesting (nultredenwoning)',
  },
  'toegankelijk.lift-kooi': {
    id: 'toegankelijk.lift-kooi',
    text: 'Een liftkooi is ten minste 1,05 × 1,35 m, en ten minste 1,05 × 2,05 m (brancard) wanneer de lift meer dan 6 woningen ontsluit.',
    source: BBL,
  },
  'toegankelijk.lift-loopafstand': {
    id: 'toegankelijk.lift-loopafstand',
    text: 'De loopafstand van de woning tot de lift is ten hoogste 90 m.',
    source: BBL,
  },
  'toegankelijk.deurbreedte': {
    id: 'toegankelijk.deurbreedte',
    text: 'Deuren hebben een vrije doorgangsbreedte van ten minste 0,85 m (WoonKeur bestaande woningen: 0,75 m).',
    source: `${BBL}; WoonKeur`,
  },
  'toegankelijk.gangbreedte': {
    id: 'toegankelijk.gangbreedte',
    text: 'Gangen in de woning zijn ten minste 0,85 m breed, gemeenschappelijke gangen ten minste 1,2 m.',
    source: `${BBL}; WoonKeur`,
  },
  'toegankelijk.draairuimte': {
    id: 'toegankelijk.draairuimte',
    text: 'Bij lift en entree is een vrije draairuimte van 1,5 × 1,5 m.',
    source: `${BBL}; WoonKeur`,
  },
  'toegankelijk.sanitair': {
    id: 'toegankelijk.sanitair',
    text: 'Een toegankelijk toilet is ten minste 1,65 × 2,2 m; een badkamer met toilet ten minste 2,2 × 2,2 m.',
    source: `${BBL}; WoonKeur`,
  },
  'toegankelijk.douche-drempelvrij': {
    id: 'toegankelijk.douche-drempelvrij',
    text: 'De douche heeft geen drempel.',
    source: 'WoonKeur',
  },
  'woonkeur.rollator': {
    id: 'woonkeur.rollator',
    text: 'WoonKeur-certificaat C: bestaande woning rollatorgeschikt.',
    source: 'WoonKeur (bestaande woningen)',
  },
  'woonkeur.rolstoel': {
    id: 'woonkeur.rolstoel',
    text: 'WoonKeur-certificaat D: bestaande woning rolstoelgeschikt.',
    source: 'WoonKeur (bestaande woningen)',
  },
  'zorgwoning.gangen': {
    id: 'zorgwoning.gangen',
    text: 'Een zorgwoning heeft gangen van ten minste 1,2 m breed.',
    source: ZORGWONING,
  },
  'zorgwoning.opstap': {
    id: 'zorgwoning.opstap',
    text: 'In een zorgwoning heeft elke opstap van 2 cm of meer een lift of hellingbaan.',
    source: ZORGWONING,
  },
  'zorgwoning.alarmering': {
    id: 'zorgwoning.alarmering',
    text: 'Een zorgwoning heeft personenalarmering in het hele gebouw.',
    source: ZORGWONING,
  },
  'zorgwoning.gemeenschappelijke-ruimte': {
    id: 'zorgwoning.gemeenschappelijke-ruimte',
    text: 'Bij een zorgwoning hoort een gemeenschappelijke eet- of recreatieruimte.',
    source: ZORGWONING,
  },
  'zorgpartners.voorzieningen': {
    id: 'zorgpartners.voorzieningen',
    text: 'Zorgpartners hebben betrouwbaar internet in het gebouw (zorgtechnologie), een centrale entree, een gemeenschappelijke ruimte met keuken en een aantrekkelijke buitenruimte nodig.',
    source: ZORGPARTNERS,
  },
  'zorg.aanpassingen': {
    id: 'zorg.aanpassingen',
    text: 'Aanpassingen in drie gradaties: kleine aanpassingen (steunbeugels, thermostaatkraan), slimme ingrepen (traplift, slaapkamer beneden, sensoren) en nieuwe woonvormen (mantelzorgwoning, groepswoning, voorzorgwoning).',
    source: 'Strategie woningcorporaties: langer zelfstandig wonen',
  },

  // Werkwijze van de inspectie zelf
  'inspectie.overgenomen-antwoord': {
    id: 'inspectie.overgenomen-antwoord',
    text: 'Een overgenomen antwoord (van een eerdere inspectie of een identieke woning) telt pas als de inspecteur het ter plaatse bevestigt.',
    source: 'Werkwijze Schouw: overnemen van antwoorden',
  },
});

export type InspectionRuleId = keyof typeof inspectionRules;

const allRules: Readonly<Record<string, RuleRef>> = { ...rules, ...inspectionRules };

/** A cited rule: by id from either registry, or inline. Undefined for an unknown id. */
export function resolveRule(citation: RuleCitation): RuleRef | undefined {
  return typeof citation === 'string' ? allRules[citation] : citation;
}

/** Like resolveRule, but for citations the integrity tests guarantee; never throws. */
export function ruleOf(citation: RuleCitation): RuleRef {
  return (
    resolveRule(citation) ?? {
      id: typeof citation === 'string' ? citation : 'onbekend',
      text: `Onbekende regel ${String(citation)}.`,
      source: 'onbekend',
    }
  );
}
