// Minimal placeholder server: serves the built app and /api/health. Replaced by the full server.
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));
app.use('/*', serveStatic({ root: './dist' }));
app.get('*', serveStatic({ path: './dist/index.html' }));
const port = Number(process.env.PORT ?? 8080);
serve({ fetch: app.fetch, port });
console.log(`Schouw listening on http://localhost:${port}`);
