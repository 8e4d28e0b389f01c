import type { Context } from 'hono';

/**
 * The peer address of the request as @hono/node-server exposes it. Deliberately not
 * X-Forwarded-For: a client could send any value there and get a fresh sign-in budget per
 * request. Behind a reverse proxy every request shares the proxy's address, and the
 * per-e-mail limit still applies.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
