// The organisation's name and logo (GET/PUT /api/organisation), and the copy kept on this device
// (a small IndexedDB store of its own, idb-keyval) so reports made offline carry them too.
import { createStore, get, set, type UseStore } from 'idb-keyval';
import {
  OrganisationProfileSchema,
  type OrganisationProfile,
  type UpdateOrganisationRequest,
} from '../../shared/organisation.ts';

export type ProfileResult =
  | { ok: true; value: OrganisationProfile }
  | { ok: false; kind: 'offline' | 'refused'; message?: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function call(
  token: string,
  init: RequestInit,
  fetchFn: Fetch,
  timeoutMs = 15_000,
): Promise<ProfileResult> {
  let response: Response;
  try {
    response = await fetchFn('/api/organisation', {
      ...init,
      cache: 'no-store',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return { ok: false, kind: 'offline' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = OrganisationProfileSchema.safeParse(body);
    if (parsed.success) {
      await keepOrganisationProfile(parsed.data).catch(() => undefined);
      return { ok: true, value: parsed.data };
    }
  }
  const message =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : `HTTP ${response.status}`;
  return { ok: false, kind: 'refused', message };
}

const defaultFetch: Fetch = (url, init) => fetch(url, init);

/** Asks the server and keeps the answer on the device. */
export function fetchOrganisationProfile(
  token: string,
  options: { fetchFn?: Fetch; timeoutMs?: number } = {},
) {
  return call(token, { method: 'GET' }, options.fetchFn ?? defaultFetch, options.timeoutMs);
}

/** The beheerder's change; the server's answer is kept on the device. */
export function saveOrganisationProfile(
  token: string,
  request: UpdateOrganisationRequest,
  fetchFn = defaultFetch,
) {
  return call(token, { method: 'PUT', body: JSON.stringify(request) }, fetchFn);
}

let store: UseStore | undefined;
// Opened on first use, so importing this module never touches IndexedDB.
const target = () => (store ??= createStore('schouw-organisation', 'profiles'));

async function keepOrganisationProfile(profile: OrganisationProfile): Promise<void> {
  await set(profile.id, profile, target());
}

/** The copy kept on this device for `organisationId`, if any. */
export async function keptOrganisationProfile(
  organisationId: string,
): Promise<OrganisationProfile | undefined> {
  const parsed = OrganisationProfileSchema.safeParse(await get(organisationId, target()));
  return parsed.success ? parsed.data : undefined;
}
