/**
 * `lifeline index <folder|file.csv|file.json>`: the articles JSON (`{"articles": [...], "lang",
 * "synonyms", "index"}`, as the widget reads it) from a folder of Markdown files, a CSV file or a
 * JSON array, with the search index prebuilt so the widget loads it instead of building it. Every
 * problem names its file or row; `dropped` counts the articles that could not be used.
 */
import './languages/all';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArticles } from './articles';
import { readSynonyms } from './articles-file';
import { mergeHistory, type HistoryEntry } from './history';
import { createSearchIndex } from './build-index';
import { serializeIndex } from './serialize';
import { searchLanguage } from './language';
import { thesaurusFor } from './wordnet';
import { parseCsv } from './csv';
import { loadMarkdownFolder } from './markdown-folder';
import type { Article } from './types';

export interface IndexResult {
  articles: Article[];
  problems: string[];
  /** Articles (files, rows, array items) that were found but left out. */
  dropped: number;
}

export async function buildArticles(input: string): Promise<IndexResult> {
  const info = await stat(input);
  if (info.isDirectory()) return fromFolder(input);
  const source = await readFile(input, 'utf8');
  if (/\.csv$/i.test(input)) return fromCsv(source, basename(input));
  if (/\.json$/i.test(input)) return fromJson(source, basename(input));
  throw new InputError(`${input}: expected a folder, a .csv or a .json file`);
}

export class InputError extends Error {}

async function fromFolder(dir: string): Promise<IndexResult> {
  const { articles, problems } = await loadMarkdownFolder(dir);
  let files = 0;
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    files = entries.filter((e) => (e.isFile() || e.isSymbolicLink()) && /\.md$/i.test(e.name)).length;
  } catch {
    // loadMarkdownFolder has reported it.
  }
  return { articles, problems, dropped: Math.max(files - articles.length, problems.length > 0 && files === 0 ? 1 : 0) };
}

function fromJson(source: string, name: string): IndexResult {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    return { articles: [], problems: [`${name}: not valid JSON (${(error as Error).message})`], dropped: 1 };
  }
  const { articles, problems } = parseArticles(value);
  const list = Array.isArray(value) ? value : (value as { articles?: unknown } | null)?.articles;
  const total = Array.isArray(list) ? list.length : 1;
  return { articles, problems: problems.map((p) => `${name}: ${p}`), dropped: total - articles.length };
}

const COLUMNS = ['id', 'title', 'body', 'tags', 'keywords', 'url'] as const;

function fromCsv(source: string, name: string): IndexResult {
  const { rows, problems: csvProblems } = parseCsv(source);
  const problems = csvProblems.map((p) => `${name}: ${p}`);
  const [header, ...data] = rows;
  if (!header) return { articles: [], problems: [...problems, `${name}: empty file, expected a header row`], dropped: 0 };
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  for (const required of ['title', 'body']) {
    if (!columns.includes(required)) {
      return { articles: [], problems: [...problems, `${name}: line ${header.line}: the header has no "${required}" column`], dropped: data.length };
    }
  }
  const unknown = columns.filter((c) => c !== '' && !(COLUMNS as readonly string[]).includes(c));
  if (unknown.length) problems.push(`${name}: line ${header.line}: ignored columns ${unknown.join(', ')}`);

  // Each row becomes an object for parseArticles (one validation for every format), then its
  // problems are renamed from articles[i] to the row's line.
  const items = data.map((row) => {
    const get = (column: string) => {
      const at = columns.indexOf(column);
      return at >= 0 ? (row.fields[at] ?? '') : undefined;
    };
    const split = (value: string | undefined) => value?.split(/[|;]/).map((s) => s.trim()).filter(Boolean);
    const item: Record<string, unknown> = { id: get('id')?.trim() || undefined, title: get('title'), body: get('body') };
    if (item.id === undefined) item.id = `row-${row.line}`;
    const tags = split(get('tags'));
    if (tags?.length) item.tags = tags;
    const keywords = split(get('keywords'));
    if (keywords?.length) item.keywords = keywords;
    const url = get('url')?.trim();
    if (url) item.url = url;
    return item;
  });
  const extra: string[] = [];
  const kept = items.filter((item, i) => {
    if (typeof item.body === 'string' && item.body.trim() === '') {
      extra.push(`${name}: line ${data[i]!.line}: empty body`);
      // Keep it out of parseArticles, but still report a missing title on the same row.
      if (typeof item.title !== 'string' || item.title.trim() === '') extra.push(`${name}: line ${data[i]!.line}: missing title`);
      return false;
    }
    return true;
  });
  const lines = items.map((_, i) => data[i]!.line).filter((_, i) => kept.includes(items[i]!));
  const { articles, problems: parsed } = parseArticles(kept);
  const renamed = parsed.map((p) =>
    p
      .replace(/^articles\[(\d+)\]\.title: expected a non-empty string$/, (_, i: string) => `line ${lines[Number(i)]}: missing title`)
      .replace(/\(first at articles\[(\d+)\]\)/, (_, i: string) => `(first at line ${lines[Number(i)]})`)
      .replace(/^articles\[(\d+)\]\.?/, (_, i: string) => `line ${lines[Number(i)]}: `),
  );
  return { articles, problems: [...problems, ...extra, ...renamed.map((p) => `${name}: ${p}`)], dropped: data.length - articles.length };
}

