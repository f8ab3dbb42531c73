import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadSearchIndex } from './index';
import './languages/all';
import type { SearchLine } from './cli-search';
import type { Article } from './types';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../cli.js', import.meta.url));

type Outcome = { code: number; stdout: string; stderr: string };

/** The real bin, as `npx lifeline` runs it. */
async function lifeline(args: string[], input?: string): Promise<Outcome> {
  const child = run(process.execPath, [bin, ...args]);
  child.child.stdin?.end(input ?? '');
  return child.then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe('lifeline index', () => {
  it('hands a help centre over 300 KB gzip (or --search backend) to the server: a small file for the widget, the full one for LIFELINE_ARTICLES', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const source = join(dir, 'source.json');
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, title: `Article ${i}`, body: `What article ${i} says.` }));
    await writeFile(source, JSON.stringify(many));
    const history = join(dir, 'history.json');
    await writeFile(history, JSON.stringify([{ articleId: 'a7', queries: ['seven', 'the seventh'] }]));
    const out = join(dir, 'articles.json');
    const result = await lifeline(['index', source, '--out', out, '--search', 'backend', '--history', history]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${out}: for data-articles`);
    expect(result.stderr).toContain(`${join(dir, 'articles.server.json')}: the full articles and index, for LIFELINE_ARTICLES`);
    const small = JSON.parse(await readFile(out, 'utf8')) as { search: string; total: number; articles: Article[]; index?: unknown };
    expect(small).toMatchObject({ search: 'backend', total: 30, lang: 'en' });
    expect(small.articles).toHaveLength(20);
    // The most learned article first, then the site owner's order.
    expect(small.articles.slice(0, 3).map((a) => a.id)).toEqual(['a7', 'a0', 'a1']);
    // Their own index, for when the server cannot be reached.
    expect(loadSearchIndex(small.index, small.articles)).not.toBeNull();
    const full = JSON.parse(await readFile(join(dir, 'articles.server.json'), 'utf8')) as { articles: Article[]; index: unknown };
    expect(full.articles).toHaveLength(30);
    expect(loadSearchIndex(full.index, full.articles)).not.toBeNull();

    expect((await lifeline(['index', source, '--search', 'backend'])).stderr).toContain('give --out');
    expect((await lifeline(['index', source, '--search', 'server'])).stderr).toContain('--search expects auto, browser or backend, got "server"');
    // Small: one file, searched in the browser, its size said.
    const auto = await lifeline(['index', source, '--out', out]);
    expect(auto.stderr).toMatch(/30 articles written to .*articles\.json \(\d+ KB gzip\)/);
    expect(JSON.parse(await readFile(out, 'utf8'))).not.toHaveProperty('search');
  }, 30_000);

  it('names the file of each problem, keeps the good articles and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const md = join(dir, 'articles');
    await mkdir(md);
    await writeFile(join(md, 'a.md'), '---\nid: refunds\ntitle: Refunds\ntags: [money, refund]\n---\nHow refunds work.\n');
    await writeFile(join(md, 'b.md'), '---\nid: no-title\n---\nA body without a title.\n');
    await writeFile(join(md, 'c.md'), '---\nid: refunds\ntitle: Refunds again\n---\nSame id.\n');
    const out = join(dir, 'articles.json');
    const result = await lifeline(['index', md, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b.md: missing title');
    expect(result.stderr).toContain('c.md: duplicate id "refunds" (also in a.md)');
    const written = JSON.parse(await readFile(out, 'utf8')) as { articles: Array<{ id: string; tags?: string[] }> };
    expect(written.articles.map((a) => a.id)).toEqual(['refunds']);
    expect(written.articles[0]?.tags).toEqual(['money', 'refund']);
  }, 30_000);

  it('reads a CSV with quotes, names problem rows by line, and exits 0 when all are good', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const good = join(dir, 'good.csv');
    await writeFile(good, 'id,title,body,tags,keywords,url\nrefunds,"Refunds, returns","Line one\nline ""two""",money|refund,give back;return,/refunds\n');
    const ok = await lifeline(['index', good]);
    expect(ok.code).toBe(0);
    const written = JSON.parse(ok.stdout) as { articles: Article[]; lang: string; index: unknown };
    expect(written.articles).toEqual([
      { id: 'refunds', title: 'Refunds, returns', body: 'Line one\nline "two"', url: '/refunds', tags: ['money', 'refund'], keywords: ['give back', 'return'] },
    ]);
    expect(written.lang).toBe('en');
    // The prebuilt index fits the articles and answers like a fresh one.
    expect(loadSearchIndex(written.index, written.articles)?.search('give back')[0]?.id).toBe('refunds');
    const plain = await lifeline(['index', good, '--no-index']);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('index');

    const bad = join(dir, 'bad.csv');
    await writeFile(bad, 'id,title,body\na,A,body\na,Again,body\nb,,body\nc,C,\n');
    const result = await lifeline(['index', bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.csv: line 3: id: duplicate id "a" (first at line 2)');
    expect(result.stderr).toContain('bad.csv: line 4: missing title');
    expect(result.stderr).toContain('bad.csv: line 5: empty body');
    expect((JSON.parse(result.stdout) as { articles: unknown[] }).articles).toHaveLength(1);
  }, 30_000);

  it('bakes synonyms and history into the index, and names a bad synonyms line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const csv = join(dir, 'a.csv');
    await writeFile(csv, 'id,title,body\nrefunds,Refunds,How refunds work.\ntrack,Track an order,Use the tracking link.\n');
    await writeFile(join(dir, 'syn.txt'), '# groups\nrefund, money back\nlonely\n');
    await writeFile(join(dir, 'history.json'), JSON.stringify([{ articleId: 'track', queries: ['my stuff never showed up'] }]));
    const out = join(dir, 'articles.json');
    const result = await lifeline(['index', csv, '--synonyms', join(dir, 'syn.txt'), '--history', join(dir, 'history.json'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('syn.txt: line 3: expected two or more words or phrases separated by commas');
    const lines = (await lifeline(['search', out, 'money back', 'stuff never showed up'])).stdout.trim().split('\n');
    expect((JSON.parse(lines[0]!) as SearchLine).results[0]?.id).toBe('refunds');
    expect((JSON.parse(lines[1]!) as SearchLine).results[0]?.id).toBe('track');
    expect((await lifeline(['index', csv, '--lang', 'xx'])).stderr).toContain('--lang expects one of en, fr, de, es, it, pt, nl, pl, ar, he, ja, zh');
  }, 30_000);

  it('indexes English articles with WordNet’s other words for theirs, unless --no-thesaurus', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const csv = join(dir, 'a.csv');
    await writeFile(csv, 'id,title,body\nstream,Which movies can I stream?,Every movie in the catalogue streams in HD.\ntickets,Opening hours,The box office opens at noon.\n');
    const withWordNet = join(dir, 'with.json');
    const without = join(dir, 'without.json');
    expect((await lifeline(['index', csv, '--out', withWordNet])).code).toBe(0);
    expect((await lifeline(['index', csv, '--no-thesaurus', '--out', without])).code).toBe(0);
    const first = async (file: string): Promise<string | undefined> =>
      (JSON.parse((await lifeline(['search', file, 'film'])).stdout) as SearchLine).results[0]?.id;
    expect(await first(withWordNet)).toBe('stream');
    expect(await first(without)).toBeUndefined();
  }, 30_000);

  it('--lang ja: records the language, finds words with Intl.Segmenter, and a Japanese question finds its article', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-index-'));
    const json = join(dir, 'ja.json');
    await writeFile(
      json,
      JSON.stringify([
        { id: 'track', title: 'ご注文の配送状況を確認する', body: '確認メールのリンクから配送状況をご確認いただけます。' },
        { id: 'refund', title: '返品・返金について', body: '返金は5日以内に元のお支払い方法に戻ります。' },
      ]),
    );
    const out = join(dir, 'articles.json');
    expect((await lifeline(['index', json, '--lang', 'ja', '--out', out])).code).toBe(0);
    const file = JSON.parse(await readFile(out, 'utf8')) as { lang: string; index: { lang: string; terms: string[] } };
    expect([file.lang, file.index.lang]).toEqual(['ja', 'ja']);
    expect(file.index.terms).toContain('注文');
    const line = JSON.parse((await lifeline(['search', out, '注文はどこですか'])).stdout) as SearchLine;
    expect(line.results.map((r) => r.id)).toEqual(['track']);
  }, 30_000);

  it('exits 2 on a usage error', async () => {
    expect((await lifeline(['index'])).code).toBe(2);
    expect((await lifeline(['index', '/no/such/folder'])).code).toBe(2);
  }, 30_000);
});

describe('lifeline search', () => {
  async function articlesFile(): Promise<{ articles: string; history: string }> {
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-search-'));
    const articles = join(dir, 'articles.json');
    await writeFile(
      articles,
      JSON.stringify([
        { id: 'card_arrival', title: 'When will my card arrive?', body: 'Delivery of a card you ordered.', tags: ['card', 'delivery'] },
        { id: 'exchange_rate', title: 'What exchange rate do you use?', body: 'How exchange rates are set.', tags: ['exchange', 'rate'] },
      ]),
    );
    const history = join(dir, 'history.json');
    await writeFile(history, JSON.stringify([{ articleId: 'exchange_rate', queries: ['how much is a euro in pounds'] }]));
    return { articles, history };
  }

  it('prints one JSON line per query argument, best first, scores rounded', async () => {
    const { articles } = await articlesFile();
    const result = await lifeline(['search', articles, 'card arrive', 'exchange rate', '--limit', '1']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; results: Array<{ id: string; score: number }> });
    expect(lines.map((l) => l.query)).toEqual(['card arrive', 'exchange rate']);
    expect(lines[0]?.results.map((r) => r.id)).toEqual(['card_arrival']);
    expect(lines[1]?.results.map((r) => r.id)).toEqual(['exchange_rate']);
    for (const r of lines.flatMap((l) => l.results)) expect(Math.round(r.score * 1000) / 1000).toBe(r.score);
  }, 30_000);

  it('reads queries from stdin, one a line, and uses --history phrasings', async () => {
    const { articles, history } = await articlesFile();
    const plain = await lifeline(['search', articles], 'euro pounds\n\ncard delivery\n');
    const plainLines = plain.stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; results: Array<{ id: string }> });
    expect(plainLines.map((l) => l.query)).toEqual(['euro pounds', 'card delivery']);
    expect(plainLines[0]?.results.map((r) => r.id)).not.toContain('exchange_rate');
    expect(plainLines[1]?.results[0]?.id).toBe('card_arrival');

    const learned = await lifeline(['search', articles, '--history', history], 'euro pounds\n');
    expect((JSON.parse(learned.stdout) as { results: Array<{ id: string }> }).results[0]?.id).toBe('exchange_rate');
  }, 30_000);
});
