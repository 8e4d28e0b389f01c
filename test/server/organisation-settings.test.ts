// GET/PUT /api/organisation: the beheerder sets the organisation's display name and report logo;
// every colleague reads them; nobody reaches another organisation's.
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/store/migrate.ts';
import {
  ORGANISATION_LOGO_MAX_BYTES,
  OrganisationProfileSchema,
} from '../../src/shared/organisation.ts';
import { ApiErrorBodySchema } from '../../src/shared/sync/protocol.ts';
import { encodePng } from '../support/png.ts';
import { storeKinds, useFreshStore } from './store-fixtures.ts';
import { appFor } from './support/app.ts';
import { createOrganisation, createSignedInUser } from './support/auth.ts';

const png = Buffer.from(
  encodePng({ width: 2, height: 2, data: new Uint8Array(16).fill(200) }),
).toString('base64');

describe.each(storeKinds)('organisation settings on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup() {
    const { store } = fresh();
    await migrate(store);
    const organisation = await createOrganisation(store, { name: 'Woonstichting Noord' });
    const beheerder = await createSignedInUser(store, { role: 'beheerder', organisation });
    const inspecteur = await createSignedInUser(store, { role: 'inspecteur', organisation });
    const stranger = await createSignedInUser(store, { role: 'beheerder' });
    const app = appFor(store);
    const put = (headers: Record<string, string>, body: unknown) =>
      app.request('/api/organisation', {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const get = async (headers: Record<string, string>) =>
      OrganisationProfileSchema.parse(
        await (await app.request('/api/organisation', { headers })).json(),
      );
    return { store, organisation, beheerder, inspecteur, stranger, put, get };
  }

  it('lets the beheerder set name and logo, which colleagues then read; another organisation is untouched', async () => {
    const { beheerder, inspecteur, stranger, put, get } = await setup();
    expect(await get(inspecteur.headers)).toMatchObject({
      name: 'Woonstichting Noord',
      logo: null,
    });

    const saved = await put(beheerder.headers, {
      name: ' Woonstichting Noord-Holland ',
      logo: { mediaType: 'image/png', base64: png },
    });
    expect(saved.status).toBe(200);
    const seen = await get(inspecteur.headers);
    expect(seen).toMatchObject({
      name: 'Woonstichting Noord-Holland',
      logo: { mediaType: 'image/png', base64: png },
    });
    const strangers = await get(stranger.headers);
    expect(strangers.id).toBe(stranger.organisation.id);
    expect(strangers).toMatchObject({ name: stranger.organisation.name, logo: null });

    // Renaming without a logo keeps the logo; null removes it.
    expect((await put(beheerder.headers, { name: 'Noord' })).status).toBe(200);
    expect(await get(inspecteur.headers)).toMatchObject({
      name: 'Noord',
      logo: { mediaType: 'image/png' },
    });
    expect((await put(beheerder.headers, { name: 'Noord', logo: null })).status).toBe(200);
    expect((await get(inspecteur.headers)).logo).toBeNull();
  });

  it('refuses other roles, a missing token, a fake or oversized logo and an empty name', async () => {
    const { inspecteur, beheerder, put, get } = await setup();
    const forbidden = await put(inspecteur.headers, { name: 'Overgenomen' });
    expect(forbidden.status).toBe(403);
    expect((await put({}, { name: 'Overgenomen' })).status).toBe(401);

    const cases: [unknown, number, RegExp][] = [
      [{ name: '  ' }, 400, /naam/],
      [{ name: 'Noord', logo: { mediaType: 'image/jpeg', base64: png } }, 400, /geen PNG- of JPEG/],
      [
        {
          name: 'Noord',
          logo: { mediaType: 'image/png', base64: Buffer.from('<svg/>').toString('base64') },
        },
        400,
        /geen PNG- of JPEG/,
      ],
      [{ name: 'Noord', logo: { mediaType: 'image/gif', base64: png } }, 400, /PNG- of JPEG/],
      [{ name: 'Noord', logo: { mediaType: 'image/png', base64: 'niet base64!' } }, 400, /base64/],
      [
        {
          name: 'Noord',
          logo: {
            mediaType: 'image/png',
            base64: Buffer.alloc(ORGANISATION_LOGO_MAX_BYTES + 1).toString('base64'),
          },
        },
        400,
        /te groot/,
      ],
      ['{kapot', 400, /JSON/],
    ];
    for (const [body, status, message] of cases) {
      const answer = await put(beheerder.headers, body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect(ApiErrorBodySchema.parse(await answer.json()).message).toMatch(message);
    }
    const huge = await put(beheerder.headers, {
      name: 'Noord',
      logo: { mediaType: 'image/png', base64: 'A'.repeat(400_000) },
    });
    expect(huge.status).toBe(413);
    expect(await get(inspecteur.headers)).toMatchObject({
      name: 'Woonstichting Noord',
      logo: null,
    });
  });
});
