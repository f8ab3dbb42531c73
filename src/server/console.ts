/**
 * The agents' console at /console: an HTML shell made here (so it can carry the built file
 * names and a strict policy with no 'unsafe-inline'), and the console's built files under
 * /console/assets/. The build writes dist/console/manifest.json naming its script and stylesheet.
 */
import { Hono } from 'hono';
import { contentType, readInside } from './static';

/** Nothing inline: the console's script and styles are files of our own origin. */
export const consolePolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** dist/console/manifest.json, written by src/build/build.ts. */
export interface ConsoleManifest {
  script: string;
  styles: string[];
}

const escapeAttr = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function consoleShell(manifest: ConsoleManifest): string {
  const styles = manifest.styles.map((file) => `<link rel="stylesheet" href="/console/assets/${escapeAttr(file)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Lifeline console</title>
${styles}
<script type="module" src="/console/assets/${escapeAttr(manifest.script)}"></script>
</head>
<body>
<div id="console"></div>
</body>
</html>`;
}

function isManifest(value: unknown): value is ConsoleManifest {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Record<string, unknown>;
  return typeof o.script === 'string' && Array.isArray(o.styles) && o.styles.every((s) => typeof s === 'string');
}

export function consoleRoutes(distDir: string): Hono {
  const routes = new Hono();
  const consoleDir = `${distDir}/console`;
  const assetsDir = `${consoleDir}/assets`;

  routes.get('/', async (c) => {
    // Read per request: cheap, and a rebuild is picked up without a restart.
    const raw = await readInside(consoleDir, 'manifest.json');
    let manifest: unknown = null;
    try {
      manifest = raw ? JSON.parse(raw.toString('utf8')) : null;
    } catch (error) {
      console.error(`[Lifeline] dist/console/manifest.json is not JSON: ${(error as Error).message}`);
    }
    if (!isManifest(manifest)) {
      return c.text('The console is not built: run `npm run build`.', 503, { 'cache-control': 'no-store' });
    }
    c.header('content-security-policy', consolePolicy);
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    return c.html(consoleShell(manifest));
  });

  // The service worker of browser notifications (src/console/sw/). Its name never changes, so
  // browsers check it on every registration (no-cache); Service-Worker-Allowed lets it take the
  // scope /console, the console's own page, rather than only what lies under /console/.
  routes.get('/sw.js', async (c) => {
    const body = await readInside(consoleDir, 'sw.js');
    if (!body) return c.text('The console is not built: run `npm run build`.', 503, { 'cache-control': 'no-store' });
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'no-cache',
      'service-worker-allowed': '/console',
      // The worker's own policy: it fetches only this origin's API, and runs nothing else.
      'content-security-policy': "default-src 'self'; script-src 'none'; object-src 'none'",
      'x-content-type-options': 'nosniff',
    });
  });

  routes.get('/assets/:file{[\\w.-]+\\.(js|css)}', async (c) => {
    const file = c.req.param('file');
    const body = await readInside(assetsDir, file);
    if (!body) return c.notFound();
    return c.body(new Uint8Array(body), 200, {
      'content-type': contentType(file),
      // Every asset's name carries a content hash.
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  return routes;
}
