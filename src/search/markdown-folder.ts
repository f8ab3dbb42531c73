/**
 * Articles from a folder of Markdown files (Node only; the build and the CLI use it). Each
 * `*.md` file is one article: front matter for id, title, url, tags and keywords, the rest is the
 * body. Problems name the file, so a writer knows which one to fix.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { capTitle, safeArticleUrl } from './articles';
import { parseFrontMatter, type FrontMatterData } from './front-matter';
import type { Article } from './types';

export interface LoadedArticles {
  articles: Article[];
  problems: string[];
}

/** Reads `dir/*.md` (not sub-folders) in file-name order; a file with a problem is skipped. */
export async function loadMarkdownFolder(dir: string): Promise<LoadedArticles> {
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && /\.md$/i.test(entry.name))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    return { articles: [], problems: [`${dir}: cannot read the folder (${describeError(error)})`] };
  }

  const articles: Article[] = [];
  const problems: string[] = [];
  const fileOfId = new Map<string, string>();
  for (const name of names) {
    let source: string;
    try {
      source = await readFile(join(dir, name), 'utf8');
    } catch (error) {
      problems.push(`${name}: cannot read the file (${describeError(error)})`);
      continue;
    }
    const fileProblems: string[] = [];
    const article = toArticle(name, source, fileProblems);
    problems.push(...fileProblems.map((problem) => `${name}: ${problem}`));
    if (article === null) continue;

    const first = fileOfId.get(article.id);
    if (first !== undefined) {
      problems.push(`${name}: duplicate id ${JSON.stringify(article.id)} (also in ${first})`);
      continue;
    }
    fileOfId.set(article.id, name);
    articles.push(article);
  }
  return { articles, problems };
}

function toArticle(name: string, source: string, problems: string[]): Article | null {
  const { data, body, problems: frontMatterProblems } = parseFrontMatter(source);
  problems.push(...frontMatterProblems);

  const id = single(data, 'id', problems) || name.replace(/\.md$/i, '');
  const title = single(data, 'title', problems);
  if (!title) problems.push('missing title');
  const text = body.trim();
  if (!text) problems.push('empty body');
  if (!title || !text) return null;

  const article: Article = { id, title: capTitle(title), body: text };
  const rawUrl = single(data, 'url', problems);
  if (rawUrl) {
    const url = safeArticleUrl(rawUrl);
    if (url === undefined) problems.push(`url: expected an http(s) or relative URL, got ${JSON.stringify(rawUrl)}`);
    else article.url = url;
  }
  const tags = list(data, 'tags');
  if (tags.length > 0) article.tags = tags;
  const keywords = list(data, 'keywords');
  if (keywords.length > 0) article.keywords = keywords;
  return article;
}

/** A one-value field, trimmed; '' when absent. */
function single(data: FrontMatterData, key: string, problems: string[]): string {
  const value = data[key];
  if (Array.isArray(value)) {
    problems.push(`${key}: expected one value, not a list`);
    return '';
  }
  return (value ?? '').trim();
}

/** A list field; `tags: a, b` is read as two tags, as a writer would mean it. */
function list(data: FrontMatterData, key: string): string[] {
  const value = data[key] ?? [];
  const items = Array.isArray(value) ? value : value.split(',');
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function describeError(error: unknown): string {
  if (error instanceof Error) return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}
