// Isolation across organisations and roles for EVERY API route: 401 without a token, 403 for
// a role that may not, 404 (no hint that the id exists) for another organisation's ids, and
// 2xx without a trace of another organisation for a role that may. The table below is the
// single list of protected routes; a route the app registers that is missing here fails the
// completeness test, so a new route cannot ship without an isolation check.
import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  requireAuth,
  requirePermission,
  requireRole,
  type AuthEnv,
} from '../../src/server/auth/middleware.ts';
import type { BlobStore } from '../../src/server/blobs/blob-store.ts';
import { FsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import { openPgliteStore } from '../../src/server/store/pglite-store.ts';
import type { Store } from '../../src/server/store/store.ts';
import { may, PermissionSchema, roles, type Role } from '../../src/shared/domain/role.ts';
import { ApiErrorBodySchema } from '../../src/shared/sync/protocol.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { appFor } from './support/app.ts';
import {
  createOrganisation,
  createUser,
  signIn,
  type TestOrganisation,
  type TestUser,
} from './support/auth.ts';

/**
 * One organisation's data the routes act on: a user per role, a user to be managed, and a photo
 * it uploaded.
 */
export interface OrganisationFixture {
  organisation: TestOrganisation;
  users: Record<Role, TestUser>;
  target: TestUser;
  photo: { hash: string; size: number };
  /** The id of a finished import run of this organisation. */
  importRun: string;
}

export interface IsolationFixture {
  own: OrganisationFixture;
  other: OrganisationFixture;
}

interface RouteRequest {
  path: string;
  body?: unknown;
}

export interface ProtectedRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** The route pattern as registered in the app, e.g. '/api/users/:id'. */
  pattern: string;
  allowed: readonly Role[];
  /** A request that succeeds for an allowed role of `own`. */
  request(fixture: IsolationFixture): RouteRequest;
  /** The same request aimed at `other`'s data; omitted for routes without ids. */
  crossOrganisation?(fixture: IsolationFixture): RouteRequest;
}

let passwordCounter = 0;
const everyone = roles;

/** A photo id no organisation has uploaded yet, so every chunk request starts a new upload. */
function freshPhotoHash(): string {
  return createHash('sha256').update(randomBytes(16)).digest('hex');
}

