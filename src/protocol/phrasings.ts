/**
 * GET /v1/phrasings: what past visitors typed before an agent named the article that answered
 * them, served beside the articles so the next visitor who asks the same way finds it. Each
 * entry has the shape of banking77's history.json (src/search/history.ts reads it).
 */
export interface PhrasingsFeed {
  version: 1;
  /** By article id; within one, the most learned phrasing first. */
  phrasings: Array<{ articleId: string; queries: string[] }>;
}
