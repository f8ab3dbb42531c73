/**
 * An articles file as the widget fetches it and the CLI reads it: a JSON array of articles, or
 * `{"articles": [...], "lang": "en", "synonyms": [[...]], "index": {...}}` as `lifeline index`
 * writes it. A prebuilt index is loaded when it fits the articles; otherwise (none, stale,
 * another version) `index` is null and the caller builds one (build-index.ts), so a hand-edited
 * file never searches stale text.
 */
import { parseArticles } from './articles';
import { loadSearchIndex, type SearchIndex } from './index';
import { searchLanguage, type SearchLanguage } from './language';
import type { Article } from './types';

export interface ArticlesFile {
  articles: Article[];
  /** The prebuilt index, when there is one and it fits. */
  index: SearchIndex | null;
  lang: SearchLanguage;
  synonyms: string[][];
  problems: string[];
}

export function readArticlesFile(value: unknown, options: { lang?: string } = {}): ArticlesFile {
  const { articles, problems } = parseArticles(value);
  const file = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const synonyms = readSynonyms(file.synonyms, problems);
  const lang = articlesLanguage(value, options.lang);
  const index = file.index === undefined || !articles.length ? null : loadSearchIndex(file.index, articles, lang);
  if (file.index !== undefined && articles.length && !index) problems.push('index: does not fit these articles (edited since `lifeline index`?); built anew');
  return { articles, index, lang, synonyms, problems };
}

/** The language the articles are written in: the file's `lang`, else the given one (the widget's), else English. */
export function articlesLanguage(value: unknown, fallback?: string): SearchLanguage {
  const lang = typeof value === 'object' && value !== null ? (value as { lang?: unknown }).lang : undefined;
  return searchLanguage(typeof lang === 'string' ? lang : fallback);
}

/** `[["refund", "money back"], ...]`: groups of two or more words or phrases. */
export function readSynonyms(value: unknown, problems: string[]): string[][] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push('synonyms: expected an array of groups like ["refund", "money back"]');
    return [];
  }
  const groups: string[][] = [];
  value.forEach((group: unknown, i) => {
    const members = Array.isArray(group) ? group.filter((m): m is string => typeof m === 'string' && m.trim() !== '') : [];
    if (!Array.isArray(group) || members.length !== group.length || members.length < 2) {
      problems.push(`synonyms[${i}]: expected two or more non-empty strings`);
      return;
    }
    groups.push(members.map((m) => m.trim()));
  });
  return groups;
}

