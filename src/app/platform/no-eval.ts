// The app runs under a Content-Security-Policy without 'unsafe-eval' (src/server/security-headers.ts).
// Zod compiles object parsers with `new Function` when it may, and merely probing for that shows
// up as a CSP violation in the browser: tell it up front never to try. Zod keeps its settings on
// globalThis.__zod_globalConfig (shared by every copy and chunk); setting the flag there, in
// place, works before or after zod loads and keeps zod out of the first load. Imported first by
// main.tsx; no-eval.test.ts checks zod still reads it.
const scope = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(scope.__zod_globalConfig ??= {}).jitless = true;

export {};
