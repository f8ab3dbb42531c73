/**
 * The site's articles as the server knows them (LIFELINE_ARTICLES): ids and titles, so an agent
 * resolving a handoff picks an article that exists, by its title, and a typo never teaches
 * phrasings to an article nobody can find; and their text, so that only searches about an
 * article are offered as its phrasings (phrasings.ts). The source is the same file the widget fetches
 * (`data-articles`, or the full file `lifeline index` writes beside a small one for a large help
 * centre): a path on this machine or an http(s) address, read again when it changes (its mtime,
 * or the address's ETag / Last-Modified) so a help centre that grows is followed; and, with the
 * prebuilt index read beside them, what GET /v1/search searches (site-search.ts). Without
 * LIFELINE_ARTICLES the server takes any id and has nothing to search.
 */
import { readFile, stat } from 'node:fs/promises';
import { articlesLanguage, readSynonyms } from '../search/articles-file';
import { parseArticles } from '../search/articles';
import { fold as foldText } from '../search/text';
import type { ArticleText } from './phrasings';

export interface CatalogArticle {
  id: string;
  title: string;
  /** The article's own page, when the file gives one (search results link to it). */
  url?: string;
  /** What it says, when read from an articles file (not kept by a catalog of titles alone). */
  text?: ArticleText;
}

export interface ArticleCatalog {
  /** id → title, or null when the server was not told the articles (or could not read them yet). */
  titles(): ReadonlyMap<string, string> | null;
  /** The text of one article, or null when unknown (or not told the articles). */
  article(id: string): ArticleText | null;
  /**
   * Every article as read, with the prebuilt index the file held (if any), for the server's
   * search; a new object after each change, so a cache keyed on it follows the file. Null when
   * not told the articles, or not read yet.
   */
  snapshot(): CatalogSnapshot | null;
}

export interface CatalogSnapshot {
  articles: readonly CatalogArticle[];
  /** The file's `index` as `lifeline index` wrote it, unchecked (loadSearchIndex checks it fits). */
  index: unknown;
}

/** The server that was not told the articles: every id is taken as given. */
export const NO_CATALOG: ArticleCatalog = Object.freeze({ titles: () => null, article: () => null, snapshot: () => null });

export const catalogOf = (articles: readonly CatalogArticle[], index: unknown = undefined): ArticleCatalog => {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const texts = new Map(articles.flatMap((a) => (a.text ? [[a.id, a.text] as const] : [])));
  const snapshot: CatalogSnapshot = Object.freeze({ articles, index });
  return { titles: () => titles, article: (id) => texts.get(id) ?? null, snapshot: () => snapshot };
};

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** Bytes an articles file may have: the 10,000-article index `lifeline index` writes is ~10 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** One read of the source: its articles, the prebuilt index it held, and what tells a later change. */
export interface CatalogRead {
  articles: CatalogArticle[];
  index: unknown;
  /** A file's mtime and size, or an address's ETag or Last-Modified; null when it gave none. */
  validator: string | null;
}

/**
 * Reads the articles' ids, titles and text (with the file's language and synonyms) from `source`. Throws an Error saying what is wrong (not
 * found, not JSON, no usable article), so a bad setting gets a specific answer.
 */
export async function readCatalog(source: string, fetchImpl: typeof fetch = fetch): Promise<CatalogArticle[]> {
  return (await readCatalogFile(source, { fetchImpl }))!.articles;
}

/**
 * Reads `source` as readCatalog does, unless it is unchanged since `since` (a validator of an
 * earlier read): then null, having read no more than a stat or a 304, so a 10,000-article file
 * is parsed, and its index rebuilt, only when it changed.
 */
