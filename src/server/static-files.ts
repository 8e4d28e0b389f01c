import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';
import { getMimeType } from 'hono/utils/mime';

// Serves the built app (vite build -> dist/). Caching is what keeps an offline-first app
// updatable: Vite puts content-hashed files under /assets/, so those may be cached forever;
// everything else (index.html, sw.js, the manifest, icons) keeps its name across releases
// and must be revalidated on every load, or browsers keep running an old release.
// Never put unhashed files in public/assets/: they would be cached for a year.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

const HASHED_PREFIX = '/assets/';

export function cacheControlFor(urlPath: string): string {
  return urlPath.startsWith(HASHED_PREFIX) ? IMMUTABLE : NO_CACHE;
}

/** The file inside distDir a URL path names, or undefined when the path may not be served. */
function resolveInside(distDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // No parent steps, and no hidden files or folders (.git, .env, a store's lock files).
  if (segments.some((segment) => segment.startsWith('.'))) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const file = path.join(distDir, relative);
  return file.startsWith(distDir + path.sep) ? file : undefined;
}

/** Where files are served from, as real paths (symbolic links resolved). */
interface Root {
  dir: string;
  privateDirs: readonly string[];
}

function isInside(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * The file's stats when it may be served: a regular file whose real path (after following any
 * symbolic link) lies inside the build and outside every private directory.
 */
async function fileStats(root: Root, file: string) {
  try {
    const real = await realpath(file);
    if (!isInside(real, root.dir)) return undefined;
    if (root.privateDirs.some((dir) => real === dir || isInside(real, dir))) return undefined;
    const stats = await stat(real);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(
  c: Context,
  root: Root,
  file: string,
  cacheControl: string,
): Promise<Response | undefined> {
  const stats = await fileStats(root, file);
  if (!stats) return undefined;
  // Size and modification time change whenever a build rewrites the file.
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': getMimeType(file) ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  };
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch?.split(',').some((candidate) => candidate.trim() === etag)) {
    return c.body(null, 304, headers);
  }
  headers['Content-Length'] = String(stats.size);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(await readFile(file), 200, headers);
}

/**
 * GET/HEAD handler for every non-API path: the file if it exists, 404 for a missing hashed
 * asset (an HTML page cached as JavaScript for a year would break the app), otherwise
 * index.html so client-side routes survive a reload.
 */
export function staticFiles(
  distDir: string,
  { privateDirs = [] }: { privateDirs?: readonly string[] } = {},
) {
  const dir = path.resolve(distDir);
  // Resolved per request: the build directory may appear (or be replaced) after start.
  const realRoot = async (): Promise<Root> => ({
    dir: await realpath(dir).catch(() => dir),
    privateDirs: await Promise.all(
      privateDirs.map((privateDir) =>
        realpath(path.resolve(privateDir)).catch(() => path.resolve(privateDir)),
      ),
    ),
  });
  return async (c: Context): Promise<Response> => {
    const urlPath = c.req.path;
    const root = await realRoot();
    const file = resolveInside(dir, urlPath);
    if (file) {
      const response = await sendFile(c, root, file, cacheControlFor(urlPath));
      if (response) return response;
    }
    if (urlPath.startsWith(HASHED_PREFIX)) {
      return c.text('Niet gevonden (not found)', 404, { 'Cache-Control': NO_CACHE });
    }
    const index = await sendFile(c, root, path.join(dir, 'index.html'), NO_CACHE);
    if (index) return index;
    return c.text(
      'Schouw is nog niet gebouwd: voer "npm run build" uit.\n' +
        'The app has not been built yet: run "npm run build".\n',
      503,
      { 'Cache-Control': 'no-store' },
    );
  };
}
