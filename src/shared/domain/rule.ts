import { z } from 'zod';

// Rules are data: a changed threshold or article is one edit here, and the UI can show the
// citation next to every outcome it explains. Article numbers are only given where we are sure
// of them; "Bbl" replaced the Bouwbesluit 2012 on 1-1-2024.
export const RuleRefSchema = z.object({
  id: z.string({ error: 'Regel-id ontbreekt.' }).regex(/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/, {
    error: 'Regel-id mag alleen kleine letters, cijfers, punten, streepjes en _ bevatten.',
  }),
  text: z.string({ error: 'Regeltekst ontbreekt.' }).min(1, { error: 'Regeltekst is leeg.' }),
  source: z.string({ error: 'Bron ontbreekt.' }).min(1, { error: 'Bron is leeg.' }),
});
export type RuleRef = z.infer<typeof RuleRefSchema>;

/** Typed helper so a registry keeps literal ids while every entry is checked as a RuleRef (reuse it for other registries). */
export function defineRules<const T extends Record<string, RuleRef>>(registry: {
  [K in keyof T]: T[K] & { id: K };
}): T {
  return registry as T;
}

export const rules = defineRules({
  'energielabel.klasse.ep2': {
    id: 'energielabel.klasse.ep2',
    text: 'Sinds 1-1-2021 volgt de labelklasse uit EP2 (primair fossiel energiegebruik, kWh/m² per jaar, EMG forfaitair); ondergrens exclusief, bovengrens inclusief: A++++ ≤ 0, A+++ ≤ 50, A++ ≤ 75, A+ ≤ 105, A ≤ 160, B ≤ 190, C ≤ 250, D ≤ 290, E ≤ 335, F ≤ 380, G > 380.',
    source: 'NTA 8800; Regeling energieprestatie gebouwen',
  },
  'energielabel.klasse.ei': {
    id: 'energielabel.klasse.ei',
    text: 'Labels geregistreerd 2015-2020 volgen de Energie-Index: A++ ≤ 0,6, A+ ≤ 0,8, A ≤ 1,2, B ≤ 1,4, C ≤ 1,8, D ≤ 2,1, E ≤ 2,4, F ≤ 2,7, G > 2,7. Zij blijven geldig tot hun einddatum.',
    source: 'Regeling energieprestatie gebouwen (versie 2015-2020)',
  },
  'energielabel.geldigheid': {
    id: 'energielabel.geldigheid',
    text: 'Een energielabel is ten hoogste 10 jaar geldig na registratie.',
    source: 'Besluit energieprestatie gebouwen / Bbl',
  },
  'efg.uitfasering.2028': {
    id: 'efg.uitfasering.2028',
    text: 'Woningcorporaties faseren uiterlijk in 2028 alle woningen met energielabel E, F of G uit (uitzonderingen: monumenten, geplande sloop).',
    source: 'Nationale Prestatieafspraken (2022)',
  },
  'efg.huur.minimaal-d.2029': {
    id: 'efg.huur.minimaal-d.2029',
    text: 'Voorstel: huurwoningen met label E, F of G moeten per 1-1-2029 ten minste label D hebben.',
    source: 'Voorgenomen wetgeving (voorstel, nog niet van kracht)',
  },
  'nen2767.conditiescore': {
    id: 'nen2767.conditiescore',
    text: 'De conditiescore (1 uitstekend t/m 6 zeer slecht) volgt uit ernst, intensiteit en omvang van het ernstigste gebrek.',
    source: 'NEN 2767-1',
  },
  'bag.identificatie': {
    id: 'bag.identificatie',
    text: 'Een BAG-identificatie bestaat uit 16 cijfers: 4 cijfers gemeentecode, 2 cijfers objecttype (01 verblijfsobject, 02 ligplaats, 03 standplaats, 10 pand, 20 nummeraanduiding, 30 openbare ruimte) en een volgnummer van 10 cijfers.',
    source: 'Catalogus Basisregistratie Adressen en Gebouwen (BAG 2018)',
  },
  'postcode.formaat': {
    id: 'postcode.formaat',
    text: 'Een postcode bestaat uit 4 cijfers (eerste niet 0) en 2 hoofdletters; de lettercombinaties SA, SD en SS worden niet uitgegeven.',
    source: 'PostNL postcodesystematiek',
  },
  'actie.termijn.direct-gevaar': {
    id: 'actie.termijn.direct-gevaar',
    text: 'Direct gevaar: dezelfde dag handelen.',
    source: 'Werkwijze brandveiligheidsronde woningcorporaties',
  },
  'actie.termijn.ernstig': {
    id: 'actie.termijn.ernstig',
    text: 'Ernstig gebrek: binnen 30 dagen oplossen.',
    source: 'Werkwijze brandveiligheidsronde woningcorporaties',
  },
  'actie.termijn.gering': {
    id: 'actie.termijn.gering',
    text: 'Gering gebrek: oplossen vóór de volgende ronde (standaard 3 maanden als die niet bekend is).',
    source: 'Werkwijze brandveiligheidsronde woningcorporaties',
  },
});

export type RuleId = keyof typeof rules;