export async function readCatalogFile(
  source: string,
  { fetchImpl = fetch, since = null }: { fetchImpl?: typeof fetch; since?: string | null } = {},
): Promise<CatalogRead | null> {
  let text: string;
  let validator: string | null;
  if (isUrl(source)) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (since?.startsWith('etag:')) headers['if-none-match'] = since.slice(5);
    else if (since?.startsWith('date:')) headers['if-modified-since'] = since.slice(5);
    const response = await fetchImpl(source, { headers, signal: AbortSignal.timeout(15_000) }).catch(
      (error: Error & { cause?: { code?: string; message?: string } }) => {
        // Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND...).
        throw new Error(`cannot fetch ${source}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
      },
    );
    if (response.status === 304 && since) return null;
    if (!response.ok) throw new Error(`${source} answered ${response.status} ${response.statusText}`.trim());
    const etag = response.headers.get('etag');
    const modified = response.headers.get('last-modified');
    validator = etag ? `etag:${etag}` : modified ? `date:${modified}` : null;
    text = await response.text();
  } else {
    const cannot = (error: NodeJS.ErrnoException): never => {
      throw new Error(error.code === 'ENOENT' ? `no file ${source}` : `cannot read ${source}: ${error.message}`);
    };
    const info = await stat(source).catch(cannot);
    validator = `file:${info.mtimeMs}:${info.size}`;
    if (since === validator) return null;
    text = await readFile(source, 'utf8').catch(cannot);
  }
  if (text.length > MAX_BYTES) throw new Error(`${source} is over 64 MB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const file = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { synonyms?: unknown; index?: unknown; search?: unknown }) : {};
  if (file.search === 'backend') {
    // The widget's small file: searching it would find only its popular few.
    throw new Error(`${source} is the widget's small file of a help centre the server searches; set LIFELINE_ARTICLES to the full file \`lifeline index\` wrote beside it (${source.replace(/(\.json)?$/i, '.server.json')})`);
  }
  const { articles, problems } = parseArticles(value);
  if (!articles.length) throw new Error(`${source} has no usable article${problems.length ? `: ${problems[0]}` : ''}`);
  const lang = articlesLanguage(value);
  const synonyms = readSynonyms(file.synonyms, []);
  return {
    articles: articles.map(({ id, title, body, tags, keywords, url }) => ({
      id,
      title,
      ...(url && { url }),
      text: { title, body, ...(tags && { tags }), ...(keywords && { keywords }), lang, synonyms },
    })),
    index: file.index,
    validator,
  };
}

export interface WatchedCatalog extends ArticleCatalog {
  /** Stops reading the source again. */
  stop(): void;
}

/** How often a file's mtime is looked at: a stat costs nothing, and an edit shows within seconds. */
const FILE_EVERY_MS = 10_000;
/** How often an address is asked again (with If-None-Match / If-Modified-Since). */
const URL_EVERY_MS = 5 * 60_000;

/**
 * A catalog that reads `source` again when it changes (looked at every `everyMs`: 10 s for a
 * file, 5 minutes for an address), keeping the last good list when a read fails (the site is
 * down for a moment, the file is being rewritten): `report` is told once per change from working
 * to failing, not at every try.
 */
export function watchCatalog(
  source: string,
  first: CatalogRead | readonly CatalogArticle[] | null,
  {
    everyMs = isUrl(source) ? URL_EVERY_MS : FILE_EVERY_MS,
    report = console.warn,
    read = (from, since) => readCatalogFile(from, { since }),
  }: {
    everyMs?: number;
    report?: (message: string) => void;
    /** Null: unchanged since `since`. A plain list has no validator (read in full every time). */
    read?: (source: string, since: string | null) => Promise<CatalogRead | readonly CatalogArticle[] | null>;
  } = {},
): WatchedCatalog {
  const asRead = (value: CatalogRead | readonly CatalogArticle[]): CatalogRead =>
    Array.isArray(value) ? { articles: [...value], index: undefined, validator: null } : (value as CatalogRead);
  let validator: string | null = null;
  let current: ArticleCatalog | null = null;
  const take = (value: CatalogRead | readonly CatalogArticle[]): void => {
    const next = asRead(value);
    current = catalogOf(next.articles, next.index);
    validator = next.validator;
  };
  if (first) take(first);
  let failing = false;
  let reading = false;
  const refresh = async (): Promise<void> => {
    if (reading) return;
    reading = true;
    try {
      const next = await read(source, validator);
      if (next) take(next);
      if (failing) report(`LIFELINE_ARTICLES: read ${source} again (${current!.titles()!.size} articles)`);
      failing = false;
    } catch (error) {
      if (!failing) report(`LIFELINE_ARTICLES: ${(error as Error).message}; ${current ? 'keeping the articles read before' : 'taking any article id until it can be read'}`);
      failing = true;
    } finally {
      reading = false;
    }
  };
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref?.();
  return {
    titles: () => current?.titles() ?? null,
    article: (id) => current?.article(id) ?? null,
    snapshot: () => current?.snapshot() ?? null,
    stop: () => clearInterval(timer),
  };
}

/** The known id an agent most likely meant by `typed`: by id or title, within a couple of typos. */
export function closestArticle(typed: string, titles: ReadonlyMap<string, string>): CatalogArticle | null {
  const want = fold(typed);
  let best: { article: CatalogArticle; distance: number } | null = null;
  for (const [id, title] of titles) {
    for (const candidate of [fold(id), fold(title)]) {
      const limit = Math.max(1, Math.min(3, Math.floor(candidate.length / 4)));
      const distance = editDistance(want, candidate, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { article: { id, title }, distance };
    }
  }
  return best?.article ?? null;
}

/** Case and accents folded as search does, punctuation and runs of space made one space. */
const fold = (text: string): string =>
  foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}
