import { computed, signal } from '@preact/signals';
import type { SessionUser, SignInResponse } from '../../shared/auth.ts';
import type { SessionStorage } from '../platform/session-storage.ts';

// Who is signed in on this device. The session outlives its token: when the token expires
// or the server refuses it, the user keeps working offline and only sync waits until they
// sign in again ("Opnieuw aanmelden"); the outbox is never touched by any of this.

export type { SessionUser } from '../../shared/auth.ts';
/** What this device keeps: the server's sign-in answer (src/shared/auth.ts). */
export type StoredSession = SignInResponse;

/** The schema is loaded on demand so zod stays out of the first-load bundle. */
const loadSessionSchema = () =>
  import('../../shared/auth.ts').then((module) => module.SignInResponseSchema);

export const session = signal<StoredSession | null>(null);
/** False until the stored session has been read at start-up. */
export const sessionLoaded = signal(false);
/** Set by the sync engine through needsSignIn() when the server answers 401. */
const refusedByServer = signal(false);
/** Minute clock, so expiry shows up without a reload. */
export const now = signal(Date.now());

/** True when someone is signed in but must sign in again before sync can continue. */
export const signInNeeded = computed(() => {
  const current = session.value;
  if (!current) return false;
  return refusedByServer.value || Date.parse(current.expiresAt) <= now.value;
});

let storage: SessionStorage | undefined;

/** Reads the kept session; a damaged value is dropped (the user signs in again). */
export async function initSession(target: SessionStorage): Promise<void> {
  storage = target;
  const parsed = (await loadSessionSchema()).safeParse(await target.load());
  session.value = parsed.success ? parsed.data : null;
  if (!parsed.success) await target.clear();
  refusedByServer.value = false;
  sessionLoaded.value = true;
}

/** Keeps `now` current; returns the stop function. */
export function startSessionClock(intervalMs = 60_000): () => void {
  const timer = setInterval(() => {
    now.value = Date.now();
  }, intervalMs);
  return () => clearInterval(timer);
}

/** Called by the sync engine when the server refuses the token (401 unauthenticated). */
export function needsSignIn(): void {
  if (session.value) refusedByServer.value = true;
}

/** The bearer token for sync requests, or undefined when sign-in is needed first. */
export function authToken(): string | undefined {
  return session.value && !signInNeeded.value ? session.value.token : undefined;
}

function requireStorage(): SessionStorage {
  if (!storage) throw new Error('initSession() must run before the session changes');
  return storage;
}

export type AcceptResult =
  { ok: true } | { ok: false; reason: 'other-user'; previous: SessionUser };

/**
 * Keeps a successful sign-in. On a tablet where someone else is still signed in (their token
 * merely expired), another person may not take over: the previous user's unsynced work and
 * data stay theirs until they sign out properly.
 */
export async function acceptSignIn(answer: unknown): Promise<AcceptResult> {
  const next = (await loadSessionSchema()).parse(answer);
  const previous = session.value;
  if (previous && previous.user.id !== next.user.id) {
    return { ok: false, reason: 'other-user', previous: previous.user };
  }
  await requireStorage().save(next);
  session.value = next;
  refusedByServer.value = false;
  now.value = Date.now();
  return { ok: true };
}

export interface SignOutDependencies {
  /** Outbox entries not yet confirmed by the server. */
  pendingCount(): Promise<number>;
  /** True when the user exported a backup in this sign-out flow. */
  backupExported: boolean;
  /** Revokes the token on the server; failures (offline) are ignored: it expires anyway. */
  revoke?(token: string): Promise<void>;
  /** Removes every local record of the previous user. */
  clearLocalData?(): Promise<void>;
}

export type SignOutResult = { kind: 'signed-out' } | { kind: 'backup-required'; pending: number };

/**
 * Signs out on this device. Refused while work is unsynced unless a backup was exported
 * first, because clearing the device would otherwise lose it.
 */
export async function signOut(deps: SignOutDependencies): Promise<SignOutResult> {
  const pending = await deps.pendingCount();
  if (pending > 0 && !deps.backupExported) return { kind: 'backup-required', pending };
  const current = session.value;
  if (current && deps.revoke) {
    await deps.revoke(current.token).catch(() => undefined);
  }
  await deps.clearLocalData?.();
  await requireStorage().clear();
  session.value = null;
  refusedByServer.value = false;
  return { kind: 'signed-out' };
}
