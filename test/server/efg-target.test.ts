// The organisation's EFG target over HTTP, against both stores: the policy default until someone
// sets one, only duurzaamheid and beheerder may set it, and it stays within the organisation.
import { describe, expect, it } from 'vitest';
import { EfgTargetResponseSchema } from '../../src/shared/domain/efg-progress.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { syncApp, user, type TestApp } from './sync-fixtures.ts';
import type { SignedInUser } from './support/auth.ts';

function getTarget(app: TestApp, who: SignedInUser) {
  return app.request('/api/efg/target', { headers: who.headers });
}

function putTarget(app: TestApp, who: SignedInUser, body: unknown) {
  return app.request('/api/efg/target', {
    method: 'PUT',
    headers: { ...who.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe.each(storeKinds)('EFG target on %s', (kind) => {
  const fixture = useFreshStore(kind);

  it('answers the policy default (all EFG out by the end of 2028) until one is set', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const inspector = await user(store, 'inspecteur');
    const response = await getTarget(app, inspector);
    expect(response.status).toBe(200);
    expect(EfgTargetResponseSchema.parse(await response.json())).toEqual({
      target: { deadline: '2028-12-31', sharePercent: 100 },
      isDefault: true,
      updatedAt: null,
    });
  });

  it('lets duurzaamheid set it, refuses an inspecteur, and keeps it to the organisation', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const duurzaamheid = await user(store, 'duurzaamheid');
    const inspector = await user(store, 'inspecteur', duurzaamheid.organisation);
    const stranger = await user(store, 'beheerder');

    const refused = await putTarget(app, inspector, { deadline: '2027-12-31', sharePercent: 80 });
    expect(refused.status).toBe(403);

    const set = await putTarget(app, duurzaamheid, { deadline: '2027-12-31', sharePercent: 80 });
    expect(set.status).toBe(200);
    const answer = EfgTargetResponseSchema.parse(await set.json());
    expect(answer).toMatchObject({
      target: { deadline: '2027-12-31', sharePercent: 80 },
      isDefault: false,
    });

    const seen = EfgTargetResponseSchema.parse(await (await getTarget(app, inspector)).json());
    expect(seen.target).toEqual({ deadline: '2027-12-31', sharePercent: 80 });
    const other = EfgTargetResponseSchema.parse(await (await getTarget(app, stranger)).json());
    expect(other.isDefault).toBe(true);
  });

  it('refuses a share outside 1-100% with a Dutch message and keeps the old target', async () => {
    const { store } = fixture();
    const { app } = await syncApp(store);
    const admin = await user(store, 'beheerder');
    const bad = await putTarget(app, admin, { deadline: '2027-12-31', sharePercent: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('Het doel is minimaal 1%.');
    const seen = EfgTargetResponseSchema.parse(await (await getTarget(app, admin)).json());
    expect(seen.isDefault).toBe(true);
  });
});
