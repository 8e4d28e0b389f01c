// The organisation's EFG target on the server (GET/PUT /api/efg/target). Offline or refused, the
// screen keeps showing the target the device remembered; nothing else waits on this call.
import {
  EfgTargetResponseSchema,
  type EfgTarget,
  type EfgTargetResponse,
} from '../../../shared/domain/efg-progress.ts';

export type TargetResult =
  | { ok: true; value: EfgTargetResponse }
  | { ok: false; kind: 'offline' | 'refused'; message?: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const PATH = '/api/efg/target';

async function call(
  token: string,
  init: RequestInit,
  fetchFn: Fetch = (url, options) => fetch(url, options),
): Promise<TargetResult> {
  let response: Response;
  try {
    response = await fetchFn(PATH, {
      ...init,
      cache: 'no-store',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
  } catch {
    return { ok: false, kind: 'offline' };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = EfgTargetResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  const message =
    body && typeof body === 'object' && 'message' in body && typeof body.message === 'string'
      ? body.message
      : undefined;
  return message === undefined
    ? { ok: false, kind: 'refused' }
    : { ok: false, kind: 'refused', message };
}

export function fetchEfgTarget(token: string, fetchFn?: Fetch): Promise<TargetResult> {
  return call(token, { method: 'GET' }, fetchFn);
}

export function saveEfgTarget(
  token: string,
  target: EfgTarget,
  fetchFn?: Fetch,
): Promise<TargetResult> {
  return call(token, { method: 'PUT', body: JSON.stringify(target) }, fetchFn);
}