/** A synonyms file: a JSON array of groups, or text with one group a line, members separated by commas. */
export function parseSynonymsFile(source: string, name: string): { groups: string[][]; problems: string[] } {
  const problems: string[] = [];
  if (/^\s*\[/.test(source)) {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      return { groups: [], problems: [`${name}: not valid JSON (${(error as Error).message})`] };
    }
    const groups = readSynonyms(value, problems);
    return { groups, problems: problems.map((p) => `${name}: ${p}`) };
  }
  const groups: string[][] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const members = line.split(',').map((m) => m.trim()).filter(Boolean);
    if (members.length < 2) problems.push(`${name}: line ${i + 1}: expected two or more words or phrases separated by commas`);
    else groups.push(members);
  });
  return { groups, problems };
}

/** What `lifeline index` writes: the articles and, unless left out, the prebuilt search index. */
export function indexFile(
  articles: Article[],
  options: { lang?: string; synonyms?: string[][]; history?: HistoryEntry[]; withIndex: boolean; /** false: without WordNet's synonyms (`--no-thesaurus`). */ thesaurus?: boolean },
): Record<string, unknown> {
  const lang = searchLanguage(options.lang);
  const file: Record<string, unknown> = { articles, lang };
  if (options.synonyms?.length) file.synonyms = options.synonyms;
  if (options.withIndex) {
    const thesaurus = options.thesaurus === false ? undefined : thesaurusFor(lang);
    file.index = serializeIndex(createSearchIndex(articles, { lang, synonyms: options.synonyms ?? [], phrasings: mergeHistory(options.history ?? []), ...(thesaurus && { thesaurus }) }));
  }
  return file;
}

/**
 * Above this size (gzip, as a web server sends it) the prebuilt articles file is too much for
 * every visitor to download before their first search, and the server searches instead
 * (`"search": "backend"`): about 240 articles of 2,000 characters of real prose (docs/search.md
 * has the figures). 300 KB is 8 times the whole widget's search path and 1.5 s on a 1.6 Mbit/s
 * mobile connection before the first answer, while the server answers in milliseconds at
 * 10,000 articles (`npm run bench:search`).
 */
export const BACKEND_ABOVE_BYTES = 300 * 1024;
/** Articles the small file of a backend-searched help centre keeps: shown before the visitor types, and when the server cannot be reached. */
export const POPULAR_ARTICLES = 20;

/**
 * The small articles file of a help centre searched by the server: a flag, the language, how many
 * articles the server holds, and the most popular articles in full (most learned phrasings in
 * `history` first, then the file's order, which is the site owner's), so the panel opens with
 * something to read, and searches them itself when the server is away.
 */
export function backendFile(articles: readonly Article[], options: { lang?: string; history?: HistoryEntry[]; thesaurus?: boolean }): Record<string, unknown> {
  const learned = new Map<string, number>();
  for (const entry of options.history ?? []) learned.set(entry.articleId, (learned.get(entry.articleId) ?? 0) + entry.queries.length);
  const popular = articles
    .map((article, at) => ({ article, at, n: learned.get(article.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || a.at - b.at)
    .slice(0, POPULAR_ARTICLES)
    .map(({ article }) => article);
  const lang = searchLanguage(options.lang);
  // Their index too: when the server cannot be reached the panel still searches these few.
  const thesaurus = options.thesaurus === false ? undefined : thesaurusFor(lang);
  return { search: 'backend', lang, total: articles.length, articles: popular, index: serializeIndex(createSearchIndex(popular, { lang, ...(thesaurus && { thesaurus }) })) };
}
