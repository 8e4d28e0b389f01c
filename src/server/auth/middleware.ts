import type { MiddlewareHandler } from 'hono';
import { may, type Permission, type Role } from '../../shared/domain/role.ts';
import { SyncErrorCode } from '../../shared/sync/protocol.ts';
import type { Queryable } from '../store/store.ts';
import { errorResponse } from './errors.ts';
import type { AuthVariables, Principal } from './principal.ts';
import { findSession } from './sessions.ts';

export type AuthEnv = { Variables: AuthVariables };

const UNAUTHENTICATED_MESSAGE =
  'U bent niet (meer) aangemeld. Meld u opnieuw aan; uw werk op dit apparaat blijft bewaard.';

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * Turns `Authorization: Bearer <token>` into `c.get('principal')`, or answers 401
 * `{ error: 'unauthenticated' }` when the token is missing, unknown, expired or revoked.
 */
export function requireAuth(store: Queryable): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    const session = token === undefined ? undefined : await findSession(store, token);
    if (!session) {
      c.header('WWW-Authenticate', 'Bearer');
      return errorResponse(c, 401, SyncErrorCode.unauthenticated, UNAUTHENTICATED_MESSAGE);
    }
    c.set('principal', session.principal);
    await next();
  };
}

function forbidden(c: Parameters<MiddlewareHandler<AuthEnv>>[0]): Response {
  return errorResponse(
    c,
    403,
    'forbidden',
    'Uw rol geeft geen toegang tot deze functie. Vraag de beheerder van uw organisatie.',
  );
}

// Used after requireAuth; a route mounted without it fails closed with 401, not open.
function withPrincipal(check: (principal: Principal) => boolean): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = c.get('principal') as Principal | undefined;
    if (!principal) {
      return errorResponse(c, 401, SyncErrorCode.unauthenticated, UNAUTHENTICATED_MESSAGE);
    }
    if (!check(principal)) return forbidden(c);
    await next();
  };
}

/** 403 unless the caller's role has `permission` in role.ts's permission table. */
export function requirePermission(permission: Permission): MiddlewareHandler<AuthEnv> {
  return withPrincipal((principal) => may(principal.role, permission));
}

/** 403 unless the caller has one of `roles`. */
export function requireRole(...roles: readonly Role[]): MiddlewareHandler<AuthEnv> {
  return withPrincipal((principal) => roles.includes(principal.role));
}
