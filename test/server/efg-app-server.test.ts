// The app's EFG repository and the server's EFG rules agree: the outbox ops a duurzaamheid
// device writes (case created as kandidaat plus a step, a further step, a drop with a reason) are
// all applied by the server, on both stores. A device on fake IndexedDB, the server in-process.
import '../support/fresh-indexeddb.ts';
import { describe, expect, it } from 'vitest';
import type { DemoPortfolio } from '../../src/shared/domain/demo-portfolio.ts';
import { PROTOCOL_VERSION } from '../../src/shared/sync/protocol.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { testStore } from '../unit/db/store-fixtures.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, postPush, pullAll, syncApp, user } from './sync-fixtures.ts';

function portfolio(): { portfolio: DemoPortfolio; dwellings: string[] } {
  const dwellings = [uuidv7(), uuidv7()];
  const label = {
    class: 'G' as const,
    registrationDate: '2018-04-10',
    recordingDate: null,
    validUntil: '2028-04-10',
    ep2: null,
    energyIndex: null,
    source: 'ep-online' as const,
  };
  return {
    dwellings,
    portfolio: {
      organisation: { id: uuidv7(), name: 'Woonstichting Test', slug: 'test' },
      complexes: [
        {
          id: uuidv7(),
          complexnummer: 'C-1',
          name: 'Zonnehof',
          gemeente: null,
          panden: [
            {
              id: uuidv7(),
              bagPandId: null,
              bouwjaar: 1968,
              storeys: 3,
              verblijfsobjecten: dwellings.map((id, index) => ({
                id,
                vheNummer: `VHE-${index}`,
                bagVerblijfsobjectId: null,
                postcode: '3011 HE',
                huisnummer: index + 1,
                huisletter: null,
                toevoeging: null,
                woonplaats: 'Rotterdam',
                woningtype: null,
                areaM2: 60,
                floor: 1,
                lift: null,
                energyLabel: label,
              })),
            },
          ],
        },
      ],
    },
  };
}

describe.each(storeKinds)('EFG device and server on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('applies every EFG op the app’s repository writes', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const team = await user(store, 'duurzaamheid');
    const actor = { userId: team.user.id, role: 'duurzaamheid' as const };
    const device = testStore({ currentUser: () => team.user.id });
    const { portfolio: data, dwellings } = portfolio();
    await device.store.portfolio.importPortfolio(data);
    const [first = '', second = ''] = dwellings;

    await device.store.efg.changeStatus(first, { to: 'in-voorbereiding', actor });
    await device.store.efg.changeStatus(first, { to: 'maatregelen-gepland', actor });
    await device.store.efg.changeStatus(second, {
      to: 'afgevallen',
      actor,
      drop: { reason: 'anders', note: 'Woning wordt samengevoegd' },
    });
    const ops = await device.store.outbox.peekBatch(100);
    expect(ops.map((op) => op.entity)).toEqual(['efgCase', 'efgCase', 'efgCase']);

    const response = await postPush(app, team, {
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: 1,
      clientId: ops[0]?.clientId,
      ops,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { results: { status: string; reason?: string }[] };
    expect(body.results).toEqual([
      { seq: 1, status: 'applied' },
      { seq: 2, status: 'applied' },
      { seq: 3, status: 'applied' },
    ]);
    const { records } = await pullAll(app, team, new Device());
    expect(records.get(`efgCase/${first}`)?.fields.status?.value).toBe('maatregelen-gepland');
    expect(records.get(`efgCase/${second}`)?.fields.drop?.value).toEqual({
      reason: 'anders',
      note: 'Woning wordt samengevoegd',
    });
    device.store.close();
  });
});
