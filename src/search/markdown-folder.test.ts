import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadMarkdownFolder } from './markdown-folder';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-articles-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
}

describe('loadMarkdownFolder', () => {
  it('reads each .md file as an article, in file-name order', async () => {
    await write({
      'shipping.md': '---\ntitle: Shipping times\ntags: [delivery]\n---\n\nWe ship in **2 days**.\n',
      'refunds.md':
        '---\nid: refund-policy\ntitle: "Refunds: how and when"\nurl: /help/refunds\nkeywords:\n  - money back\n  - return\n---\n# Refunds\n\nWithin 30 days.\n',
      'notes.txt': 'not an article',
    });
    await mkdir(join(dir, 'drafts.md')); // a folder, not a file
    expect(await loadMarkdownFolder(dir)).toEqual({
      articles: [
        {
          id: 'refund-policy',
          title: 'Refunds: how and when',
          body: '# Refunds\n\nWithin 30 days.',
          url: '/help/refunds',
          keywords: ['money back', 'return'],
        },
        { id: 'shipping', title: 'Shipping times', body: 'We ship in **2 days**.', tags: ['delivery'] },
      ],
      problems: [],
    });
  });

  it('handles Windows line endings and a byte order mark', async () => {
    await write({ 'a.md': '\uFEFF---\r\ntitle: A\r\ntags: a, b\r\n---\r\nBody\r\n' });
    expect((await loadMarkdownFolder(dir)).articles).toEqual([{ id: 'a', title: 'A', body: 'Body', tags: ['a', 'b'] }]);
  });

  it('skips files with problems and names the file in each problem', async () => {
    await write({
      'a.md': '---\nid: x\ntitle: A\n---\nFrom a.',
      'b.md': '---\nid: x\ntitle: B\n---\nFrom b.',
      'empty.md': '---\ntitle: Empty\n---\n\n   \n',
      'refunds.md': '# Refunds\n\nNo front matter.',
      'unsafe.md': '---\ntitle: Unsafe\nurl: javascript:alert(1)\n---\nStill readable.',
      'broken.md': '---\ntitle: Broken\n\nNever closed.',
    });
    const { articles, problems } = await loadMarkdownFolder(dir);
    expect(articles.map((article) => article.id)).toEqual(['x', 'unsafe']);
    expect(articles[1]).toEqual({ id: 'unsafe', title: 'Unsafe', body: 'Still readable.' });
    expect(problems).toEqual([
      'b.md: duplicate id "x" (also in a.md)',
      'broken.md: line 1: front matter starts with --- but has no closing --- line',
      'broken.md: missing title',
      'empty.md: empty body',
      'refunds.md: missing title',
      'unsafe.md: url: expected an http(s) or relative URL, got "javascript:alert(1)"',
    ]);
  });

  it('reports a list where one value is expected', async () => {
    await write({ 'a.md': '---\ntitle: [A, B]\n---\nBody' });
    expect((await loadMarkdownFolder(dir)).problems).toEqual(['a.md: title: expected one value, not a list', 'a.md: missing title']);
  });

  it('reads an empty folder as no articles', async () => {
    expect(await loadMarkdownFolder(dir)).toEqual({ articles: [], problems: [] });
  });

  it('reports a folder it cannot read instead of throwing', async () => {
    const missing = join(dir, 'missing');
    expect(await loadMarkdownFolder(missing)).toEqual({ articles: [], problems: [`${missing}: cannot read the folder (ENOENT)`] });
  });
});
