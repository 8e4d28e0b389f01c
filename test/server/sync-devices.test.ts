// A device id belongs to the user who first pushed under it: anyone can read device ids from
// pulled clocks, so pushing or pulling under someone else's id is refused and can never make
// the owner's later ops count as duplicates (issue 10, item 3).
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/server/auth/sessions.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import {
  Device,
  getPull,
  newInspection,
  postPush,
  pullAll,
  push,
  pushBody,
  syncApp,
  user,
} from './sync-fixtures.ts';
import { bearer, type SignedInUser } from './support/auth.ts';

describe.each(storeKinds)('device ids bound to their user on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('refuses a push under a colleague’s device id with 403, and the colleague loses nothing', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const victim = await user(store, 'inspecteur');
    const attacker = await user(store, 'inspecteur', victim.organisation);
    const victimDevice = new Device();
    const first = newInspection(victimDevice, victim.user.id);
    await push(app, victim, victimDevice, [first.op]);

    // The attacker learns the device id (the node of every clock it wrote) and pushes far
    // ahead under it.
    const stolen = new Device();
    const forged = Array.from({ length: 5 }, () => newInspection(stolen, attacker.user.id).op);
    const ops = forged.map((op, i) => ({ ...op, clientId: victimDevice.clientId, seq: i + 2 }));
    const refused = await postPush(app, attacker, pushBody(victimDevice, ops));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/andere gebruiker/);
    const peek = await getPull(app, attacker, victimDevice, 0);
    expect(peek.status).toBe(403);

    // The victim's next ops are applied, not answered as duplicates.
    const second = newInspection(victimDevice, victim.user.id);
    const answer = await push(app, victim, victimDevice, [second.op]);
    expect(answer.results).toEqual([{ seq: 2, status: 'applied' }]);
    const { records, appliedUpTo } = await pullAll(app, victim, victimDevice);
    expect(appliedUpTo).toBe(2);
    expect(records.has(`inspection/${second.id}`)).toBe(true);
    for (const op of forged) expect(records.has(`inspection/${op.id}`)).toBe(false);
  });

  it('lets the same user continue a device id after signing in again (a new session)', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    await push(app, inspector, device, [newInspection(device, inspector.user.id).op]);

    const session = await createSession(store, inspector.user.id);
    const again: SignedInUser = {
      ...inspector,
      token: session.token,
      headers: bearer(session.token),
    };
    const answer = await push(app, again, device, [newInspection(device, inspector.user.id).op]);
    expect(answer.results).toEqual([{ seq: 2, status: 'applied' }]);
    expect((await getPull(app, again, device, 0)).status).toBe(200);
  });

  it('lets a device id whose user was deleted be taken over', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const gone = await user(store, 'inspecteur');
    const heir = await user(store, 'inspecteur', gone.organisation);
    const device = new Device();
    await push(app, gone, device, [newInspection(device, gone.user.id).op]);
    await store.query('DELETE FROM users WHERE id = $1', [gone.user.id]);
    const answer = await push(app, heir, device, [newInspection(device, heir.user.id).op]);
    expect(answer.results).toEqual([{ seq: 2, status: 'applied' }]);
  });
});
