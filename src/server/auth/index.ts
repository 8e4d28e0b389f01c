// Public surface of server-side accounts: routes to mount, middleware for other routes.
export { authRoutes } from './auth-routes.ts';
export { userRoutes } from './user-routes.ts';
export { requireAuth, requirePermission, requireRole, type AuthEnv } from './middleware.ts';
export type { AuthVariables, Principal } from './principal.ts';
export { createSession, SESSION_TTL_MS } from './sessions.ts';
export { hashPassword, verifyPassword } from './password.ts';
