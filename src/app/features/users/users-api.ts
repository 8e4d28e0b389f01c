import {
  UserDirectoryResponseSchema,
  UserListResponseSchema,
  UserResponseSchema,
  type DirectoryUser,
  type User,
} from '../../../shared/auth.ts';
import type { Role } from '../../../shared/domain/role.ts';

// The beheerder's calls to /api/users, with every answer mapped to something the screen can say.
// Refusals carry the server's Dutch sentence: it says precisely what was wrong.

export type UsersProblem =
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  | { kind: 'refused'; status: number; error: string; message: string }
  | { kind: 'server-error'; status: number };

export type UsersResult<T> = { ok: true; value: T } | { ok: false; problem: UsersProblem };

export interface NewUserInput {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  disabled?: boolean;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const defaultFetch: Fetch = (url, init) => fetch(url, init);

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

async function call<T>(
  token: string,
  method: string,
  path: string,
  body: unknown,
  parser: Parser<T>,
  fetchFn: Fetch,
): Promise<UsersResult<T>> {
  let response: Response;
  try {
    response = await fetchFn(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    // fetch rejects only when no answer arrived: no network or an unreachable server.
    return { ok: false, problem: { kind: 'offline' } };
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) {
    const parsed = parser.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: { kind: 'server-error', status: response.status } };
  }
  if (response.status === 401) return { ok: false, problem: { kind: 'signed-out' } };
  // A service worker answering for an unreachable server, or a gateway error.
  if (response.status === 503 || response.status === 504)
    return { ok: false, problem: { kind: 'offline' } };
  const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (response.status >= 400 && response.status < 500 && typeof fields.message === 'string') {
    return {
      ok: false,
      problem: {
        kind: 'refused',
        status: response.status,
        error: typeof fields.error === 'string' ? fields.error : '',
        message: fields.message,
      },
    };
  }
  return { ok: false, problem: { kind: 'server-error', status: response.status } };
}

const nothing: Parser<undefined> = { safeParse: () => ({ success: true, data: undefined }) };

export async function listUsers(
  token: string,
  fetchFn = defaultFetch,
): Promise<UsersResult<User[]>> {
  const result = await call(token, 'GET', '/api/users', undefined, UserListResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.users } : result;
}

export async function createUser(
  token: string,
  input: NewUserInput,
  fetchFn = defaultFetch,
): Promise<UsersResult<User>> {
  const result = await call(token, 'POST', '/api/users', input, UserResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.user } : result;
}

export async function updateUser(
  token: string,
  id: string,
  patch: UserPatch,
  fetchFn = defaultFetch,
): Promise<UsersResult<User>> {
  const path = `/api/users/${encodeURIComponent(id)}`;
  const result = await call(token, 'PATCH', path, patch, UserResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.user } : result;
}

export async function setUserPassword(
  token: string,
  id: string,
  password: string,
  fetchFn = defaultFetch,
): Promise<UsersResult<undefined>> {
  const path = `/api/users/${encodeURIComponent(id)}/password`;
  return call(token, 'POST', path, { password }, nothing, fetchFn);
}

/** Names and roles of the own organisation; every signed-in role may ask. */
export async function fetchColleagueDirectory(
  token: string,
  fetchFn = defaultFetch,
): Promise<UsersResult<DirectoryUser[]>> {
  const path = '/api/users/directory';
  const result = await call(token, 'GET', path, undefined, UserDirectoryResponseSchema, fetchFn);
  return result.ok ? { ok: true, value: result.value.users } : result;
}
