// Hostile strings against every route (issue 10, item 4): the push fuzz of fault.test.ts widened
// to sign-in, users, imports, exports, the EFG target, photos and sync push/pull. NUL, lone
// surrogates, non-characters, absurd dates, path tricks, invalid UTF-8 in the URL and JSON
// nested 5,000 deep go into bodies, path segments and query values; no answer may be a 5xx and
// nothing may reach the app's error log.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { FsBlobStore } from '../../src/server/blobs/fs-blob-store.ts';
import { migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { uuidv7 } from '../../src/shared/ids.ts';
import { makeTempDir, storeKinds, useFreshStore } from './store-fixtures.ts';
import { Device, newInspection, pushBody } from './sync-fixtures.ts';
import { createSignedInUser, type SignedInUser } from './support/auth.ts';

const HOSTILE = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDC00x',
  'kapot \uD83D',
  '\uFFFE',
  '\u{10FFFF}',
  '\uFDD0',
  '😀',
  '\u202Eevil',
  '0000-01-01',
  '9999-12-31',
  '0000-00-00',
  '2026-02-30',
  '-0001-01-01',
  '../../etc/passwd',
  '..%2F..%2Fdata',
  '%00',
  '%',
  '\\',
  '"',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  'x'.repeat(300),
  'é'.repeat(5_000),
  '-1',
  '1e309',
  'NaN',
  '9007199254740993',
  '{}',
  '[]',
  'null',
  '{"a":',
  'beheerder',
  'portfolio',
  'csv',
] as const;

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom<unknown>(null, true, 0, -1, 1.5, 2 ** 53 + 2, [], {}),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Percent-encodes every UTF-16 unit as (WTF-)8 bytes: lone surrogates become invalid UTF-8. */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/^[A-Za-z0-9_.~-]$/.test(char)) {
      out += char;
      continue;
    }
    const bytes =
      code < 0x80
        ? [code]
        : code < 0x800
          ? [0xc0 | (code >> 6), 0x80 | (code & 63)]
          : code < 0x10000
            ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
            : [
                0xf0 | (code >> 18),
                0x80 | ((code >> 12) & 63),
                0x80 | ((code >> 6) & 63),
                0x80 | (code & 63),
              ];
    out += bytes.map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const DEEP_MARK = '"__deep__"';
const deepJson = `${'['.repeat(5000)}1${']'.repeat(5000)}`;

