// The floor of the HTTP stack the BFF stands on: the same Node.js, @hono/node-server and Hono,
// and routes that do nothing. What it costs per request is what no work of ours can remove;
// the bench runs it beside each baseline (docs/performance.md). Prints its URL on stdout.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono()
  // The loans list's floor: an empty JSON answer to a GET.
  .get('/floor', (c) => c.json({ ok: true }))
  // The renewal's floor: a POST whose small JSON body is read, answered with JSON.
  .post('/floor', async (c) => c.json({ received: await c.req.json() }));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.info(`http://127.0.0.1:${info.port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
