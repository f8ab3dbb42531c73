import type { Range, SearchResult } from '../../search/index';

import { articleHref } from './Markdown';

export function ResultList({ results, onOpen }: { results: SearchResult[]; onOpen(id: string): void }) {
  return (
    <ul class="ll-results">
      {results.map(({ id, article, titleRanges }) => (
        <li key={id}>
          <a
            class="ll-result"
            href={article.url ?? articleHref(id)}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              onOpen(id);
            }}
          >
            <span class="ll-result-title" dir="auto"><Highlight text={article.title} ranges={titleRanges} /></span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The title with the matched parts in <mark>; ranges are inclusive and non-overlapping. */
export function Highlight({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  if (!ranges.length) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end + 1)}</mark>);
    at = end + 1;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
