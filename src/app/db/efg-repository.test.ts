import { describe, expect, it } from 'vitest';
import type { DemoPortfolio, DemoVerblijfsobject } from '../../shared/domain/demo-portfolio.ts';
import { testStore } from '../../../test/unit/db/store-fixtures.ts';
import { DEFAULT_EFG_TARGET } from '../../shared/domain/efg-progress.ts';

const duurzaamheid = { userId: 'duurz-1', role: 'duurzaamheid' as const };
const inspecteur = { userId: 'insp-1', role: 'inspecteur' as const };

const ids = {
  org: '0190a0b0-0000-7000-8000-0000000000aa',
  c1: '0190a0b0-0000-7000-8000-0000000000c1',
  c2: '0190a0b0-0000-7000-8000-0000000000c2',
  p1: '0190a0b0-0000-7000-8000-0000000000b1',
  p2: '0190a0b0-0000-7000-8000-0000000000b2',
  g: '0190a0b0-0000-7000-8000-000000000001',
  e: '0190a0b0-0000-7000-8000-000000000002',
  c: '0190a0b0-0000-7000-8000-000000000003',
  none: '0190a0b0-0000-7000-8000-000000000004',
  f: '0190a0b0-0000-7000-8000-000000000005',
};

function dwelling(
  id: string,
  huisnummer: number,
  label: DemoVerblijfsobject['energyLabel'],
): DemoVerblijfsobject {
  return {
    id,
    vheNummer: `VHE-${huisnummer}`,
    bagVerblijfsobjectId: null,
    straat: 'Botersloot',
    postcode: '3011 HE',
    huisnummer,
    huisletter: null,
    toevoeging: null,
    woonplaats: 'Rotterdam',
    woningtype: null,
    areaM2: 60,
    floor: 1,
    lift: null,
    energyLabel: label,
  };
}

function label(
  labelClass: 'G' | 'E' | 'C' | 'F',
  registrationDate: string,
  validUntil: string,
): DemoVerblijfsobject['energyLabel'] {
  return {
    class: labelClass,
    registrationDate,
    recordingDate: null,
    validUntil,
    ep2: null,
    energyIndex: null,
    source: 'ep-online',
  };
}

const portfolio: DemoPortfolio = {
  organisation: { id: ids.org, name: 'Woonstichting Test', slug: 'test' },
  complexes: [
    {
      id: ids.c2,
      complexnummer: 'C-2',
      name: 'Hoogvliet',
      gemeente: 'Rotterdam',
      panden: [
        {
          id: ids.p2,
          bagPandId: null,
          bouwjaar: 1965,
          storeys: 4,
          verblijfsobjecten: [dwelling(ids.f, 20, label('F', '2020-01-10', '2030-01-10'))],
        },
      ],
    },
    {
      id: ids.c1,
      complexnummer: 'C-1',
      name: 'Zonnehof',
      gemeente: 'Rotterdam',
      panden: [
        {
          id: ids.p1,
          bagPandId: null,
          bouwjaar: 1968,
          storeys: 3,
          verblijfsobjecten: [
            dwelling(ids.g, 1, label('G', '2014-01-10', '2024-01-10')),
            dwelling(ids.e, 2, label('E', '2018-04-10', '2028-04-10')),
            dwelling(ids.c, 3, label('C', '2019-04-10', '2029-04-10')),
            dwelling(ids.none, 4, null),
          ],
        },
      ],
    },
  ],
};

async function setup() {
  const fixture = testStore({ currentUser: () => duurzaamheid.userId });
  await fixture.store.portfolio.importPortfolio(portfolio);
  return fixture;
}

