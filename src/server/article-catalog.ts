/**
 * The site's articles as the server knows them (LIFELINE_ARTICLES): ids and titles, so an agent
 * resolving a handoff picks an article that exists, by its title, and a typo never teaches
 * phrasings to an article nobody can find; and their text, so that only searches about an
 * article are offered as its phrasings (phrasings.ts). The source is the same file the widget fetches
 * (`data-articles`): a path on this machine or an http(s) address, read again every few minutes
 * so a help centre that grows is followed. Without LIFELINE_ARTICLES the server takes any id.
 */
import { readFile } from 'node:fs/promises';
import { articlesLanguage, readSynonyms } from '../search/articles-file';
import { parseArticles } from '../search/articles';
import { fold as foldText } from '../search/text';
import type { ArticleText } from './phrasings';

export interface CatalogArticle {
  id: string;
  title: string;
  /** What it says, when read from an articles file (not kept by a catalog of titles alone). */
  text?: ArticleText;
}

export interface ArticleCatalog {
  /** id → title, or null when the server was not told the articles (or could not read them yet). */
  titles(): ReadonlyMap<string, string> | null;
  /** The text of one article, or null when unknown (or not told the articles). */
  article(id: string): ArticleText | null;
}

/** The server that was not told the articles: every id is taken as given. */
export const NO_CATALOG: ArticleCatalog = Object.freeze({ titles: () => null, article: () => null });

export const catalogOf = (articles: readonly CatalogArticle[]): ArticleCatalog => {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const texts = new Map(articles.flatMap((a) => (a.text ? [[a.id, a.text] as const] : [])));
  return { titles: () => titles, article: (id) => texts.get(id) ?? null };
};

export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

/** Bytes an articles file may have: the 10,000-article index `lifeline index` writes is ~10 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads the articles' ids, titles and text (with the file's language and synonyms) from `source`. Throws an Error saying what is wrong (not
 * found, not JSON, no usable article), so a bad setting gets a specific answer.
 */
export async function readCatalog(source: string, fetchImpl: typeof fetch = fetch): Promise<CatalogArticle[]> {
  let text: string;
  if (isUrl(source)) {
    const response = await fetchImpl(source, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(15_000) }).catch(
      (error: Error & { cause?: { code?: string; message?: string } }) => {
        // Node's fetch says only "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND...).
        throw new Error(`cannot fetch ${source}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
      },
    );
    if (!response.ok) throw new Error(`${source} answered ${response.status} ${response.statusText}`.trim());
    text = await response.text();
  } else {
    text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new Error(error.code === 'ENOENT' ? `no file ${source}` : `cannot read ${source}: ${error.message}`);
    });
  }
  if (text.length > MAX_BYTES) throw new Error(`${source} is over 64 MB`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON: ${(error as Error).message}`);
  }
  const { articles, problems } = parseArticles(value);
  if (!articles.length) throw new Error(`${source} has no usable article${problems.length ? `: ${problems[0]}` : ''}`);
  const lang = articlesLanguage(value);
  const file = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { synonyms?: unknown }) : {};
  const synonyms = readSynonyms(file.synonyms, []);
  return articles.map(({ id, title, body, tags, keywords }) => ({
    id,
    title,
    text: { title, body, ...(tags && { tags }), ...(keywords && { keywords }), lang, synonyms },
  }));
}

export interface WatchedCatalog extends ArticleCatalog {
  /** Stops reading the source again. */
  stop(): void;
}

/**
 * A catalog that reads `source` again every `everyMs`, keeping the last good list when a read
 * fails (the site is down for a moment, the file is being rewritten): `report` is told once per
 * change from working to failing, not at every try.
 */
export function watchCatalog(
  source: string,
  first: readonly CatalogArticle[] | null,
  { everyMs = 5 * 60_000, report = console.warn, read = readCatalog }: { everyMs?: number; report?: (message: string) => void; read?: typeof readCatalog } = {},
): WatchedCatalog {
  let current = first ? catalogOf(first) : null;
  let failing = false;
  const refresh = async (): Promise<void> => {
    try {
      current = catalogOf(await read(source));
      if (failing) report(`LIFELINE_ARTICLES: read ${source} again (${current.titles()!.size} articles)`);
      failing = false;
    } catch (error) {
      if (!failing) report(`LIFELINE_ARTICLES: ${(error as Error).message}; ${current ? 'keeping the articles read before' : 'taking any article id until it can be read'}`);
      failing = true;
    }
  };
  const timer = setInterval(() => void refresh(), everyMs);
  timer.unref?.();
  return {
    titles: () => current?.titles() ?? null,
    article: (id) => current?.article(id) ?? null,
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