export const protectedRoutes: readonly ProtectedRoute[] = [
  {
    method: 'GET',
    pattern: '/api/auth/me',
    allowed: everyone,
    request: () => ({ path: '/api/auth/me' }),
  },
  {
    method: 'POST',
    pattern: '/api/auth/sign-out',
    allowed: everyone,
    request: () => ({ path: '/api/auth/sign-out' }),
  },
  {
    method: 'GET',
    pattern: '/api/users',
    allowed: ['beheerder'],
    request: () => ({ path: '/api/users' }),
  },
  {
    method: 'POST',
    pattern: '/api/users',
    allowed: ['beheerder'],
    request: () => ({
      path: '/api/users',
      body: {
        email: `nieuw-${(passwordCounter += 1)}@test.schouw.nl`,
        displayName: 'Nieuwe collega',
        role: 'inspecteur',
        password: 'een-lang-wachtwoord',
      },
    }),
  },
  {
    method: 'PATCH',
    pattern: '/api/users/:id',
    allowed: ['beheerder'],
    request: ({ own }) => ({
      path: `/api/users/${own.target.id}`,
      body: { displayName: 'Gewijzigd' },
    }),
    crossOrganisation: ({ other }) => ({
      path: `/api/users/${other.target.id}`,
      body: { displayName: 'Overgenomen', role: 'beheerder' },
    }),
  },
  {
    method: 'POST',
    pattern: '/api/users/:id/password',
    allowed: ['beheerder'],
    request: ({ own }) => ({
      path: `/api/users/${own.target.id}/password`,
      body: { password: 'nieuw-wachtwoord' },
    }),
    crossOrganisation: ({ other }) => ({
      path: `/api/users/${other.target.id}/password`,
      body: { password: 'overgenomen-wachtwoord' },
    }),
  },
  // The caller's own organisation only: no id in the path, so isolation is the 2xx check below.
  {
    method: 'GET',
    pattern: '/api/organisation',
    allowed: everyone,
    request: () => ({ path: '/api/organisation' }),
  },
  {
    method: 'PUT',
    pattern: '/api/organisation',
    allowed: ['beheerder'],
    request: ({ own }) => ({
      path: '/api/organisation',
      body: { name: own.organisation.name },
    }),
  },
  // Imports: beheerder only; a run of another organisation is as unknown as a made-up id.
  {
    method: 'GET',
    pattern: '/api/imports',
    allowed: ['beheerder'],
    request: () => ({ path: '/api/imports' }),
  },
  {
    method: 'GET',
    pattern: '/api/imports/:id',
    allowed: ['beheerder'],
    request: ({ own }) => ({ path: `/api/imports/${own.importRun}` }),
    crossOrganisation: ({ other }) => ({ path: `/api/imports/${other.importRun}` }),
  },
  {
    method: 'POST',
    pattern: '/api/imports/portfolio-preview',
    allowed: ['beheerder'],
    request: () => ({
      path: '/api/imports/portfolio-preview',
      body: 'complexnummer;complexnaam;pand_id;vhe_nummer\nC-1;Complex;0599100000000501;C-1-001\n',
    }),
  },
  {
    method: 'POST',
    pattern: '/api/imports',
    allowed: ['beheerder'],
    // A BAG response of a pand the organisation does not have: imported as "unmatched".
    request: () => ({
      path: '/api/imports?kind=bag&fileName=pand.json',
      body: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { identificatie: '0599100000000501' }, geometry: null },
        ],
      },
    }),
  },
  {
    method: 'GET',
    pattern: '/api/users/directory',
    allowed: everyone,
    request: () => ({ path: '/api/users/directory' }),
  },
  // Photos: every role takes and views photos; an organisation reads only bytes it uploaded
  // itself. Upload status, chunks and completion of another organisation's hash act on the
  // caller's own upload (photos.test.ts checks that knowing a hash gives nothing).
  {
    method: 'HEAD',
    pattern: '/api/photos/:hash',
    allowed: everyone,
    request: ({ own }) => ({ path: `/api/photos/${own.photo.hash}` }),
    crossOrganisation: ({ other }) => ({ path: `/api/photos/${other.photo.hash}` }),
  },
  {
    method: 'GET',
    pattern: '/api/photos/:hash',
    allowed: everyone,
    request: ({ own }) => ({ path: `/api/photos/${own.photo.hash}` }),
    crossOrganisation: ({ other }) => ({ path: `/api/photos/${other.photo.hash}` }),
  },
  {
    method: 'GET',
    pattern: '/api/photos/:hash/upload',
    allowed: everyone,
    request: ({ own }) => ({ path: `/api/photos/${own.photo.hash}/upload` }),
  },
  {
    method: 'PUT',
    pattern: '/api/photos/:hash/chunks',
    allowed: everyone,
    request: () => ({ path: `/api/photos/${freshPhotoHash()}/chunks?offset=0`, body: 'deel' }),
  },
  {
    method: 'POST',
    pattern: '/api/photos/:hash/complete',
    allowed: everyone,
    request: ({ own }) => ({
      path: `/api/photos/${own.photo.hash}/complete`,
      body: { size: own.photo.size, mimeType: 'image/jpeg' },
    }),
  },
  // The EFG target belongs to the session's organisation: no ids, so no cross-organisation row.
  {
    method: 'GET',
    pattern: '/api/efg/target',
    allowed: everyone,
    request: () => ({ path: '/api/efg/target' }),
  },
  {
    method: 'PUT',
    pattern: '/api/efg/target',
    allowed: ['duurzaamheid', 'beheerder'],
    request: () => ({
      path: '/api/efg/target',
      body: { deadline: '2028-12-31', sharePercent: 80 },
    }),
  },
  // Exports take the organisation from the session only: no ids, so no cross-organisation row.
  ...[
    'efg?format=csv',
    'actions?format=json',
    'portfolio',
    'complexes?format=geojson',
    'inspections',
    'findings?format=json',
  ].map((kind): ProtectedRoute => ({
    method: 'GET',
    pattern: '/api/exports/:kind',
    allowed: everyone,
    request: () => ({ path: `/api/exports/${kind}` }),
  })),
  {
    method: 'GET',
    pattern: '/api/exports/organisation',
    allowed: ['beheerder'],
    request: () => ({ path: '/api/exports/organisation' }),
  },
];

/** Routes anyone may call without a token. */
const publicRoutes = new Set([
  'GET /api/health',
  'POST /api/auth/sign-in',
  'POST /api/auth/setup-code',
]);

/**
 * Protected routes of other parts that do not have table rows yet (they need data of their
 * own to answer 2xx). They are still checked for 401 without a token below; each should
 * move into `protectedRoutes` with its allowed roles and a cross-organisation request.
 */
const awaitingTableRows = new Set(['POST /api/sync/push', 'GET /api/sync/pull']);

