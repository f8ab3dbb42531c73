/**
 * The reference server's HTTP app (Hono). For now it serves the widget and the demo site; the
 * handoff API of HANDOFF.md mounts under /v1 here.
 */
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { randomBytes } from 'node:crypto';
import { contentType, readInside } from './static';

export interface AppOptions {
  /** The build output: lifeline.js, its panel chunk and the demo's articles.json. */
  distDir: string;
  /** The demo site's pages and stylesheet. */
  demoDir: string;
}

/** The demo runs under the strict policy a careful site would have (promise 3). */
export const demoPolicy = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');

export function createApp({ distDir, demoDir }: AppOptions): Hono {
  const app = new Hono();
  app.use(compress());

  // The loader keeps its name forever, so caches must check it; chunks' names carry a hash.
  app.get('/lifeline.js', (c) => sendFile(c, distDir, 'lifeline.js', 'no-cache'));
  app.get('/:file{lifeline-[\\w-]+\\.[\\w-]+\\.js}', (c) =>
    sendFile(c, distDir, c.req.param('file'), 'public, max-age=31536000, immutable'));
  app.get('/articles.json', (c) => sendFile(c, distDir, 'articles.json', 'no-cache'));

  app.get('/:page{[\\w-]*(\\.html)?}', async (c) => {
    const page = c.req.param('page') || 'index.html';
    const file = page.endsWith('.html') ? page : `${page}.html`;
    const html = await readInside(demoDir, file);
    if (!html) return c.notFound();
    const nonce = randomBytes(16).toString('base64');
    c.header('content-security-policy', demoPolicy(nonce));
    c.header('cache-control', 'no-store');
    return c.html(html.toString('utf8').replaceAll('{{NONCE}}', nonce));
  });
  app.get('/:file{[\\w-]+\\.(css|svg|ico|png|txt)}', (c) => sendFile(c, demoDir, c.req.param('file'), 'no-cache'));

  return app;
}

async function sendFile(c: import('hono').Context, dir: string, file: string, cache: string): Promise<Response> {
  const body = await readInside(dir, file);
  if (!body) return c.notFound();
  return c.body(new Uint8Array(body), 200, {
    'content-type': contentType(file),
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
  });
}
