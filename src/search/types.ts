/** A help article as site owners publish it (EMBED.md, `data-articles`). Body is Markdown. */
export interface Article {
  id: string;
  title: string;
  body: string;
  url?: string;
  tags?: string[];
  keywords?: string[];
}
