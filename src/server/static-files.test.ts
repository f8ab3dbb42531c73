import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';

describe('the widget and the articles: revalidated, not sent again', () => {
  let dist: string;
  beforeEach(async () => {
    dist = await mkdtemp(join(tmpdir(), 'lifeline-static-'));
    await writeFile(join(dist, 'lifeline.js'), 'console.log("loader")');
    await writeFile(join(dist, 'articles.json'), '[{"id":"refunds","title":"Refunds","body":"30 days."}]');
    await writeFile(join(dist, 'lifeline-panel.abc123.js'), 'export const mount = 1;');
  });
  afterEach(async () => {
    await rm(dist, { recursive: true, force: true });
  });
  const app = () => createApp({ distDir: dist, demoDir: dist });

  it.each(['/lifeline.js', '/articles.json'])('%s: no-cache with a strong ETag, then 304 with no body', async (path) => {
    const first = await app().request(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);

    const again = await app().request(path, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await app().request(path, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
  });

  it('a changed file gets a new ETag and is sent whole', async () => {
    const etag = (await app().request('/articles.json')).headers.get('etag')!;
    await writeFile(join(dist, 'articles.json'), '[{"id":"returns","title":"Returns","body":"Free."}]');
    const changed = await app().request('/articles.json', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toEqual([{ id: 'returns', title: 'Returns', body: 'Free.' }]);
  });

  it('hashed chunks stay immutable', async () => {
    const chunk = await app().request('/lifeline-panel.abc123.js');
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
