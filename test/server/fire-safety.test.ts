// Fire-safety round schedules and action evidence photos through sync, against both stores: who
// may plan rounds, that a merged schedule must be whole and valid, and that team veiligheid may
// attach a closing photo to an inspecteur's action without owning the inspection.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, newAction, newInspection, pullAll, push, syncApp, user } from './sync-fixtures.ts';

function schedule(pandId: string, complexId = uuidv7()) {
  return {
    pandId,
    complexId,
    frequency: 'per-kwartaal',
    startsOn: '2026-09-01',
    active: true,
  };
}

const PHOTO = 'd'.repeat(64);

describe.each(storeKinds)('fire-safety sync on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('lets team veiligheid create a schedule and change it, and every device pulls it', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const safety = await user(store, 'veiligheid');
    const inspector = await user(store, 'inspecteur', safety.organisation);
    const device = new Device();
    const pandId = uuidv7();

    const created = await push(app, safety, device, [
      device.op('roundSchedule', pandId, schedule(pandId)),
      device.op('roundSchedule', pandId, { frequency: 'maandelijks', active: false }),
    ]);
    expect(created.results.map((result) => result.status)).toEqual(['applied', 'applied']);

    const { records } = await pullAll(app, inspector, new Device());
    const pulled = records.get(`roundSchedule/${pandId}`);
    expect(pulled?.fields.frequency?.value).toBe('maandelijks');
    expect(pulled?.fields.active?.value).toBe(false);
    expect(pulled?.fields.startsOn?.value).toBe('2026-09-01');
  });

  it('rejects an inspecteur’s schedule ops one by one with a Dutch reason and applies the rest', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const safety = await user(store, 'veiligheid');
    const inspector = await user(store, 'inspecteur', safety.organisation);
    const pandId = uuidv7();
    const planner = new Device();
    await push(app, safety, planner, [planner.op('roundSchedule', pandId, schedule(pandId))]);

    const device = new Device();
    const otherPand = uuidv7();
    const ops = [
      device.op('roundSchedule', otherPand, schedule(otherPand)),
      device.op('roundSchedule', pandId, { frequency: 'jaarlijks' }),
    ];
    const response = await push(app, inspector, device, [...ops, newInspection(device).op]);
    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(response.results[0]?.reason).toBe(
      'Alleen veiligheid of beheerder mag het rondeschema wijzigen.',
    );
    expect(response.appliedUpTo).toBe(3);

    const { records } = await pullAll(app, safety, new Device());
    expect(records.has(`roundSchedule/${otherPand}`)).toBe(false);
    expect(records.get(`roundSchedule/${pandId}`)?.fields.frequency?.value).toBe('per-kwartaal');
  });

  it('rejects a schedule that is incomplete or invalid once merged, and one whose id is not its pand', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const safety = await user(store, 'beheerder');
    const device = new Device();
    const [incomplete, valid, wrongId] = [uuidv7(), uuidv7(), uuidv7()];

    const response = await push(app, safety, device, [
      // A new schedule with only a frequency: no pand, complex or start date.
      device.op('roundSchedule', incomplete, { frequency: 'jaarlijks' }),
      device.op('roundSchedule', valid, schedule(valid)),
      // Each field valid on its own, but the id must be the pand's (one schedule per pand).
      device.op('roundSchedule', wrongId, schedule(uuidv7())),
      // A partial change that keeps the merged record valid.
      device.op('roundSchedule', valid, { startsOn: '2026-12-31' }),
      // A field the schema refuses.
      device.op('roundSchedule', valid, { frequency: 'wekelijks' }),
    ]);
    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'applied',
      'rejected',
      'applied',
      'rejected',
    ]);
    expect(response.results[0]?.reason).toMatch(/^Ongeldig rondeschema na deze wijziging: /);
    expect(response.results[2]?.reason).toBe(
      'Een pand heeft één rondeschema: de id van het schema moet de id van het pand zijn.',
    );
    expect(response.results[4]?.reason).toContain('Kies maandelijks, per kwartaal');

    const { records } = await pullAll(app, safety, new Device());
    expect(records.has(`roundSchedule/${incomplete}`)).toBe(false);
    expect(records.has(`roundSchedule/${wrongId}`)).toBe(false);
    expect(records.get(`roundSchedule/${valid}`)?.fields.startsOn?.value).toBe('2026-12-31');
    expect(records.get(`roundSchedule/${valid}`)?.fields.frequency?.value).toBe('per-kwartaal');
  });

  it('lets team veiligheid close an inspecteur’s action with an evidence photo, but not take over the inspection’s photos', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const safety = await user(store, 'veiligheid', inspector.organisation);
    const field = new Device();
    const { id: inspectionId, op: inspection } = newInspection(field, inspector.user.id);
    const {
      id: actionId,
      op: action,
      created,
    } = newAction(field, 'brandveiligheidsronde', {
      inspectionId,
    });
    const inspectionPhoto = 'e'.repeat(64);
    const photoFields = {
      mimeType: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: 1000,
      createdAt: '2026-11-03T09:00:00Z',
      inspectionId,
    };
    await push(app, inspector, field, [
      inspection,
      action,
      field.op('photo', inspectionPhoto, photoFields),
    ]);

    const office = new Device();
    const response = await push(app, safety, office, [
      office.op('photo', PHOTO, { ...photoFields, actionId }),
      office.op('action', actionId, {
        status: 'afgerond',
        history: [
          created,
          {
            status: 'afgerond',
            by: safety.user.id,
            at: '2026-11-03T09:01:00Z',
            note: 'Deurdranger vervangen',
            photoIds: [PHOTO],
          },
        ],
      }),
      // An action photo for an action the server does not know.
      office.op('photo', 'f'.repeat(64), { ...photoFields, actionId: uuidv7() }),
      // The inspecteur's own photo stays theirs, also when an action id is added to it.
      office.op('photo', inspectionPhoto, { actionId }),
      // A photo of the inspection without an action is the inspecteur's to add.
      office.op('photo', '1'.repeat(64), photoFields),
    ]);
    expect(response.results.map((result) => result.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'rejected',
      'rejected',
    ]);
    expect(response.results[2]?.reason).toMatch(/^De actie .* van deze foto is onbekend/);
    expect(response.results[3]?.reason).toContain('U mag alleen uw eigen inspecties');

    const { records } = await pullAll(app, inspector, new Device());
    const closed = records.get(`action/${actionId}`);
    expect(closed?.fields.status?.value).toBe('afgerond');
    expect(closed?.fields.history?.value).toEqual([
      created,
      {
        status: 'afgerond',
        by: safety.user.id,
        at: '2026-11-03T09:01:00Z',
        note: 'Deurdranger vervangen',
        photoIds: [PHOTO],
      },
    ]);
    expect(records.get(`photo/${PHOTO}`)?.fields.actionId?.value).toBe(actionId);
    expect(records.get(`photo/${inspectionPhoto}`)?.fields.actionId).toBeUndefined();
  });

  it('still refuses closing a fire-safety action by an inspecteur, photo or not', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const { id: actionId, op: action, created } = newAction(device);
    const response = await push(app, inspector, device, [
      action,
      device.op('action', actionId, {
        status: 'afgerond',
        history: [
          created,
          {
            status: 'afgerond',
            by: 'y',
            at: '2026-11-03T09:01:00Z',
            note: 'Klaar',
            photoIds: [PHOTO],
          },
        ],
      }),
    ]);
    expect(response.results.map((result) => result.status)).toEqual(['applied', 'rejected']);
    expect(response.results[1]?.reason).toBe(
      'Alleen veiligheid of beheerder mag een brandveiligheidsactie afsluiten.',
    );
  });
});
