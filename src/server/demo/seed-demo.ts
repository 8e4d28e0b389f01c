import { readFileSync } from 'node:fs';
import { DEMO_ORGANISATION_SLUG } from '../../shared/demo.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { Store } from '../store/store.ts';
import { seedDemoUsers } from './demo-users.ts';
import { parsePortfolioCsv, type PortfolioComplex } from './portfolio-csv.ts';

// A newcomer's installation gets a demo corporation with a real-format portfolio, so the app has
// something to show before anyone imports their own data, and one demo user per role
// (see demo-users.ts). Whether it is seeded at all is decided in demo-policy.ts.

export const DEMO_ORGANISATION = {
  name: 'Demo Woonstichting',
  slug: DEMO_ORGANISATION_SLUG,
} as const;

const DEMO_CSV = new URL('./portfolio-demo.csv', import.meta.url);

// Distinct from the migration lock; serialises two processes seeding one PostgreSQL at once.
const SEED_LOCK_KEY = 4_711_202_502;

export function loadDemoPortfolio(): PortfolioComplex[] {
  return parsePortfolioCsv(readFileSync(DEMO_CSV, 'utf8'));
}

export interface SeedResult {
  seeded: boolean;
  complexes: number;
  panden: number;
  verblijfsobjecten: number;
}

/**
 * Seeds the demo organisation when it does not exist yet; otherwise only gives it its demo users
 * when it has none, so restarts never touch it. Call through demo-policy.ts, which decides
 * whether an installation wants a demo at all.
 */
export async function seedDemoData(
  store: Store,
  portfolio: readonly PortfolioComplex[] = loadDemoPortfolio(),
): Promise<SeedResult> {
  return store.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = await tx.query('SELECT 1 FROM organisations WHERE slug = $1', [
      DEMO_ORGANISATION.slug,
    ]);
    if (existing.rowCount > 0) {
      // An installation seeded before accounts existed gets its demo users now.
      await seedDemoUsers(tx, DEMO_ORGANISATION.slug);
      return { seeded: false, complexes: 0, panden: 0, verblijfsobjecten: 0 };
    }
    const organisationId = uuidv7();
    await tx.query('INSERT INTO organisations (id, name, slug) VALUES ($1, $2, $3)', [
      organisationId,
      DEMO_ORGANISATION.name,
      DEMO_ORGANISATION.slug,
    ]);
    const counts = { complexes: 0, panden: 0, verblijfsobjecten: 0 };
    for (const complex of portfolio) {
      const complexId = uuidv7();
      await tx.query(
        `INSERT INTO complexes (id, organisation_id, complexnummer, name, gemeente)
         VALUES ($1, $2, $3, $4, $5)`,
        [complexId, organisationId, complex.complexnummer, complex.name, complex.gemeente],
      );
      counts.complexes += 1;
      for (const pand of complex.panden) {
        const pandId = uuidv7();
        await tx.query(
          `INSERT INTO panden (id, organisation_id, complex_id, bag_pand_id, bouwjaar, storeys)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [pandId, organisationId, complexId, pand.bagPandId, pand.bouwjaar, pand.storeys],
        );
        counts.panden += 1;
        for (const object of pand.verblijfsobjecten) {
          await tx.query(
            `INSERT INTO verblijfsobjecten (
               id, organisation_id, pand_id, vhe_nummer, bag_verblijfsobject_id, postcode,
               huisnummer, huisletter, toevoeging, woonplaats, woningtype, area_m2, floor, lift)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
            [
              uuidv7(),
              organisationId,
              pandId,
              object.vheNummer,
              object.bagVerblijfsobjectId,
              object.postcode,
              object.huisnummer,
              object.huisletter,
              object.toevoeging,
              object.woonplaats,
              object.woningtype,
              object.areaM2,
              object.floor,
              object.lift,
            ],
          );
          counts.verblijfsobjecten += 1;
        }
      }
    }
    await seedDemoUsers(tx, DEMO_ORGANISATION.slug);
    return { seeded: true, ...counts };
  });
}