describe('the EFG list on the device', () => {
  it('lists every E/F/G dwelling per complex with its label, expiry and status kandidaat', async () => {
    const { store } = await setup();
    const list = await store.efg.list('2026-11-22');
    expect(list.map((c) => [c.complexnummer, c.vheNummer, c.label?.class])).toEqual([
      ['C-1', 'VHE-1', 'G'],
      ['C-1', 'VHE-2', 'E'],
      ['C-2', 'VHE-20', 'F'],
    ]);
    expect(list.map((c) => c.expired)).toEqual([true, false, false]);
    expect(list.every((c) => c.status === 'kandidaat' && c.efgCase === undefined)).toBe(true);
  });

  it('creates the case on the first status change with its outbox op in the same write', async () => {
    const { store } = await setup();
    const before = await store.outbox.pendingCount();
    const efgCase = await store.efg.changeStatus(ids.e, {
      to: 'in-voorbereiding',
      actor: duurzaamheid,
    });
    expect(efgCase.status).toBe('in-voorbereiding');
    expect(efgCase.complexId).toBe(ids.c1);
    expect(efgCase.history.map((step) => step.status)).toEqual(['kandidaat', 'in-voorbereiding']);
    expect(await store.outbox.pendingCount()).toBe(before + 1);
    const ops = await store.outbox.peekBatch(100);
    expect(ops.at(-1)).toMatchObject({
      entity: 'efgCase',
      id: ids.e,
      kind: 'upsert',
      fields: { status: 'in-voorbereiding', complexId: ids.c1 },
    });

    await store.efg.changeStatus(ids.e, { to: 'maatregelen-gepland', actor: duurzaamheid });
    const next = (await store.outbox.peekBatch(100)).at(-1);
    expect(Object.keys(next?.fields ?? {}).sort()).toEqual(['history', 'status']);
    const listed = (await store.efg.list('2026-11-22')).find((c) => c.dwellingId === ids.e);
    expect(listed?.status).toBe('maatregelen-gepland');
  });

  it('refuses a step the workflow does not allow, a role that may not, and a drop without reason', async () => {
    const { store } = await setup();
    const count = await store.outbox.pendingCount();
    await expect(
      store.efg.changeStatus(ids.g, { to: 'uitgevoerd', actor: duurzaamheid }),
    ).rejects.toThrow('Van EFG-status kandidaat naar uitgevoerd is niet toegestaan.');
    await expect(
      store.efg.changeStatus(ids.g, { to: 'in-voorbereiding', actor: inspecteur }),
    ).rejects.toThrow('Alleen duurzaamheid of beheerder mag de EFG-status wijzigen.');
    await expect(
      store.efg.changeStatus(ids.g, { to: 'afgevallen', actor: duurzaamheid }),
    ).rejects.toThrow('Geef een reden waarom de woning afvalt.');
    expect(await store.outbox.pendingCount()).toBe(count);
    expect(await store.efg.getCase(ids.g)).toBeUndefined();
  });

  it('drops a dwelling with its reason and keeps it listed as afgevallen', async () => {
    const { store } = await setup();
    await store.efg.changeStatus(ids.g, {
      to: 'afgevallen',
      actor: duurzaamheid,
      drop: { reason: 'sloop-gepland', note: 'Sloop 2027' },
      note: 'Sloop 2027',
    });
    const listed = (await store.efg.list('2026-11-22')).find((c) => c.dwellingId === ids.g);
    expect(listed?.status).toBe('afgevallen');
    expect(listed?.efgCase?.drop).toEqual({ reason: 'sloop-gepland', note: 'Sloop 2027' });
    expect(listed?.efgCase?.history.at(-1)).toMatchObject({ by: 'duurz-1', note: 'Sloop 2027' });
  });

  it('shows the last energie-opname with its proposed measures and a planned one with its inspector', async () => {
    const { store, clock } = await setup();
    const opname = await store.inspections.start({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: ids.g,
    });
    await store.answers.saveAnswer(opname.id, 'maatregelen', {
      type: 'multi-choice',
      value: ['dakisolatie', 'hr-plus-plus-glas'],
    });
    clock.advance(60_000);
    const planned = await store.inspections.plan({
      module: 'energie-opname',
      targetLevel: 'verblijfsobject',
      targetId: ids.e,
      plannedFor: '2026-12-03',
      inspectorId: inspecteur.userId,
    });
    expect(planned).toMatchObject({ status: 'planned', inspectorId: 'insp-1' });

    const list = await store.efg.list('2026-11-22');
    const g = list.find((c) => c.dwellingId === ids.g);
    expect(g?.lastOpname).toMatchObject({
      inspectionId: opname.id,
      status: 'draft',
      proposedMeasures: ['dakisolatie', 'hr-plus-plus-glas'],
    });
    const e = list.find((c) => c.dwellingId === ids.e);
    expect(e?.planned).toEqual({
      inspectionId: planned.id,
      plannedFor: '2026-12-03',
      inspectorId: 'insp-1',
    });
    expect(e?.lastOpname).toBeUndefined();
  });

  it('shows the building’s energie-opname for a dwelling without one of its own', async () => {
    const { store } = await setup();
    const pandOpname = await store.inspections.start({
      module: 'energie-opname',
      targetLevel: 'pand',
      targetId: ids.p1,
    });
    await store.answers.saveAnswer(pandOpname.id, 'maatregelen', {
      type: 'multi-choice',
      value: ['spouwmuurisolatie'],
    });
    await store.inspections.finish(pandOpname.id);
    const list = await store.efg.list('2026-11-22');
    expect(list.find((c) => c.dwellingId === ids.g)?.lastOpname).toMatchObject({
      inspectionId: pandOpname.id,
      targetLevel: 'pand',
      status: 'finished',
      proposedMeasures: ['spouwmuurisolatie'],
    });
    // Another building's opname does not count.
    expect(list.find((c) => c.dwellingId === ids.f)?.lastOpname).toBeUndefined();
  });

  it('remembers the organisation’s target and falls back to the policy default', async () => {
    const { store } = await setup();
    expect(await store.efg.target()).toEqual(DEFAULT_EFG_TARGET);
    await store.efg.rememberTarget({ deadline: '2027-12-31', sharePercent: 80 });
    expect(await store.efg.target()).toEqual({ deadline: '2027-12-31', sharePercent: 80 });
    await expect(
      store.efg.rememberTarget({ deadline: '2027-12-31', sharePercent: 0 }),
    ).rejects.toThrow();
  });
});
