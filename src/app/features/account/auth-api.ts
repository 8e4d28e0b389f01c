import { SignInResponseSchema } from '../../../shared/auth.ts';
import type { StoredSession } from '../../state/session.ts';

// The account calls the app makes, with every answer mapped to something the screen can say.

export interface SignInInput {
  organisation: string;
  email: string;
  password: string;
}

export type SignInOutcome =
  | { kind: 'ok'; session: StoredSession }
  | { kind: 'invalid-credentials' }
  /** The one-time code is wrong for this address, expired or used. */
  | { kind: 'invalid-setup-code' }
  | { kind: 'organisation-required' }
  | { kind: 'account-disabled' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'invalid-input'; message: string }
  | { kind: 'offline' }
  | { kind: 'server-error'; status: number };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function errorCode(response: Response): Promise<{ error?: string; message?: string }> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null
      ? (body as { error?: string; message?: string })
      : {};
  } catch {
    return {};
  }
}

export async function requestSignIn(
  input: SignInInput,
  fetchFn: Fetch = (url, init) => fetch(url, init),
): Promise<SignInOutcome> {
  return postForSession('/api/auth/sign-in', input, {}, fetchFn);
}

/** A one-time setup code (from `npm run admin`) and a new password: signs in when accepted. */
export async function requestSetupCodeSignIn(
  input: SignInInput & { code: string },
  fetchFn: Fetch = (url, init) => fetch(url, init),
): Promise<SignInOutcome> {
  return postForSession('/api/auth/setup-code', input, { code: input.code }, fetchFn);
}

async function postForSession(
  path: string,
  input: SignInInput,
  extra: Record<string, string>,
  fetchFn: Fetch,
): Promise<SignInOutcome> {
  const organisation = input.organisation.trim();
  let response: Response;
  try {
    response = await fetchFn(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: input.email,
        password: input.password,
        ...extra,
        ...(organisation === '' ? {} : { organisation }),
      }),
    });
  } catch {
    // fetch rejects only when no answer arrived: no network (or the server is unreachable).
    return { kind: 'offline' };
  }
  if (response.ok) {
    const parsed = SignInResponseSchema.safeParse(await response.json().catch(() => undefined));
    return parsed.success
      ? { kind: 'ok', session: parsed.data }
      : { kind: 'server-error', status: response.status };
  }
  const body = await errorCode(response);
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60,
    };
  }
  if (body.error === 'invalid_credentials') return { kind: 'invalid-credentials' };
  if (body.error === 'invalid_setup_code') return { kind: 'invalid-setup-code' };
  if (body.error === 'organisation_required') return { kind: 'organisation-required' };
  if (body.error === 'account_disabled') return { kind: 'account-disabled' };
  if (response.status === 400) return { kind: 'invalid-input', message: body.message ?? '' };
  // A service worker answering for an unreachable server, or a gateway error.
  if (response.status === 503 || response.status === 504) return { kind: 'offline' };
  return { kind: 'server-error', status: response.status };
}

/** Ends the session on the server; the caller ignores failures (the token expires anyway). */
export async function requestSignOut(
  token: string,
  fetchFn: Fetch = (url, init) => fetch(url, init),
): Promise<void> {
  const response = await fetchFn('/api/auth/sign-out', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok && response.status !== 401)
    throw new Error(`sign-out answered ${response.status}`);
}
