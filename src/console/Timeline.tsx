/**
 * What the visitor tried, oldest first. Everything here was written by the visitor's browser:
 * it is rendered as text (JSX children), links only to http(s) URLs.
 */
import type { TranscriptEntry } from '../protocol/types';
import { wellFormed } from '../protocol/text';
import { clock, safeHref } from './format';
import { useStrings } from './strings';

/**
 * Where the agent can read the article the visitor read: the page the visitor was on, with the
 * widget's `#lifeline-article=ID` deep link, which opens that article in the help panel.
 */
export function articleLink(pageUrl: string | null, articleId: string, base?: string): string | null {
  const page = pageUrl ? safeHref(pageUrl, base) : null;
  if (!page) return null;
  const url = new URL(page);
  // Half an emoji in an id (stored before the server refused it) would make this throw.
  url.hash = `lifeline-article=${encodeURIComponent(wellFormed(articleId))}`;
  return url.href;
}

function Entry({ entry, titles, pageUrl }: { entry: TranscriptEntry; titles: Map<string, string>; pageUrl: string | null }) {
  const strings = useStrings();
  const t = strings.timeline;
  switch (entry.type) {
    case 'page': {
      const href = safeHref(entry.url);
      return (
        <>
          <span class="kind">{t.page}</span>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
              {entry.title || entry.url}
            </a>
          ) : (
            <span dir="auto">{entry.title || entry.url}</span>
          )}
        </>
      );
    }
    case 'search':
      return (
        <>
          <span class="kind">{t.search}</span>
          <span>
            <q dir="auto">{entry.query}</q>{' '}
            <span class={entry.resultCount === 0 ? 'none' : 'muted'}>
              · {t.results(entry.resultCount)}
            </span>
          </span>
        </>
      );
    case 'article': {
      const href = articleLink(pageUrl, entry.articleId);
      return (
        <>
          <span class="kind">{t.article}</span>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
              {entry.title}
            </a>
          ) : (
            <span dir="auto">{entry.title}</span>
          )}
        </>
      );
    }
    case 'feedback':
      return (
        <>
          <span class="kind">{t.vote}</span>
          {entry.helpful ? (
            <span>{t.helpful(titles.get(entry.articleId) ?? entry.articleId)}</span>
          ) : (
            <strong class="unhelpful">{t.unhelpful(titles.get(entry.articleId) ?? entry.articleId)}</strong>
          )}
        </>
      );
    case 'handoff':
      return (
        <>
          <span class="kind">{t.handoff}</span>
          <span>{t.askedFor(strings.channel[entry.channel])}</span>
        </>
      );
  }
}

export function Timeline({ transcript }: { transcript: TranscriptEntry[] }) {
  // Votes carry only the article's id; the article entry before them has its title.
  const titles = new Map(transcript.flatMap((e) => (e.type === 'article' ? [[e.articleId, e.title] as const] : [])));
  const strings = useStrings();
  const t = strings.timeline;
  if (transcript.length === 0) return <p class="muted">{t.none}</p>;
  let pageUrl: string | null = null; // the page each entry happened on
  return (
    <ol class="timeline">
      {transcript.map((entry, i) => {
        if (entry.type === 'page') pageUrl = entry.url;
        return (
          <li key={i} class={`t-${entry.type}${entry.type === 'feedback' && !entry.helpful ? ' t-unhelpful' : ''}`}>
            <time dateTime={entry.at}>{clock(entry.at, strings.locale)}</time>
            <Entry entry={entry} titles={titles} pageUrl={pageUrl} />
          </li>
        );
      })}
    </ol>
  );
}
