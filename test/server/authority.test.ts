// The server as the authority over every synced field, against both stores: what an attacker
// with a valid account tries (issue #10) is refused per op with a Dutch reason, the queue moves
// on, and the stored records stay as they were. Every op is judged against the stored record.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids.ts';
import type { Store } from '../../src/server/store/store.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import {
  Device,
  newAction,
  newInspection,
  pullAll,
  push,
  stamp,
  syncApp,
  user,
  type TestApp,
} from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';
import type { Op } from '../../src/shared/sync/protocol.ts';

const PHOTO = 'a'.repeat(64);

function finding(inspectionId: string, description = 'Brandwerende deur sluit niet') {
  return {
    inspectionId,
    location: 'Trappenhuis 2e verdieping',
    description,
    severity: 'ernstig',
    photoIds: [],
    createdAt: '2026-11-02T09:05:00Z',
  };
}

function photo(inspectionId: string, extra: Record<string, unknown> = {}) {
  return {
    mimeType: 'image/jpeg',
    width: 1600,
    height: 1200,
    bytes: 1000,
    createdAt: '2026-11-02T09:06:00Z',
    inspectionId,
    ...extra,
  };
}

/** Anna's inspection with a finding and a photo; Bram is a colleague with an inspection of his own. */
async function colleagues(app: TestApp, store: Store) {
  const anna = await user(store, 'inspecteur');
  const bram = await user(store, 'inspecteur', anna.organisation);
  const annaTablet = new Device();
  const { id: annaInspection, op } = newInspection(annaTablet, anna.user.id);
  const findingId = uuidv7();
  await push(app, anna, annaTablet, [
    op,
    annaTablet.op('finding', findingId, finding(annaInspection)),
    annaTablet.op('photo', PHOTO, photo(annaInspection)),
  ]);
  const bramTablet = new Device();
  const { id: bramInspection, op: own } = newInspection(bramTablet, bram.user.id);
  await push(app, bram, bramTablet, [own]);
  return { anna, bram, annaTablet, bramTablet, annaInspection, bramInspection, findingId };
}

/** The op stamped a little after now: newer than anything stored so far. */
function later(op: Op): Op {
  return { ...op, hlc: stamp(Date.now() + op.seq, 'later') };
}

async function recordOf(app: TestApp, who: SignedInUser, key: string) {
  return (await pullAll(app, who, new Device())).records.get(key);
}

