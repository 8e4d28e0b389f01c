// A benchmark page in real Chromium with an on-disk profile: built with Vite from a bench/*-page
// folder, served on a free local port, opened until its entry sets document.title to 'ready'.
// Everything is cleaned up afterwards, also when the measurement throws.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../../test/support/chromium.ts';

export interface BenchPageOptions {
  /** Folder with the page's index.html and entry. */
  pageDir: string;
  /** Where Vite writes the built page (emptied first). */
  outDir: string;
  /** Name prefix of the temporary Chromium profile folder. */
  profilePrefix: string;
  /** Further Chromium flags after the shared ones. */
  extraArgs?: readonly string[];
  /** Further folders served under a URL prefix, e.g. { '/photos/': photoDir }. */
  mounts?: Readonly<Record<string, string>>;
}

export interface BenchPage {
  page: Page;
  /** The profile folder: its path appears in the renderer processes' command lines. */
  profile: string;
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.jpg': 'image/jpeg',
};

/** The file a URL path names below `root` or a mount, or null when there is none. */
function resolveFile(
  urlPath: string,
  root: string,
  mounts: Readonly<Record<string, string>>,
): string | null {
  const path = normalize(decodeURIComponent(urlPath));
  const mount = Object.entries(mounts).find(([prefix]) => path.startsWith(prefix));
  const base = mount ? mount[1] : root;
  const file = mount
    ? join(base, path.slice(mount[0].length))
    : join(root, path === '/' ? 'index.html' : path);
  // normalize() resolved any '..', so a file outside its folder was asked for on purpose.
  if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return null;
  return file;
}

function serve(
  root: string,
  mounts: Readonly<Record<string, string>>,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const file = resolveFile(new URL(request.url ?? '/', 'http://x').pathname, root, mounts);
    if (file === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => {
    // Port 0: the OS picks a free port, so parallel runs never collide.
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

/** Builds and opens the page, runs `measure` on it, then closes Chromium and the server. */
export async function withBenchPage<T>(
  options: BenchPageOptions,
  measure: (bench: BenchPage) => Promise<T>,
): Promise<T> {
  await build({
    configFile: false,
    root: options.pageDir,
    base: './',
    logLevel: 'warn',
    build: { outDir: options.outDir, emptyOutDir: true, target: 'es2022', minify: true },
  });
  const { server, origin } = await serve(options.outDir, options.mounts ?? {});
  const profile = mkdtempSync(join(tmpdir(), options.profilePrefix));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable,
      args: [...chromiumArgs, ...(options.extraArgs ?? [])],
      headless: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      // Measurements can take minutes; the benchmark decides when something is wrong.
      page.setDefaultTimeout(0);
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => document.title === 'ready');
      return await measure({ page, profile });
    } finally {
      await context.close();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  }
}
