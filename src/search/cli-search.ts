/**
 * `lifeline search <articles.json> [query ...]`: one JSON line per query,
 * `{"query": "...", "results": [{"id": "...", "score": 0.12}]}`, best first (score as the
 * search index gives it, 0 best, rounded to 3 decimals). An empty list is the index saying it
 * has no good answer.
 */
import './languages/all';
import { readFile } from 'node:fs/promises';
import { readArticlesFile } from './articles-file';
import { InputError } from './cli-index';
import { mergeHistory, parseHistory } from './history';
import type { SearchIndex } from './index';
import { createSearchIndex } from './build-index';
import { searchLanguage } from './language';
import { thesaurusFor } from './wordnet';

export interface SearchLine {
  query: string;
  results: Array<{ id: string; score: number }>;
}

export async function loadSearchIndex(articlesPath: string, historyPath?: string): Promise<{ index: SearchIndex; problems: string[] }> {
  const file = readArticlesFile(JSON.parse(await readFile(articlesPath, 'utf8')) as unknown);
  const { problems } = file;
  const index = file.index ?? (file.articles.length ? createSearchIndex(file.articles, { lang: file.lang, synonyms: file.synonyms, thesaurus: thesaurusFor(searchLanguage(file.lang)) }) : null);
  if (!index) throw new InputError(`${articlesPath}: no usable articles${problems.length ? ` (${problems[0]})` : ''}`);
  if (historyPath === undefined) return { index, problems };
  const history = parseHistory(JSON.parse(await readFile(historyPath, 'utf8')) as unknown);
  problems.push(...history.problems.map((p) => `${historyPath}: ${p}`));
  // Learned phrasings already in the prebuilt index stay; the file's are added after them.
  const current = index.phrasings;
  return { index: index.withPhrasings(mergeHistory([...current, ...history.entries])), problems };
}

export function searchLine(index: SearchIndex, query: string, limit: number): SearchLine {
  return {
    query,
    results: index.search(query, limit).map((r) => ({ id: r.id, score: Math.round(r.score * 1000) / 1000 })),
  };
}
