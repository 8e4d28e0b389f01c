// Hostile text in a push (issue 10, item 4): NUL, lone surrogates, non-characters and absurd
// nesting in an id or a field are refused per op with a Dutch reason, the ops after it apply,
// and a retry of the same push answers the same: the device's queue never stops on a 500.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { PushResponseSchema, type Op } from '../../src/shared/sync/protocol.ts';
import {
  Device,
  newInspection,
  postPush,
  pullAll,
  push,
  pushBody,
  syncApp,
  user,
  type TestApp,
} from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';

/** Written as text: JSON.stringify itself runs out of stack on such a value. */
const DEEP = '__deep__';
const deepJson = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;

async function pushText(app: TestApp, who: SignedInUser, device: Device, ops: Op[]) {
  const body = JSON.stringify(pushBody(device, ops)).replace(`"${DEEP}"`, deepJson(5000));
  const response = await postPush(app, who, body);
  expect(response.status, await response.clone().text()).toBe(200);
  return PushResponseSchema.parse(await response.json());
}

describe.each(storeKinds)('hostile text in a push on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('refuses each hostile op on its own with a Dutch reason and applies the rest', async () => {
    const { store } = fixture();
    const errors: unknown[] = [];
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const device = new Device();
    const inspection = newInspection(device, inspector.user.id);
    const finding = (location: string, description = 'Scheur in de gevel') =>
      device.op('finding', uuidv7(), {
        inspectionId: inspection.id,
        location,
        description,
        severity: 'gering',
        photoIds: [],
        createdAt: '2026-11-02T09:30:00Z',
      });
    const photoHash = 'a'.repeat(64);
    const ops = [
      inspection.op,
      finding('galerij\u0000 3'),
      finding('galerij', 'kapot 😀'.slice(0, 7)), // an emoji cut in half
      finding('\uDC00trap'),
      finding('lift \uFFFE'),
      device.op('inspection', `${uuidv7().slice(0, 30)}\u0000`, { status: 'draft' }),
      device.op('answer', `${inspection.id}/vraag\uD83D`, { value: 'ja' }),
      device.op('photo', photoHash, {
        inspectionId: inspection.id,
        mimeType: 'image/jpeg',
        width: 10,
        height: 10,
        bytes: 100,
        createdAt: '2026-11-02T09:30:00Z',
        annotation: { version: 1, shapes: [DEEP] },
      }),
      finding('galerij 3e verdieping 😀'),
    ];
    const answer = await pushText(app, inspector, device, ops);
    const statuses = answer.results.map((result) => result.status);
    expect(statuses).toEqual([
      'applied',
      ...Array.from({ length: 7 }, () => 'rejected'),
      'applied',
    ]);
    for (const result of answer.results.slice(1, 8)) {
      expect(result.reason).toMatch(/NUL-teken|half teken|ongeldig Unicode-teken|te diep genest/);
      expect(result.current).toBeNull();
    }
    expect(answer.appliedUpTo).toBe(ops.length);

    // The retry after a lost answer is answered the same way, again without a 500.
    const again = await pushText(app, inspector, device, ops);
    expect(again.results.map((result) => result.status)).toEqual(ops.map(() => 'duplicate'));
    expect(again.results.filter((result) => result.reason !== undefined)).toHaveLength(7);

    const next = device.op('inspection', inspection.id, { status: 'finished' });
    expect((await push(app, inspector, device, [next])).results[0]?.status).toBe('applied');
    const { records } = await pullAll(app, inspector, device);
    expect(records.get(`inspection/${inspection.id}`)?.fields.status?.value).toBe('finished');
    expect([...records.keys()].filter((key) => key.startsWith('finding/'))).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
