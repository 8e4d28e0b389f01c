import type { Context, MiddlewareHandler } from 'hono';

// Headers that limit what a page (or an injected script) can do, set on every answer: the app's
// HTML, its scripts, the service worker, static files, API answers and error answers alike.

/**
 * The app's Content-Security-Policy. The build has no inline script or style (Vite emits files,
 * Preact sets styles through the DOM), so nothing inline is allowed: an injected <script> or
 * onclick does not run. Everything loads from this origin; photos are shown from blob: URLs
 * (and data: for icons a library may embed); the service worker and the manifest are same-origin.
 * connect-src 'self' keeps a script from sending the bearer token or data anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** One year, without includeSubDomains: other hosts of the corporation's domain are not ours. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Whether the browser reached us over HTTPS: the request URL itself (a TLS socket), or, behind a
 * reverse proxy that terminates TLS, its X-Forwarded-Proto. That header is believed only when
 * `forwardedHeadersTrusted` says the peer is a trusted proxy (TRUSTED_PROXIES, see
 * auth/client-address.ts); anyone else could send it.
 */
export function requestIsHttps(
  c: Context,
  forwardedHeadersTrusted: (c: Context) => boolean = () => false,
): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!forwardedHeadersTrusted(c)) return false;
  // A chain of proxies lists one protocol each; the first is what the browser used.
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}

/** Sets the security headers on every answer, after the handler (errors and 404s included). */
export function securityHeaders(
  forwardedHeadersTrusted?: (c: Context) => boolean,
): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // Over plain HTTP the header is ignored by browsers, and localhost must stay reachable.
    if (requestIsHttps(c, forwardedHeadersTrusted)) {
      c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
  };
}
