/**
 * Reads the articles a site owner publishes (`data-articles`, EMBED.md): a JSON array, or the
 * CLI's index `{ "articles": [...] }`. Keeps every usable article and names each problem by its
 * path, so the owner can fix their file from the console message alone.
 */
import { cut } from '../protocol/text';
import type { Article } from './types';

export const MAX_TITLE_LENGTH = 300;
const MAX_PROBLEMS = 20;

export interface ParsedArticles {
  articles: Article[];
  /** At most 20, then one `… and N more problems` line. */
  problems: string[];
}

export function parseArticles(value: unknown): ParsedArticles {
  const list = isRecord(value) ? value.articles : value;
  if (!Array.isArray(list)) {
    return { articles: [], problems: [`expected a JSON array of articles or {"articles": [...]}, got ${kindOf(value)}`] };
  }

  const articles: Article[] = [];
  const problems: string[] = [];
  const firstIndex = new Map<string, number>();
  list.forEach((item: unknown, index) => {
    const path = `articles[${index}]`;
    const article = readArticle(item, path, problems);
    if (article === null) return;
    const first = firstIndex.get(article.id);
    if (first !== undefined) {
      problems.push(`${path}.id: duplicate id ${JSON.stringify(article.id)} (first at articles[${first}])`);
      return;
    }
    firstIndex.set(article.id, index);
    articles.push(article);
  });
  return { articles, problems: capProblems(problems) };
}

/** The article, or null when it cannot be used; problems are pushed either way. */
function readArticle(item: unknown, path: string, problems: string[]): Article | null {
  if (!isRecord(item)) {
    problems.push(`${path}: expected an object with id, title and body, got ${kindOf(item)}`);
    return null;
  }
  const id = typeof item.id === 'number' && Number.isFinite(item.id) ? String(item.id) : nonEmpty(item.id);
  if (id === undefined) problems.push(`${path}.id: expected a non-empty string or a number`);

  const title = nonEmpty(item.title);
  if (title === undefined) problems.push(`${path}.title: expected a non-empty string`);

  const body = item.body ?? '';
  if (typeof body !== 'string') problems.push(`${path}.body: expected a string`);

  // Optional fields: a bad one is dropped with a problem, the article is kept.
  const url = readUrl(item.url, `${path}.url`, problems);
  const tags = readStrings(item.tags, `${path}.tags`, problems);
  const keywords = readStrings(item.keywords, `${path}.keywords`, problems);

  if (id === undefined || title === undefined || typeof body !== 'string') return null;
  const article: Article = { id, title: capTitle(title), body: trimMarkdown(body) };
  if (url !== undefined) article.url = url;
  if (tags !== undefined) article.tags = tags;
  if (keywords !== undefined) article.keywords = keywords;
  return article;
}

function readUrl(value: unknown, path: string, problems: string[]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${path}: expected a string`);
    return undefined;
  }
  if (value.trim() === '') return undefined;
  const url = safeArticleUrl(value);
  if (url === undefined) problems.push(`${path}: expected an http(s) or relative URL, got ${quote(value)}`);
  return url;
}

/**
 * The URL when it is http(s) or relative, else undefined (`javascript:`, `data:`, …): article
 * links end up in the widget's DOM. Browsers ignore tabs, newlines and leading control characters
 * in a URL ("java\nscript:" still runs), so they are removed before the scheme is checked.
 */
export function safeArticleUrl(value: string): string | undefined {
  const url = value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (url === '') return undefined;
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' ? url : undefined;
}

/** Trimmed non-empty strings of an optional list; undefined when absent or left empty. */
function readStrings(value: unknown, path: string, problems: string[]): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected an array of strings`);
    return undefined;
  }
  const strings: string[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== 'string') problems.push(`${path}[${index}]: expected a string`);
    else if (item.trim() !== '') strings.push(item.trim());
  });
  return strings.length > 0 ? strings : undefined;
}

/** At most MAX_TITLE_LENGTH UTF-16 units, never ending on half of an emoji. */
export function capTitle(title: string): string {
  return title.length <= MAX_TITLE_LENGTH ? title : cut(title, MAX_TITLE_LENGTH).trimEnd();
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Blank lines around the body go, but not the indentation of its first line (a code block). */
function trimMarkdown(body: string): string {
  return body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
}

function capProblems(problems: string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), `… and ${more} more ${more === 1 ? 'problem' : 'problems'}`];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What was found instead, in the words of the error message. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isRecord(value)) {
    return 'articles' in value ? `an object whose "articles" is ${kindOf(value.articles)}` : 'an object without "articles"';
  }
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
}
