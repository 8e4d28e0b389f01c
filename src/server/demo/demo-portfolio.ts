import {
  DemoPortfolioSchema,
  type DemoComplex,
  type DemoEnergyLabel,
  type DemoPand,
  type DemoPortfolio,
  type DemoVerblijfsobject,
} from '../../shared/domain/demo-portfolio.ts';
import type { Queryable, Store } from '../store/store.ts';
import { DEMO_ORGANISATION } from './seed-demo.ts';

// The demo organisation's portfolio as one JSON document, for the app's first run. The shape is
// shared with the app (src/shared/domain/demo-portfolio.ts). TEMPORARY: replaced by the
// authenticated pull of the sync protocol.
export { DemoPortfolioSchema };
export type { DemoComplex, DemoEnergyLabel, DemoPand, DemoPortfolio, DemoVerblijfsobject };

interface ComplexRow {
  id: string;
  complexnummer: string;
  name: string;
  gemeente: string | null;
}

interface PandRow {
  id: string;
  complex_id: string;
  bag_pand_id: string | null;
  bouwjaar: number | null;
  storeys: number | null;
}

interface VerblijfsobjectRow {
  id: string;
  pand_id: string;
  vhe_nummer: string;
  bag_verblijfsobject_id: string | null;
  postcode: string | null;
  huisnummer: number | null;
  huisletter: string | null;
  toevoeging: string | null;
  woonplaats: string | null;
  woningtype: string | null;
  area_m2: number | null;
  floor: number | null;
  lift: boolean | null;
  energy_label_class: string | null;
  energy_label_registration_date: string | null;
  energy_label_recording_date: string | null;
  energy_label_valid_until: string | null;
  energy_label_ep2: number | null;
  energy_label_energy_index: number | null;
  energy_label_source: string | null;
}

function energyLabelOf(row: VerblijfsobjectRow): unknown {
  // The table guarantees class, dates and source are set together.
  if (row.energy_label_class === null) return null;
  return {
    class: row.energy_label_class,
    registrationDate: row.energy_label_registration_date,
    recordingDate: row.energy_label_recording_date,
    validUntil: row.energy_label_valid_until,
    ep2: row.energy_label_ep2,
    energyIndex: row.energy_label_energy_index,
    source: row.energy_label_source,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** The demo organisation's portfolio, or null when there is no demo organisation. */
export function readDemoPortfolio(store: Store): Promise<DemoPortfolio | null> {
  // One snapshot for the three reads, so a concurrent import cannot tear the tree.
  return store.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
    return readPortfolio(tx);
  });
}

async function readPortfolio(db: Queryable): Promise<DemoPortfolio | null> {
  const organisations = await db.query<{ id: string; name: string; slug: string }>(
    'SELECT id, name, slug FROM organisations WHERE slug = $1',
    [DEMO_ORGANISATION.slug],
  );
  const organisation = organisations.rows[0];
  if (!organisation) return null;

  const complexes = await db.query<ComplexRow>(
    `SELECT id, complexnummer, name, gemeente FROM complexes
     WHERE organisation_id = $1 ORDER BY complexnummer`,
    [organisation.id],
  );
  const panden = await db.query<PandRow>(
    `SELECT id, complex_id, bag_pand_id, bouwjaar, storeys FROM panden
     WHERE organisation_id = $1 ORDER BY bag_pand_id, id`,
    [organisation.id],
  );
  const objects = await db.query<VerblijfsobjectRow>(
    `SELECT id, pand_id, vhe_nummer, bag_verblijfsobject_id, postcode, huisnummer, huisletter,
            toevoeging, woonplaats, woningtype, area_m2, floor, lift, energy_label_class,
            energy_label_registration_date, energy_label_recording_date,
            energy_label_valid_until, energy_label_ep2, energy_label_energy_index,
            energy_label_source
     FROM verblijfsobjecten WHERE organisation_id = $1 ORDER BY vhe_nummer`,
    [organisation.id],
  );

  const objectsByPand = groupBy(objects.rows, (row) => row.pand_id);
  const pandenByComplex = groupBy(panden.rows, (row) => row.complex_id);
  // Parsing checks that what the store holds matches what the app is promised.
  return DemoPortfolioSchema.parse({
    organisation,
    complexes: complexes.rows.map((complex) => ({
      ...complex,
      panden: (pandenByComplex.get(complex.id) ?? []).map((pand) => ({
        id: pand.id,
        bagPandId: pand.bag_pand_id,
        bouwjaar: pand.bouwjaar,
        storeys: pand.storeys,
        verblijfsobjecten: (objectsByPand.get(pand.id) ?? []).map((row) => ({
          id: row.id,
          vheNummer: row.vhe_nummer,
          bagVerblijfsobjectId: row.bag_verblijfsobject_id,
          postcode: row.postcode,
          huisnummer: row.huisnummer,
          huisletter: row.huisletter,
          toevoeging: row.toevoeging,
          woonplaats: row.woonplaats,
          woningtype: row.woningtype,
          areaM2: row.area_m2,
          floor: row.floor,
          lift: row.lift,
          energyLabel: energyLabelOf(row),
        })),
      })),
    })),
  });
}
