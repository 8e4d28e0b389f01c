// Turns a copy of the production build into "the next release", the way a real deploy differs.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * Marks index.html with a build id and updates its revision in the service worker's precache
 * manifest, exactly what a rebuild with a changed page does: the browser sees a new sw.js, and
 * the new worker precaches the new page.
 */
export function makeNewerBuild(dist: string, buildId: string): void {
  const htmlPath = join(dist, 'index.html');
  const swPath = join(dist, 'sw.js');
  const html = readFileSync(htmlPath, 'utf8');
  const sw = readFileSync(swPath, 'utf8');
  const newerHtml = html.replace(
    '<head>',
    `<head>\n    <meta name="schouw-build" content="${buildId}" />`,
  );
  const oldEntry = `{"revision":"${md5(html)}","url":"index.html"}`;
  if (newerHtml === html || sw.split(oldEntry).length !== 2) {
    throw new Error(`Build layout changed: cannot find <head> or ${oldEntry} once in sw.js`);
  }
  writeFileSync(htmlPath, newerHtml);
  writeFileSync(
    swPath,
    sw.replace(oldEntry, `{"revision":"${md5(newerHtml)}","url":"index.html"}`),
  );
}

/** Replaces the built service worker by another script, served at the same URL (/sw.js). */
export function replaceServiceWorker(dist: string, scriptPath: string): void {
  writeFileSync(join(dist, 'sw.js'), readFileSync(scriptPath));
}
