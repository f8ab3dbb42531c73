/** `npm start`: serves the widget and the demo on http://HOST:PORT (default 127.0.0.1:8787). */
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { createApp } from './app';

const root = fileURLToPath(new URL('../../', import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535, got "${process.env.PORT}"`);
  process.exit(2);
}

const app = createApp({ distDir: `${root}dist`, demoDir: `${root}demo` });
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Lifeline demo on http://${hostname}:${info.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
