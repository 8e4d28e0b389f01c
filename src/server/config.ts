import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './auth/client-address.ts';

// Configuration comes from the environment only (12-factor), parsed once at start so a typo
// stops the server with a clear message instead of failing on the first request.

const DEFAULT_PORT = 8080;
const DEFAULT_DATA_DIR = './data';
/** The build next to the server's sources (the repository's dist/), wherever it is started from. */
const DEFAULT_DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

// Docker Compose and systemd files often set a variable to an empty string to "unset" it.
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const PORT_PROBLEM =
  'PORT moet een geheel getal van 0 tot en met 65535 zijn (PORT must be a whole number from 0 to 65535)';
const DATABASE_URL_PROBLEM =
  'DATABASE_URL moet een PostgreSQL-URL zijn, bijvoorbeeld postgres://gebruiker:wachtwoord@host:5432/schouw ' +
  '(DATABASE_URL must be a PostgreSQL URL, e.g. postgres://user:password@host:5432/schouw)';

const PortSchema = optionalText.transform((value, ctx) => {
  if (value === undefined) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    ctx.issues.push({ code: 'custom', message: PORT_PROBLEM, input: value });
    return z.NEVER;
  }
  return port;
});

const DEMO_PROBLEM =
  'SCHOUW_DEMO moet 0 (nooit een demo-organisatie) of 1 (altijd) zijn ' +
  '(SCHOUW_DEMO must be 0 for never or 1 for always; unset: only on a new embedded data directory)';

/** Whether the demo organisation is seeded: see src/server/demo/demo-policy.ts. */
export type DemoSetting = 'auto' | 'on' | 'off';

const DemoSchema = optionalText.transform((value, ctx): DemoSetting => {
  if (value === undefined) return 'auto';
  if (value === '1') return 'on';
  if (value === '0') return 'off';
  ctx.issues.push({ code: 'custom', message: DEMO_PROBLEM, input: value });
  return z.NEVER;
});

const DatabaseUrlSchema = optionalText.refine(
  (value) => value === undefined || isPostgresUrl(value),
  { error: DATABASE_URL_PROBLEM },
);

const TrustedProxiesSchema = optionalText.transform((value, ctx) => {
  if (value === undefined) return undefined;
  try {
    return parseTrustedProxies(value);
  } catch (error) {
    ctx.issues.push({
      code: 'custom',
      message: `TRUSTED_PROXIES moet ${(error as Error).message} zijn (TRUSTED_PROXIES must be a hop count from 1 to 10 or a comma-separated list of IP addresses and CIDR subnets)`,
      input: value,
    });
    return z.NEVER;
  }
});

export const ServerConfigSchema = z.object({
  PORT: PortSchema,
  // Relative paths are resolved against the working directory; empty means the default.
  SCHOUW_DATA_DIR: optionalText.transform((value) => path.resolve(value ?? DEFAULT_DATA_DIR)),
  SCHOUW_DIST_DIR: optionalText.transform((value) => path.resolve(value ?? DEFAULT_DIST_DIR)),
  DATABASE_URL: DatabaseUrlSchema,
  TRUSTED_PROXIES: TrustedProxiesSchema,
  SCHOUW_DEMO: DemoSchema,
});

export interface ServerConfig {
  /** 0 lets the operating system choose a free port (used by tests). */
  port: number;
  /** Absolute path; holds the embedded database and, later, photos. */
  dataDir: string;
  /** Absolute path of the built app the server serves (never the data directory). */
  distDir: string;
  /** When set, PostgreSQL is used instead of the embedded PGlite store. */
  databaseUrl: string | undefined;
  /** Reverse proxies whose X-Forwarded-For names the client; undefined: trust none. */
  trustedProxies?: TrustedProxies | undefined;
  /** SCHOUW_DEMO: 'auto' (unset) seeds the demo only into a new embedded store. */
  demo: DemoSetting;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the server configuration from environment variables; throws ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): ServerConfig {
  const result = ServerConfigSchema.safeParse({
    PORT: env.PORT,
    SCHOUW_DATA_DIR: env.SCHOUW_DATA_DIR,
    SCHOUW_DIST_DIR: env.SCHOUW_DIST_DIR,
    DATABASE_URL: env.DATABASE_URL,
    TRUSTED_PROXIES: env.TRUSTED_PROXIES,
    SCHOUW_DEMO: env.SCHOUW_DEMO,
  });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.join('.');
      const given = env[variable];
      return `${issue.message}${given === undefined ? '' : `; kreeg/got "${redactUrl(given)}"`}`;
    });
    throw new ConfigError(`Ongeldige configuratie (invalid configuration): ${problems.join('. ')}`);
  }
  return {
    port: result.data.PORT,
    dataDir: result.data.SCHOUW_DATA_DIR,
    distDir: result.data.SCHOUW_DIST_DIR,
    databaseUrl: result.data.DATABASE_URL,
    trustedProxies: result.data.TRUSTED_PROXIES,
    demo: result.data.SCHOUW_DEMO,
  };
}

function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    // No host is allowed: postgres:///schouw?host=/run/postgresql uses a Unix socket.
    return url.protocol === 'postgres:' || url.protocol === 'postgresql:';
  } catch {
    return false;
  }
}

/** A URL safe to print: the password is replaced, so logs never leak credentials. */
export function redactUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value;
  }
}
