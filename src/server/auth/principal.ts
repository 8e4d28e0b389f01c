import type { Role } from '../../shared/domain/role.ts';

/** Who is calling: set by the auth middleware on every authenticated request. */
export interface Principal {
  userId: string;
  organisationId: string;
  role: Role;
  sessionId: string;
}

/** Hono context variables of authenticated routes: `c.get('principal')`. */
export interface AuthVariables {
  principal: Principal;
}