interface Call {
  method: string;
  path: string;
  who?: SignedInUser | undefined;
  /** A JSON value (DEEP_MARK inside becomes JSON nested 5,000 deep) or raw text. */
  json?: unknown;
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

interface World {
  beheerder: SignedInUser;
  inspecteur: SignedInUser;
  duurzaamheid: SignedInUser;
  colleagueId: string;
  device: Device;
  photoHash: string;
}

/** Every route, each taking two hostile strings and a hostile value. */
const ROUTES: Record<string, (w: World, s: string, t: string, v: unknown) => Call[]> = {
  'sign-in': (w, s, t, v) => [
    { method: 'POST', path: '/api/auth/sign-in', json: { email: s, password: t, organisation: s } },
    {
      method: 'POST',
      path: '/api/auth/sign-in',
      json: { email: w.beheerder.user.email, password: 'fout-wachtwoord', organisation: s },
    },
    { method: 'POST', path: '/api/auth/sign-in', json: v },
    { method: 'POST', path: '/api/auth/sign-in', raw: s },
  ],
  'me and sign-out': (w, s) => [
    { method: 'GET', path: '/api/auth/me', headers: { authorization: `Bearer ${s}` } },
    { method: 'GET', path: `/api/auth/me?x=${encode(s)}`, who: w.inspecteur },
    { method: 'POST', path: '/api/auth/sign-out', headers: { authorization: `Bearer ${s}` } },
  ],
  users: (w, s, t, v) => [
    { method: 'GET', path: `/api/users?${encode(s)}=${encode(t)}`, who: w.beheerder },
    { method: 'GET', path: '/api/users/directory', who: w.inspecteur },
    {
      method: 'POST',
      path: '/api/users',
      who: w.beheerder,
      json: { email: s, displayName: t, role: v, password: s },
    },
    {
      method: 'POST',
      path: '/api/users',
      who: w.beheerder,
      json: {
        email: `nieuw-${Math.random().toString(36).slice(2)}@woonstad.nl`,
        displayName: s,
        role: 'inspecteur',
        password: 'lang-genoeg-wachtwoord',
      },
    },
    {
      method: 'PATCH',
      path: `/api/users/${encode(s)}`,
      who: w.beheerder,
      json: { displayName: t },
    },
    {
      method: 'PATCH',
      path: `/api/users/${w.colleagueId}`,
      who: w.beheerder,
      json: { displayName: s, role: v, disabled: v },
    },
    {
      method: 'PATCH',
      path: `/api/users/${w.colleagueId}`,
      who: w.beheerder,
      json: { displayName: s },
    },
    {
      method: 'POST',
      path: `/api/users/${encode(s)}/password`,
      who: w.beheerder,
      json: { password: t },
    },
    { method: 'POST', path: `/api/users/${w.colleagueId}/password`, who: w.beheerder, json: v },
  ],
  imports: (w, s, t) => [
    {
      method: 'POST',
      path: `/api/imports?kind=${encode(s)}&fileName=${encode(t)}`,
      who: w.beheerder,
      raw: s,
    },
    {
      method: 'POST',
      path: `/api/imports?kind=portfolio&fileName=${encode(s)}&mapping=${encode(t)}`,
      who: w.beheerder,
      raw: 'complexnummer;naam\n',
    },
    {
      method: 'POST',
      path: `/api/imports?kind=portfolio&fileName=a.csv&mapping=${encode(JSON.stringify({ complexnummer: s }))}`,
      who: w.beheerder,
      raw: 'complexnummer;naam\n',
    },
    { method: 'POST', path: '/api/imports/portfolio-preview', who: w.beheerder, raw: s },
    { method: 'GET', path: `/api/imports/${encode(s)}`, who: w.beheerder },
    { method: 'GET', path: `/api/imports?${encode(s)}=1`, who: w.beheerder },
  ],
  exports: (w, s, t) => [
    { method: 'GET', path: `/api/exports/${encode(s)}`, who: w.inspecteur },
    {
      method: 'GET',
      path: `/api/exports/efg?format=${encode(s)}&ids=${encode(t)}`,
      who: w.inspecteur,
    },
    { method: 'GET', path: `/api/exports/organisation?format=${encode(s)}`, who: w.beheerder },
    { method: 'GET', path: `/api/exports/actions?${encode(s)}=${encode(t)}`, who: w.inspecteur },
  ],
  'efg target': (w, s, t, v) => [
    {
      method: 'PUT',
      path: '/api/efg/target',
      who: w.duurzaamheid,
      json: { deadline: s, sharePercent: v },
    },
    {
      method: 'PUT',
      path: '/api/efg/target',
      who: w.duurzaamheid,
      json: { deadline: t, sharePercent: 50 },
    },
    { method: 'PUT', path: '/api/efg/target', who: w.duurzaamheid, json: v },
    { method: 'GET', path: `/api/efg/target?${encode(s)}`, who: w.inspecteur },
  ],
  'setup code': (w, s, t, v) => [
    {
      method: 'POST',
      path: '/api/auth/setup-code',
      json: { email: s, code: t, password: t, organisation: s },
    },
    {
      method: 'POST',
      path: '/api/auth/setup-code',
      json: { email: w.beheerder.user.email, code: s, password: 'een-nieuw-wachtwoord' },
    },
    { method: 'POST', path: '/api/auth/setup-code', json: v },
    { method: 'POST', path: '/api/auth/setup-code', raw: s },
  ],
  organisation: (w, s, t, v) => [
    { method: 'GET', path: `/api/organisation?${encode(s)}=${encode(t)}`, who: w.inspecteur },
    { method: 'PUT', path: '/api/organisation', who: w.beheerder, json: { name: s } },
    {
      method: 'PUT',
      path: '/api/organisation',
      who: w.beheerder,
      json: { name: 'Woonstichting', logo: { mediaType: s, base64: t } },
    },
    { method: 'PUT', path: '/api/organisation', who: w.beheerder, json: v },
    { method: 'PUT', path: '/api/organisation', who: w.beheerder, raw: s },
  ],
  photos: (w, s, t, v) => [
    { method: 'GET', path: `/api/photos/${encode(s)}`, who: w.inspecteur },
    { method: 'HEAD', path: `/api/photos/${encode(s)}`, who: w.inspecteur },
    { method: 'GET', path: `/api/photos/${encode(s)}/upload`, who: w.inspecteur },
    {
      method: 'PUT',
      path: `/api/photos/${w.photoHash}/chunks?offset=${encode(s)}`,
      who: w.inspecteur,
      raw: new TextEncoder().encode(t),
    },
    {
      method: 'PUT',
      path: `/api/photos/${encode(s)}/chunks?offset=0`,
      who: w.inspecteur,
      raw: new Uint8Array([1, 2, 3]),
    },
    {
      method: 'POST',
      path: `/api/photos/${w.photoHash}/complete`,
      who: w.inspecteur,
      json: { size: v, mimeType: s },
    },
    { method: 'POST', path: `/api/photos/${encode(s)}/complete`, who: w.inspecteur, json: v },
  ],
  'sync push': (w, s, t, v) => {
    const device = w.device;
    const inspection = newInspection(device, w.inspecteur.user.id);
    const finding = device.op('finding', uuidv7(), {
      inspectionId: inspection.id,
      location: s,
      description: t,
      severity: 'gering',
      photoIds: [],
      createdAt: '2026-11-02T09:30:00Z',
    });
    const odd = [
      device.op('inspection', s, { status: 'draft' }),
      device.op('answer', `${inspection.id}/${s}`, { value: v }),
      device.op('action', uuidv7(), { what: s, status: t, dueDate: s }),
      device.op('efgCase', uuidv7(), { status: s, history: v }),
      device.op('roundSchedule', uuidv7(), { startsOn: s, interval: t }),
      device.op('photo', w.photoHash, {
        inspectionId: inspection.id,
        questionId: s,
        annotation: { version: 1, shapes: [DEEP_MARK.slice(1, -1), v] },
      }),
    ];
    return [
      {
        method: 'POST',
        path: '/api/sync/push',
        who: w.inspecteur,
        json: pushBody(device, [inspection.op, finding, ...odd]),
      },
      {
        method: 'POST',
        path: '/api/sync/push',
        who: w.inspecteur,
        json: { ...pushBody(device, []), clientId: s },
      },
      { method: 'POST', path: '/api/sync/push', who: w.inspecteur, json: v },
    ];
  },
  'sync pull': (w, s, t) => [
    {
      method: 'GET',
      path: `/api/sync/pull?clientId=${encode(s)}&cursor=${encode(t)}&limit=10&protocolVersion=2&schemaVersion=1`,
      who: w.inspecteur,
    },
    {
      method: 'GET',
      path: `/api/sync/pull?clientId=${w.device.clientId}&cursor=0&limit=${encode(s)}&protocolVersion=${encode(t)}&schemaVersion=1`,
      who: w.inspecteur,
    },
  ],
};

function toRequest(call: Call): Request | undefined {
  const headers: Record<string, string> = { ...call.who?.headers, ...call.headers };
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json).replace(DEEP_MARK, deepJson);
  } else if (call.raw !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = typeof call.raw === 'string' ? call.raw : new Uint8Array(call.raw);
  }
  try {
    return new Request(`http://localhost${call.path}`, { method: call.method, headers, body });
  } catch {
    // A header value no HTTP client can send (NUL, a line break): nothing to test.
    return undefined;
  }
}