describe.each(storeKinds)('server authority on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('refuses closing a fire-safety action by swapping its module within one push', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const { id, op, created } = newAction(device);
    await push(app, inspector, device, [op]);

    const response = await push(app, inspector, device, [
      device.op('action', id, { moduleId: 'optoppen-scan' }),
      device.op('action', id, {
        status: 'afgerond',
        history: [
          created,
          { status: 'afgerond', by: inspector.user.id, at: '2026-11-03T09:00:00Z', note: 'Klaar' },
        ],
      }),
      device.op('action', id, { moduleId: 'brandveiligheidsronde' }),
      device.op('action', id, { what: 'Brandwerende deur vervangen' }),
    ]);

    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(response.results[0]?.reason).toBe('De module van een actie ligt vast bij het aanmaken.');
    expect(response.results[1]?.reason).toBe(
      'Alleen veiligheid of beheerder mag een brandveiligheidsactie afsluiten.',
    );
    expect(response.appliedUpTo).toBe(response.results.at(-1)?.seq);
    const stored = await recordOf(app, inspector, `action/${id}`);
    expect(stored?.fields.status?.value).toBe('open');
    expect(stored?.fields.moduleId?.value).toBe('brandveiligheidsronde');
    expect(stored?.fields.history?.value).toEqual([created]);
    expect(stored?.fields.what?.value).toBe('Brandwerende deur vervangen');
  });

  it('keeps fields fixed at creation, for every role, and moves on to the next op', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const { anna, annaTablet, annaInspection, findingId } = await colleagues(app, store);
    const beheerder = await user(store, 'beheerder', anna.organisation);
    const { id: otherInspection, op: second } = newInspection(annaTablet, anna.user.id);
    const { id: actionId, op: action } = newAction(annaTablet, 'optoppen-scan', {
      findingId,
      inspectionId: annaInspection,
    });
    await push(app, anna, annaTablet, [second, action]);

    const office = new Device();
    const byAnna = await push(app, anna, annaTablet, [
      annaTablet.op('finding', findingId, { inspectionId: otherInspection }),
      annaTablet.op('inspection', annaInspection, { targetId: uuidv7() }),
      annaTablet.op('action', actionId, { findingId: uuidv7() }),
      annaTablet.op('photo', PHOTO, { questionId: 'vluchtroute-vrij' }),
      annaTablet.op('finding', findingId, { description: 'Deur sluit niet zelfstandig' }),
    ]);
    expect(byAnna.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(byAnna.results[0]?.reason).toBe(
      'Een bevinding kan niet naar een andere inspectie verhuizen.',
    );
    expect(byAnna.results[1]?.reason).toMatch(/^Het veld targetId van inspection ligt vast/);
    // Also a beheerder, who may write everywhere, cannot move a record to another owner.
    const byBeheerder = await push(app, beheerder, office, [
      office.op('action', actionId, { inspectionId: otherInspection }),
      office.op('photo', PHOTO, { inspectionId: otherInspection }),
    ]);
    expect(byBeheerder.results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(byBeheerder.results[1]?.reason).toBe(
      'Een foto kan niet naar een andere inspectie verhuizen.',
    );

    const { records } = await pullAll(app, anna, new Device());
    expect(records.get(`finding/${findingId}`)?.fields.inspectionId?.value).toBe(annaInspection);
    expect(records.get(`finding/${findingId}`)?.fields.description?.value).toBe(
      'Deur sluit niet zelfstandig',
    );
    expect(records.get(`action/${actionId}`)?.fields.findingId?.value).toBe(findingId);
    expect(records.get(`action/${actionId}`)?.fields.inspectionId?.value).toBe(annaInspection);
    expect(records.get(`photo/${PHOTO}`)?.fields.inspectionId?.value).toBe(annaInspection);
    expect(records.get(`photo/${PHOTO}`)?.fields.questionId).toBeUndefined();
  });

  it('never lets a closed action’s history be rewritten, not even by whoever closed it', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const safety = await user(store, 'veiligheid', inspector.organisation);
    const device = new Device();
    const { id, op, created } = newAction(device);
    await push(app, inspector, device, [op]);
    const closing = {
      status: 'afgerond',
      by: safety.user.id,
      at: '2026-11-03T09:00:00Z',
      note: 'Deurdranger vervangen',
    };
    const office = new Device();
    const closed = await push(app, safety, office, [
      office.op('action', id, { status: 'afgerond', history: [created, closing] }),
    ]);
    expect(closed.results[0]?.status).toBe('applied');

    const rewrites = [
      // Another author and note for the closing step, status unchanged.
      [created, { ...closing, by: inspector.user.id, note: 'Niets aan de hand' }],
      // The creation step rewritten.
      [{ ...created, at: '2026-10-01T09:00:00Z' }, closing],
      // A step appended without a status change.
      [created, closing, { status: 'afgerond', by: safety.user.id, at: '2026-11-04T09:00:00Z' }],
      // Steps dropped.
      [created],
    ];
    // Stamped after the closing step, so each would win the per-field merge if it were allowed.
    const byInspector = await push(
      app,
      inspector,
      device,
      rewrites.map((history) => later(device.op('action', id, { history }))),
    );
    expect(byInspector.results.map((result) => result.status)).toEqual(
      rewrites.map(() => 'rejected'),
    );
    expect(byInspector.results[0]?.reason).toMatch(/opgeslagen stappen veranderen niet/);
    expect(byInspector.results[2]?.reason).toBe(
      'De historie van een actie groeit alleen met een statuswijziging.',
    );
    const bySafety = await push(app, safety, office, [
      later(office.op('action', id, { history: [created, { ...closing, note: 'Anders' }] })),
    ]);
    expect(bySafety.results[0]?.status).toBe('rejected');

    const stored = await recordOf(app, safety, `action/${id}`);
    expect(stored?.fields.status?.value).toBe('afgerond');
    expect(stored?.fields.history?.value).toEqual([created, closing]);
  });

  it('stores only steps authored by the pushing user, one transition at a time', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const safety = await user(store, 'veiligheid');
    const colleague = await user(store, 'veiligheid', safety.organisation);
    const device = new Device();
    const { id, op, created } = newAction(device);
    await push(app, safety, device, [op]);
    const step = (by: string, status = 'afgerond') => ({
      status,
      by,
      at: '2026-11-03T09:00:00Z',
      note: 'Deur vervangen',
    });

    const fields = {
      moduleId: 'brandveiligheidsronde',
      what: 'Nooduitgang vrijmaken',
      ownerRole: 'veiligheid',
      dueDate: '2026-12-01',
      status: 'open',
    };
    const response = await push(app, safety, device, [
      // A closing step in a colleague's name.
      device.op('action', id, { status: 'afgerond', history: [created, step(colleague.user.id)] }),
      // Two steps at once.
      device.op('action', id, {
        status: 'afgerond',
        history: [
          created,
          step(safety.user.id, 'in-behandeling'),
          step(safety.user.id, 'afgerond'),
        ],
      }),
      // A new action made in a colleague's name, and one born with a history of steps.
      device.op('action', uuidv7(), {
        ...fields,
        history: [{ ...created, by: colleague.user.id }],
      }),
      device.op('action', uuidv7(), {
        ...fields,
        history: [created, step(safety.user.id, 'in-behandeling'), created],
      }),
      device.op('action', id, { status: 'afgerond', history: [created, step(safety.user.id)] }),
    ]);

    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(response.results[0]?.reason).toBe(
      'De nieuwe stap in de historie moet uw eigen gebruiker noemen.',
    );
    expect(response.results[1]?.reason).toBe(
      'Een statuswijziging voegt precies één stap toe aan de historie.',
    );
    expect(response.results[2]?.reason).toBe(
      'De eerste stap van een nieuwe actie moet uw eigen gebruiker noemen.',
    );
    expect(response.results[3]?.reason).toBe('Een nieuwe actie begint met status open.');
    const stored = await recordOf(app, safety, `action/${id}`);
    expect(stored?.fields.history?.value).toEqual([created, step(safety.user.id)]);
  });

  it('judges ownership on the stored record: a colleague’s finding, answer or photo cannot be taken over', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const { anna, bram, bramTablet, annaInspection, bramInspection, findingId } = await colleagues(
      app,
      store,
    );

    const response = await push(app, bram, bramTablet, [
      later(bramTablet.op('finding', findingId, finding(bramInspection, 'Overgenomen'))),
      later(bramTablet.op('photo', PHOTO, photo(bramInspection))),
      bramTablet.op('answer', `${annaInspection}/vluchtroute-vrij`, {
        inspectionId: bramInspection,
        questionId: 'vluchtroute-vrij',
        value: { type: 'ja-nee', value: 'ja' },
        answeredAt: '2026-11-02T09:10:00Z',
      }),
      bramTablet.op('finding', uuidv7(), finding(bramInspection, 'Eigen bevinding')),
    ]);

    expect(response.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(response.results[0]?.reason).toContain('U mag alleen uw eigen inspecties');
    expect(response.results[1]?.reason).toContain('U mag alleen uw eigen inspecties');
    expect(response.results[2]?.reason).toBe(
      'De inspectie en vraag van een antwoord volgen uit zijn id.',
    );
    const { records } = await pullAll(app, anna, new Device());
    expect(records.get(`finding/${findingId}`)?.fields.inspectionId?.value).toBe(annaInspection);
    expect(records.get(`finding/${findingId}`)?.fields.description?.value).toBe(
      'Brandwerende deur sluit niet',
    );
    expect(records.get(`photo/${PHOTO}`)?.fields.inspectionId?.value).toBe(annaInspection);
    expect(records.has(`answer/${annaInspection}/vluchtroute-vrij`)).toBe(false);
  });

  it('accepts a photo with an action only as evidence for a step the pusher may make on that action’s inspection', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const { anna, bram, bramTablet, annaTablet, annaInspection, bramInspection } = await colleagues(
      app,
      store,
    );
    const safety = await user(store, 'veiligheid', anna.organisation);
    // Bram's own action (no inspection) and one of his inspection; Anna's fire-safety action.
    const { id: looseAction, op: loose } = newAction(bramTablet, 'optoppen-scan');
    const { id: bramAction, op: own } = newAction(bramTablet, 'optoppen-scan', {
      inspectionId: bramInspection,
    });
    await push(app, bram, bramTablet, [loose, own]);
    const {
      id: fireAction,
      op: fire,
      created,
    } = newAction(annaTablet, 'brandveiligheidsronde', {
      inspectionId: annaInspection,
    });
    await push(app, anna, annaTablet, [fire]);
    const hashes = ['1', '2', '3', '4', '5'].map((digit) => digit.repeat(64));

    const byBram = await push(app, bram, bramTablet, [
      // Anna's inspection through any action: refused.
      bramTablet.op('photo', hashes[0]!, photo(annaInspection, { actionId: looseAction })),
      bramTablet.op('photo', hashes[1]!, photo(annaInspection, { actionId: bramAction })),
      // An existing photo of Anna's inspection does not become Bram's by naming an action.
      bramTablet.op('photo', PHOTO, { actionId: bramAction }),
      // Bram's own action photo on his own action's inspection: fine.
      bramTablet.op('photo', hashes[2]!, photo(bramInspection, { actionId: bramAction })),
    ]);
    expect(byBram.results.map((result) => result.status)).toEqual([
      'rejected',
      'rejected',
      'rejected',
      'applied',
    ]);
    expect(byBram.results[0]?.reason).toBe(
      'Een foto bij een actie hoort bij de inspectie van die actie.',
    );
    expect(byBram.results[2]?.reason).toContain('U mag alleen uw eigen inspecties');

    // Team veiligheid closes Anna's fire-safety action with an evidence photo...
    const office = new Device();
    const closing = {
      status: 'afgerond',
      by: safety.user.id,
      at: '2026-11-03T09:00:00Z',
      note: 'Deurdranger vervangen',
      photoIds: [hashes[3]!],
    };
    const bySafety = await push(app, safety, office, [
      office.op('photo', hashes[3]!, photo(annaInspection, { actionId: fireAction })),
      office.op('action', fireAction, { status: 'afgerond', history: [created, closing] }),
    ]);
    expect(bySafety.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    // ...after which nobody but a beheerder can add a step, so an inspecteur adds no photo.
    const late = await push(app, anna, annaTablet, [
      annaTablet.op('photo', hashes[4]!, photo(annaInspection, { actionId: fireAction })),
    ]);
    expect(late.results[0]).toMatchObject({
      status: 'rejected',
      reason: 'U mag geen stap aan deze actie toevoegen, en dus ook geen foto bij een stap.',
    });

    const { records } = await pullAll(app, anna, new Device());
    expect(records.has(`photo/${hashes[0]}`)).toBe(false);
    expect(records.has(`photo/${hashes[1]}`)).toBe(false);
    expect(records.get(`photo/${PHOTO}`)?.fields.actionId).toBeUndefined();
    expect(records.get(`photo/${hashes[3]}`)?.fields.actionId?.value).toBe(fireAction);
    expect(records.has(`photo/${hashes[4]}`)).toBe(false);
  });

  it('refuses an answer or EFG step that names someone other than the pushing user', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const { anna, bram, annaTablet, annaInspection } = await colleagues(app, store);
    const duurzaamheid = await user(store, 'duurzaamheid', anna.organisation);
    const answer = {
      inspectionId: annaInspection,
      questionId: 'vluchtroute-vrij',
      value: { type: 'ja-nee', value: 'ja' },
      answeredAt: '2026-11-02T09:10:00Z',
    };
    const answers = await push(app, anna, annaTablet, [
      annaTablet.op('answer', `${annaInspection}/vluchtroute-vrij`, {
        ...answer,
        answeredBy: bram.user.id,
      }),
      annaTablet.op('answer', `${annaInspection}/vluchtroute-vrij`, {
        ...answer,
        answeredBy: anna.user.id,
      }),
    ]);
    expect(answers.results.map((result) => result.status)).toEqual(['rejected', 'applied']);
    expect(answers.results[0]?.reason).toBe(
      'Het veld answeredBy noemt wie het schreef: dat moet uw eigen gebruiker zijn.',
    );

    const device = new Device();
    const caseId = uuidv7();
    const kandidaat = { status: 'kandidaat', by: duurzaamheid.user.id, at: '2026-11-02T09:00:00Z' };
    const efg = await push(app, duurzaamheid, device, [
      device.op('efgCase', uuidv7(), {
        complexId: uuidv7(),
        status: 'kandidaat',
        history: [{ ...kandidaat, by: bram.user.id }],
      }),
      device.op('efgCase', caseId, {
        complexId: uuidv7(),
        status: 'kandidaat',
        history: [kandidaat],
      }),
      device.op('efgCase', caseId, {
        status: 'in-voorbereiding',
        history: [
          kandidaat,
          { status: 'in-voorbereiding', by: bram.user.id, at: '2026-11-03T09:00:00Z' },
        ],
      }),
    ]);
    expect(efg.results.map((result) => result.status)).toEqual(['rejected', 'applied', 'rejected']);
    expect(efg.results[2]?.reason).toBe(
      'Een nieuwe stap in de EFG-geschiedenis moet uw eigen gebruiker noemen.',
    );
  });
});
