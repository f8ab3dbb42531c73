/**
 * What the visitor tried, oldest first. Everything here was written by the visitor's browser:
 * it is rendered as text (JSX children), links only to http(s) URLs.
 */
import type { TranscriptEntry } from '../protocol/types';
import { CHANNEL_LABEL, clock, safeHref } from './format';

function Entry({ entry, titles }: { entry: TranscriptEntry; titles: Map<string, string> }) {
  switch (entry.type) {
    case 'page': {
      const href = safeHref(entry.url);
      return (
        <>
          <span class="kind">Page</span>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {entry.title || entry.url}
            </a>
          ) : (
            <span>{entry.title || entry.url}</span>
          )}
        </>
      );
    }
    case 'search':
      return (
        <>
          <span class="kind">Search</span>
          <span>
            <q>{entry.query}</q>{' '}
            <span class={entry.resultCount === 0 ? 'none' : 'muted'}>
              · {entry.resultCount === 1 ? '1 result' : `${entry.resultCount} results`}
            </span>
          </span>
        </>
      );
    case 'article':
      return (
        <>
          <span class="kind">Article</span>
          <span>{entry.title}</span>
        </>
      );
    case 'feedback':
      return (
        <>
          <span class="kind">Vote</span>
          {entry.helpful ? (
            <span>Helpful: {titles.get(entry.articleId) ?? entry.articleId}</span>
          ) : (
            <strong class="unhelpful">Didn’t help: {titles.get(entry.articleId) ?? entry.articleId}</strong>
          )}
        </>
      );
    case 'handoff':
      return (
        <>
          <span class="kind">Handoff</span>
          <span>Asked for a person: {CHANNEL_LABEL[entry.channel].toLowerCase()}</span>
        </>
      );
  }
}

export function Timeline({ transcript }: { transcript: TranscriptEntry[] }) {
  // Votes carry only the article's id; the article entry before them has its title.
  const titles = new Map(transcript.flatMap((e) => (e.type === 'article' ? [[e.articleId, e.title] as const] : [])));
  if (transcript.length === 0) return <p class="muted">The visitor’s widget sent no history.</p>;
  return (
    <ol class="timeline">
      {transcript.map((entry, i) => (
        <li key={i} class={`t-${entry.type}${entry.type === 'feedback' && !entry.helpful ? ' t-unhelpful' : ''}`}>
          <time dateTime={entry.at}>{clock(entry.at)}</time>
          <Entry entry={entry} titles={titles} />
        </li>
      ))}
    </ol>
  );
}
