import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { consolePolicy } from './console';

const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

describe('GET /console', () => {
  let dist: string;
  beforeEach(async () => {
    dist = await mkdtemp(join(tmpdir(), 'lifeline-console-'));
  });
  afterEach(async () => {
    await rm(dist, { recursive: true, force: true });
  });

  const app = () => createApp({ distDir: dist, demoDir: dist });
  const built = async () => {
    await mkdir(join(dist, 'console', 'assets'), { recursive: true });
    await writeFile(join(dist, 'console', 'manifest.json'), JSON.stringify({ script: 'console.abc123.js', styles: ['console.def456.css'] }));
    await writeFile(join(dist, 'console', 'assets', 'console.abc123.js'), 'console.log(1)');
  };

  it('serves the shell with the strict policy and no inline script or style', async () => {
    await built();
    const response = await app().request('/console');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(POLICY);
    expect(consolePolicy).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/console/assets/console.abc123.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/console/assets/console.def456.css">');
    // Every <script> has a src and nothing between its tags; no <style>, no style="" or on*="".
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="/);
      expect(body).toBe('');
    }
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/i);
  });

  it('serves the built assets, immutable, and nothing outside them', async () => {
    await built();
    const asset = await app().request('/console/assets/console.abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await app().request('/console/assets/..%2Fmanifest.json')).status).toBe(404);
    expect((await app().request('/console/assets/missing.js')).status).toBe(404);
  });

  it('serves the service worker under its fixed name, checked on every registration, allowed the scope /console', async () => {
    await built();
    await writeFile(join(dist, 'console', 'sw.js'), 'self.addEventListener("push", () => {})');
    const sw = await app().request('/console/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('service-worker-allowed')).toBe('/console');
    expect(sw.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(await sw.text()).toContain('push');
  });

  it('says the console is not built rather than serving a broken page', async () => {
    const response = await app().request('/console');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