/** The API routes the app registers (handlers, not middleware), as 'METHOD /pattern'. */
function registeredApiRoutes(app: ReturnType<typeof appFor>): string[] {
  const keys = app.routes
    .filter((route) => route.method !== 'ALL' && route.path.startsWith('/api/'))
    .map((route) => `${route.method} ${route.path.replace(/\/$/, '')}`);
  return [...new Set(keys)].sort();
}

function concretePath(pattern: string): string {
  return pattern
    .replace(/:hash\b/g, '0'.repeat(64))
    .replace(/:[a-zA-Z]+/g, '01890000-0000-7000-8000-000000000000');
}

async function organisationFixture(store: Store, blobs: BlobStore): Promise<OrganisationFixture> {
  const organisation = await createOrganisation(store);
  const users = {} as Record<Role, TestUser>;
  for (const role of roles)
    users[role] = await createUser(store, { organisationId: organisation.id, role });
  const target = await createUser(store, { organisationId: organisation.id, role: 'inspecteur' });
  const bytes = randomBytes(300);
  const photo = { hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  const key = { organisationId: organisation.id, hash: photo.hash };
  await blobs.append(key, 0, bytes);
  expect(await blobs.complete(key, photo.size)).toEqual({ ok: true });
  await store.query(
    `INSERT INTO photo_blobs (organisation_id, hash, size, mime_type, uploaded_by)
     VALUES ($1, $2, $3, 'image/jpeg', $4)`,
    [organisation.id, photo.hash, photo.size, target.id],
  );
  const importRun = crypto.randomUUID();
  await store.query(
    `INSERT INTO import_runs (id, organisation_id, kind, file_name, status)
     VALUES ($1, $2, 'bag', $3, 'succeeded')`,
    [importRun, organisation.id, `${organisation.slug}.json`],
  );
  return { organisation, users, target, photo, importRun };
}

/** Strings of `other` that must never appear in an answer to `own`. */
function secretsOf(fixture: OrganisationFixture): string[] {
  return [
    fixture.organisation.id,
    fixture.organisation.slug,
    fixture.organisation.name,
    fixture.target.id,
    fixture.target.email,
    fixture.photo.hash,
    fixture.importRun,
    ...Object.values(fixture.users).flatMap((user) => [user.id, user.email]),
  ];
}

describe('the isolation table', () => {
  it('covers every API route the app registers', async () => {
    const store = await openPgliteStore(undefined);
    try {
      const app = appFor(store, new FsBlobStore(makeTempDir('blobs')));
      const covered = new Set([
        ...protectedRoutes.map((route) => `${route.method} ${route.pattern}`),
        ...publicRoutes,
        ...awaitingTableRows,
      ]);
      const registered = registeredApiRoutes(app);
      const missing = registered.filter((route) => !covered.has(route));
      expect(missing, 'add these routes to protectedRoutes in permissions.test.ts').toEqual([]);
      // Nothing but health and sign-in is open; the list names only routes that exist.
      expect([...publicRoutes].filter((route) => !registered.includes(route))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe.each(storeKinds)('route isolation on %s', (kind) => {
  const fresh = useFreshStore(kind);

  async function setup() {
    const { store } = fresh();
    await migrate(store);
    const blobs = new FsBlobStore(makeTempDir('blobs'));
    const fixture: IsolationFixture = {
      own: await organisationFixture(store, blobs),
      other: await organisationFixture(store, blobs),
    };
    const app = appFor(store, blobs);
    const send = async (method: string, request: RouteRequest, user?: TestUser) => {
      // A fresh session per request, so sign-out in one case cannot affect the next.
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (user) Object.assign(headers, (await signIn(store, user)).headers);
      return app.request(request.path, {
        method,
        headers,
        ...(request.body === undefined
          ? {}
          : {
              body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
            }),
      });
    };
    return { store, app, fixture, send };
  }

  it('answers 401 unauthenticated without a token on every protected route', async () => {
    const { fixture, send } = await setup();
    const requests = [
      ...protectedRoutes.map((route) => ({
        method: route.method,
        request: route.request(fixture),
      })),
      ...[...awaitingTableRows].map((key) => {
        const [method = '', pattern = ''] = key.split(' ');
        const body = method === 'GET' || method === 'HEAD' ? undefined : {};
        return { method, request: { path: concretePath(pattern), body } };
      }),
    ];
    for (const { method, request } of requests) {
      const response = await send(method, request);
      expect(response.status, `${method} ${request.path}`).toBe(401);
      // A HEAD answer has no body; its 401 status says it all.
      if (method !== 'HEAD')
        expect(ApiErrorBodySchema.parse(await response.json()).error).toBe('unauthenticated');
    }
  });

  it('answers 403 to every role a route does not allow', async () => {
    const { fixture, send } = await setup();
    let checked = 0;
    for (const route of protectedRoutes) {
      for (const role of roles.filter((candidate) => !route.allowed.includes(candidate))) {
        const response = await send(route.method, route.request(fixture), fixture.own.users[role]);
        expect(response.status, `${role}: ${route.method} ${route.pattern}`).toBe(403);
        expect(ApiErrorBodySchema.parse(await response.json()).message).toMatch(/rol/);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('answers 2xx to every allowed role, with nothing of another organisation in it', async () => {
    const { fixture, send } = await setup();
    const secrets = secretsOf(fixture.other);
    for (const route of protectedRoutes) {
      for (const role of route.allowed) {
        const response = await send(route.method, route.request(fixture), fixture.own.users[role]);
        const label = `${role}: ${route.method} ${route.pattern}`;
        expect(response.status, label).toBeGreaterThanOrEqual(200);
        expect(response.status, label).toBeLessThan(300);
        const text = await response.text();
        for (const secret of secrets) expect(text, label).not.toContain(secret);
      }
    }
  });

  it('answers 404 for another organisation’s ids and changes nothing there', async () => {
    const { store, fixture, send } = await setup();
    const victim = await signIn(store, fixture.other.target);
    const snapshot = () =>
      store.query(
        `SELECT u.id, u.email, u.display_name, u.role, u.password_hash, u.disabled_at,
                (SELECT count(*) FROM sessions s WHERE s.user_id = u.id AND s.revoked_at IS NULL) AS live
           FROM users u WHERE u.organisation_id = $1 ORDER BY u.id`,
        [fixture.other.organisation.id],
      );
    const before = (await snapshot()).rows;
    let checked = 0;
    for (const route of protectedRoutes) {
      if (!route.crossOrganisation) continue;
      for (const role of roles) {
        const response = await send(
          route.method,
          route.crossOrganisation(fixture),
          fixture.own.users[role],
        );
        const label = `${role}: ${route.method} ${route.pattern}`;
        // A role that may not use the route at all is stopped before the id is looked at.
        expect(response.status, label).toBe(route.allowed.includes(role) ? 404 : 403);
        const text = await response.text();
        for (const secret of secretsOf(fixture.other)) expect(text, label).not.toContain(secret);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // The victim's session survived too (counted as `live` in the snapshot).
    expect((await snapshot()).rows).toEqual(before);
    expect(victim.token).toHaveLength(43);
  });

  it('answers an unknown id of the own organisation exactly like another organisation’s id', async () => {
    const { fixture, send } = await setup();
    const beheerder = fixture.own.users.beheerder;
    const foreign = await send(
      'PATCH',
      { path: `/api/users/${fixture.other.target.id}`, body: { displayName: 'x' } },
      beheerder,
    );
    const unknown = await send(
      'PATCH',
      { path: `/api/users/${crypto.randomUUID()}`, body: { displayName: 'x' } },
      beheerder,
    );
    const malformed = await send(
      'PATCH',
      { path: '/api/users/niet-een-id', body: { displayName: 'x' } },
      beheerder,
    );
    const bodies = await Promise.all(
      [foreign, unknown, malformed].map((response) => response.json()),
    );
    expect([foreign.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
  });
});

describe.each(storeKinds)('permission middleware on %s', (kind) => {
  const fresh = useFreshStore(kind);

  it('lets exactly the roles of role.ts through requirePermission, and requireRole likewise', async () => {
    const { store } = fresh();
    await migrate(store);
    const app = new Hono<AuthEnv>();
    for (const permission of PermissionSchema.options) {
      app.get(`/p/${permission}`, requireAuth(store), requirePermission(permission), (c) =>
        c.json({ userId: c.get('principal').userId }),
      );
    }
    app.get('/r', requireAuth(store), requireRole('veiligheid', 'beheerder'), (c) => c.text('ok'));
    // Without requireAuth the checks fail closed.
    app.get('/unguarded', requireRole(...roles), (c) => c.text('open'));

    const organisation = await createOrganisation(store);
    for (const role of roles) {
      const user = await createUser(store, { organisationId: organisation.id, role });
      const { headers } = await signIn(store, user);
      for (const permission of PermissionSchema.options) {
        const response = await app.request(`/p/${permission}`, { headers });
        expect(response.status, `${role} ${permission}`).toBe(may(role, permission) ? 200 : 403);
        if (response.status === 200) expect(await response.json()).toEqual({ userId: user.id });
      }
      const allowed = role === 'veiligheid' || role === 'beheerder';
      expect((await app.request('/r', { headers })).status).toBe(allowed ? 200 : 403);
      expect((await app.request('/unguarded', { headers })).status).toBe(401);
    }
  });
});