describe.each(storeKinds)('every route under hostile input on %s', (kind) => {
  const fixture = useFreshStore(kind);

  async function world(store: Store) {
    await migrate(store);
    const logged: string[] = [];
    const app = createApp({
      store,
      distDir: makeTempDir('no-dist'),
      version: 'test',
      blobs: new FsBlobStore(makeTempDir('blobs')),
      importDir: makeTempDir('imports'),
      logError: (message, error) => logged.push(`${message}: ${String(error)}`),
    });
    const beheerder = await createSignedInUser(store, {
      role: 'beheerder',
      password: 'beheerder-wachtwoord',
    });
    const organisation = beheerder.organisation;
    const inspecteur = await createSignedInUser(store, { role: 'inspecteur', organisation });
    const duurzaamheid = await createSignedInUser(store, { role: 'duurzaamheid', organisation });
    const colleague = await createSignedInUser(store, { role: 'veiligheid', organisation });
    const w: World = {
      beheerder,
      inspecteur,
      duurzaamheid,
      colleagueId: colleague.user.id,
      device: new Device(),
      photoHash: createHash('sha256').update('fuzz').digest('hex'),
    };
    const failures: string[] = [];
    const send = async (route: string, s: string, t: string, v: unknown) => {
      // Every call of a route gets a fresh device (a seq gap would end a push early).
      w.device = new Device();
      for (const call of ROUTES[route]!(w, s, t, v)) {
        const request = toRequest(call);
        if (!request) continue;
        const response = await app.request(request);
        await response.arrayBuffer();
        if (response.status >= 500)
          failures.push(
            `${route}: ${call.method} ${call.path.slice(0, 120)} ${JSON.stringify([s, t, v]).slice(0, 120)} → ${response.status}`,
          );
      }
    };
    return { send, failures, logged };
  }

  it('answers every known hostile string on every route with less than 500', async () => {
    const { store } = fixture();
    const { send, failures, logged } = await world(store);
    for (const route of Object.keys(ROUTES)) {
      for (const s of HOSTILE) await send(route, s, s, s);
      await send(route, 'x', 'y', DEEP_MARK.slice(1, -1));
    }
    expect(failures).toEqual([]);
    expect(logged).toEqual([]);
  }, 600_000);

  it('answers random hostile strings on every route with less than 500', async () => {
    const { store } = fixture();
    const { send, failures, logged } = await world(store);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(ROUTES)),
        hostileString,
        hostileString,
        hostileValue,
        async (route, s, t, v) => {
          await send(route, s, t, v);
          expect(failures).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
    expect(logged).toEqual([]);
  }, 600_000);
});
