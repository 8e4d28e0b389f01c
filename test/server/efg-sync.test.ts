// The EFG workflow as the server enforces it on pushed efgCase ops, against both stores: allowed
// steps apply, forbidden steps and roles are rejected per op with a Dutch reason, and the audit
// trail can only grow.
import { describe, expect, it } from 'vitest';
import type { EfgCaseStep } from '../../src/shared/domain/index.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, pullAll, push, syncApp, user } from './sync-fixtures.ts';

const complexId = uuidv7();

function step(status: EfgCaseStep['status'], by: string, minute: number): EfgCaseStep {
  return { status, by, at: `2026-11-22T09:${String(minute).padStart(2, '0')}:00.000Z` };
}

describe.each(storeKinds)('EFG workflow on %s', (kind) => {
  const fixture = useFreshStore(kind);

  async function setup() {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const duurzaamheid = await user(store, 'duurzaamheid');
    const by = duurzaamheid.user.id;
    return { store, app, duurzaamheid, by, organisation: duurzaamheid.organisation };
  }

  it('applies a new kandidaat case and a permitted step by duurzaamheid, and pulls the result', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const id = uuidv7();
    const created = [step('kandidaat', by, 0)];
    const moved = [...created, step('in-voorbereiding', by, 1)];
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', id, { complexId, status: 'kandidaat', history: created }),
      device.op('efgCase', id, { status: 'in-voorbereiding', history: moved }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const { records } = await pullAll(app, duurzaamheid, device);
    const fields = records.get(`efgCase/${id}`)?.fields;
    expect(fields?.status?.value).toBe('in-voorbereiding');
    expect(fields?.history?.value).toEqual(moved);
  });

  it('accepts a new case whose first change is already made (kandidaat, then the step)', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const history = [step('kandidaat', by, 0), step('in-voorbereiding', by, 1)];
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', uuidv7(), { complexId, status: 'in-voorbereiding', history }),
    ]);
    expect(result.results[0]).toEqual({ seq: 1, status: 'applied' });
  });

  it('rejects a forbidden step per op with a Dutch reason and still applies the next op', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const id = uuidv7();
    const created = [step('kandidaat', by, 0)];
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', id, { complexId, status: 'kandidaat', history: created }),
      device.op('efgCase', id, {
        status: 'uitgevoerd',
        history: [...created, step('uitgevoerd', by, 1)],
      }),
      device.op('efgCase', id, {
        status: 'in-voorbereiding',
        history: [...created, step('in-voorbereiding', by, 2)],
      }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(result.results[1]?.reason).toBe(
      'Van EFG-status kandidaat naar uitgevoerd is niet toegestaan.',
    );
    expect(result.appliedUpTo).toBe(3);
    const { records } = await pullAll(app, duurzaamheid, device);
    expect(records.get(`efgCase/${id}`)?.fields.status?.value).toBe('in-voorbereiding');
  });

  it('drops a dwelling only with a valid reason', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const id = uuidv7();
    const created = [step('kandidaat', by, 0)];
    const dropped = [...created, step('afgevallen', by, 1)];
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', id, { complexId, status: 'kandidaat', history: created }),
      device.op('efgCase', id, { status: 'afgevallen', history: dropped }),
      device.op('efgCase', id, {
        status: 'afgevallen',
        history: dropped,
        drop: { reason: 'anders' },
      }),
      device.op('efgCase', id, {
        status: 'afgevallen',
        history: dropped,
        drop: { reason: 'monument' },
      }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(result.results[1]?.reason).toBe('Geef een reden waarom de woning afvalt.');
    expect(result.results[2]?.reason).toContain('Bij reden "anders" is een toelichting verplicht.');
    const { records } = await pullAll(app, duurzaamheid, device);
    expect(records.get(`efgCase/${id}`)?.fields.drop?.value).toEqual({ reason: 'monument' });
  });

  it('refuses an inspecteur who tries to create a case', async () => {
    const { app, store, organisation } = await setup();
    const inspector = await user(store, 'inspecteur', organisation);
    const device = new Device();
    const result = await push(app, inspector, device, [
      device.op('efgCase', uuidv7(), {
        complexId,
        status: 'kandidaat',
        history: [step('kandidaat', inspector.user.id, 0)],
      }),
    ]);
    expect(result.results[0]?.status).toBe('rejected');
    expect(result.results[0]?.reason).toBe(
      'Alleen duurzaamheid of beheerder mag een EFG-dossier wijzigen.',
    );
    const { records } = await pullAll(app, inspector, device);
    expect([...records.keys()].filter((key) => key.startsWith('efgCase/'))).toEqual([]);
  });

  it('refuses a status change by veiligheid but lets a beheerder make it', async () => {
    const { app, store, duurzaamheid, by, organisation } = await setup();
    const id = uuidv7();
    const created = [step('kandidaat', by, 0)];
    const first = new Device();
    await push(app, duurzaamheid, first, [
      first.op('efgCase', id, { complexId, status: 'kandidaat', history: created }),
    ]);
    const safety = await user(store, 'veiligheid', organisation);
    const admin = await user(store, 'beheerder', organisation);
    const change = (who: string) => ({
      status: 'in-voorbereiding',
      history: [...created, step('in-voorbereiding', who, 5)],
    });
    const other = new Device();
    const refused = await push(app, safety, other, [
      other.op('efgCase', id, change(safety.user.id)),
    ]);
    expect(refused.results[0]?.status).toBe('rejected');
    const third = new Device();
    const allowed = await push(app, admin, third, [third.op('efgCase', id, change(admin.user.id))]);
    expect(allowed.results[0]).toEqual({ seq: 1, status: 'applied' });
  });

  it('refuses a new case that does not start as kandidaat or whose status is not its last step', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', uuidv7(), {
        complexId,
        status: 'in-voorbereiding',
        history: [step('in-voorbereiding', by, 0)],
      }),
      device.op('efgCase', uuidv7(), {
        complexId,
        status: 'maatregelen-gepland',
        history: [step('kandidaat', by, 0)],
      }),
    ]);
    expect(result.results.map((r) => r.reason)).toEqual([
      'Een nieuw EFG-dossier begint met status kandidaat.',
      'De EFG-status moet gelijk zijn aan de laatste stap in de geschiedenis.',
    ]);
  });

  it('keeps the history an audit trail: no rewritten steps, no deletion', async () => {
    const { app, duurzaamheid, by } = await setup();
    const device = new Device();
    const id = uuidv7();
    const created = [step('kandidaat', by, 0)];
    const result = await push(app, duurzaamheid, device, [
      device.op('efgCase', id, { complexId, status: 'kandidaat', history: created }),
      device.op('efgCase', id, {
        status: 'in-voorbereiding',
        history: [step('kandidaat', by, 30), step('in-voorbereiding', by, 31)],
      }),
      device.op('efgCase', id, { complexId: uuidv7() }),
      device.remove('efgCase', id),
      device.op('efgCase', id, { note: 'Bewoner wil eerst overleg over de planning.' }),
    ]);
    expect(result.results.map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(result.results[1]?.reason).toContain('is intussen gewijzigd');
    expect(result.results[2]?.reason).toBe(
      'Een EFG-dossier kan niet naar een ander complex verhuizen.',
    );
    expect(result.results[3]?.reason).toContain('wordt niet verwijderd');
  });
});
