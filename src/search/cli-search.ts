/**
 * `lifeline search <articles.json> [query ...]`: one JSON line per query,
 * `{"query": "...", "results": [{"id": "...", "score": 0.12}]}`, best first (score as the
 * search index gives it, 0 best, rounded to 3 decimals).
 */
import { readFile } from 'node:fs/promises';
import { parseArticles } from './articles';
import { parseHistory, withHistory } from './history';
import { createSearchIndex, type SearchIndex } from './index';
import type { Article } from './types';

export interface SearchLine {
  query: string;
  results: Array<{ id: string; score: number }>;
}

export async function loadSearchIndex(articlesPath: string, historyPath?: string): Promise<{ index: SearchIndex; problems: string[] }> {
  const { articles, problems } = parseArticles(JSON.parse(await readFile(articlesPath, 'utf8')) as unknown);
  let list: Article[] = articles;
  if (historyPath !== undefined) {
    const history = parseHistory(JSON.parse(await readFile(historyPath, 'utf8')) as unknown);
    problems.push(...history.problems);
    list = withHistory(articles, history.entries);
  }
  return { index: createSearchIndex(list), problems };
}

export function searchLine(index: SearchIndex, query: string, limit: number): SearchLine {
  return {
    query,
    results: index.search(query, limit).map((r) => ({ id: r.id, score: Math.round(r.score * 1000) / 1000 })),
  };
}
