/**
 * GET /v1/search?q=: the site's search answered by the server, for a help centre too large for
 * the widget to download its index (`"search": "backend"` in the articles file). Shared by the
 * server's route and the widget's client.
 */

/** The longest query the server searches (and the widget sends): a question, not a document. */
export const SEARCH_QUERY_MAX = 200;

export interface SearchAnswerResult {
  id: string;
  title: string;
  /** About two lines of the body as plain text, around the query's first word it holds. */
  snippet: string;
  /** The article's own page, when the articles file gives one. */
  url: string | null;
}

export interface SearchAnswer {
  /** The query as received. */
  query: string;
  /** Best first, at most 5; empty: no good answer (the widget offers a person). */
  results: SearchAnswerResult[];
  /** How many articles were searched. */
  articles: number;
  /** The articles' language. */
  lang: string;
}
