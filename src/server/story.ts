/**
 * A handoff's story as people read it in a mail or a chat message: who, which channel and
 * reference, the callback time in the business's zone, and what the visitor did before asking
 * (pages, searches, articles read, votes), with a link to the handoff in the console. Pure:
 * alerts (alerts/) and the helpdesk ticket (helpdesk/) tell it from the same facts.
 */
import type { TranscriptEntry } from '../protocol/types';
import type { MailBlock } from './mail/compose';
import { oneLine } from './mail/compose';
import type { HandoffRecord } from './store/types';

export const CHANNEL_NAMES = { chat: 'Chat', callback: 'Callback', phone: 'Phone call' } as const;

export interface StoryOptions {
  /** The business's zone (LIFELINE_TIMEZONE): times are written on its clocks. */
  zone: string;
  /** The server's public origin; the console's page of the handoff is under it. */
  publicOrigin: string;
}

/** The console's page of a handoff (src/console/router.ts: #/handoff/<id>). */
export const consoleLink = (publicOrigin: string, handoffId: string): string => `${publicOrigin}/console#/handoff/${encodeURIComponent(handoffId)}`;

/** "Sat 1 Mar, 10:30", in `zone`, on a 24-hour clock. */
export function dateTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));
}

const clock = (iso: string, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(iso));

/** "Sat 1 Mar, 10:30–11:00 (America/New_York)". */
export const callbackTime = (callback: { from: string; to: string }, zone: string): string =>
  `${dateTime(callback.from, zone)}–${clock(callback.to, zone)} (${zone})`;

/** What the visitor asked, in their words: their last search, else the callback's note; null when they typed neither. */
export function questionOf(h: Pick<HandoffRecord, 'transcript' | 'callback'>): string | null {
  const searches = h.transcript.filter((e) => e.type === 'search').map((e) => e.query.trim()).filter((q) => q !== '');
  const last = searches.at(-1) ?? h.callback?.note?.trim();
  return last ? oneLine(last, 160) : null;
}

/** One line per step of the transcript, as said in a mail. */
export function transcriptLine(e: TranscriptEntry): string {
  switch (e.type) {
    case 'page':
      return `Was on “${e.title || e.url}” (${e.url})`;
    case 'search':
      return `Searched “${e.query}” (${e.resultCount === 0 ? 'no results' : e.resultCount === 1 ? '1 result' : `${e.resultCount} results`})`;
    case 'article':
      return `Read “${e.title}”`;
    case 'feedback':
      return `Voted “${e.articleId}” ${e.helpful ? 'helpful' : 'not helpful'}`;
    case 'handoff':
      return `Asked for a person (${CHANNEL_NAMES[e.channel].toLowerCase()})`;
  }
}

/** Votes name the article by id in the transcript: its title, when the visitor read it. */
function withTitles(transcript: readonly TranscriptEntry[]): string[] {
  const titles = new Map<string, string>();
  for (const e of transcript) if (e.type === 'article') titles.set(e.articleId, e.title);
  return transcript.map((e) => (e.type === 'feedback' && titles.has(e.articleId) ? transcriptLine({ ...e, articleId: titles.get(e.articleId)! }) : transcriptLine(e)));
}

/** Who, which channel, which reference, when, how to reach them. */
export function facts(h: HandoffRecord, options: StoryOptions): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [
    ['Channel', CHANNEL_NAMES[h.channel]],
    ['Reference', h.ref],
    ['Asked', `${dateTime(h.createdAt, options.zone)} (${options.zone})`],
  ];
  const question = questionOf(h);
  if (question) rows.push(['Question', question]);
  if (h.callback) {
    rows.push(['Call back', callbackTime(h.callback, options.zone)], ['Phone to call', h.callback.phone]);
    if (h.callback.note) rows.push(['Note', h.callback.note]);
  }
  const v = h.visitor;
  if (v?.name) rows.push(['Name', v.name]);
  if (v?.email) rows.push(['E-mail', v.email]);
  if (v?.phone && v.phone !== h.callback?.phone) rows.push(['Phone', v.phone]);
  for (const [key, value] of Object.entries(v?.attributes ?? {})) rows.push([key, String(value)]);
  if (h.context?.pageUrl) rows.push(['Page', h.context.pageUrl]);
  return rows;
}

/** The whole story, as mail blocks under `heading`. */
export function storyBlocks(h: HandoffRecord, heading: string, options: StoryOptions, intro?: string): MailBlock[] {
  const steps = withTitles(h.transcript);
  return [
    { type: 'heading', text: heading },
    ...(intro ? [{ type: 'paragraph' as const, text: intro }] : []),
    { type: 'fields', rows: facts(h, options) },
    { type: 'heading', text: 'What they tried before asking' },
    steps.length > 0 ? { type: 'list', items: steps } : { type: 'paragraph', text: 'Nothing: they asked for a person straight away.' },
    { type: 'link', label: `Open #${h.ref} in the console`, href: consoleLink(options.publicOrigin, h.id) },
  ];
}

/** "Chat #4821" */
export const title = (h: Pick<HandoffRecord, 'channel' | 'ref'>): string => `${CHANNEL_NAMES[h.channel]} #${h.ref}`;

/** The story in a few lines, for a chat room: what a person needs to decide to pick it up. */
export function shortStory(h: HandoffRecord, headline: string, options: StoryOptions): string {
  const lines = [headline];
  const who = [h.visitor?.name, h.visitor?.email].filter(Boolean).join(', ');
  if (who) lines.push(`From: ${who}`);
  const question = questionOf(h);
  if (question) lines.push(`Question: “${question}”`);
  if (h.callback) lines.push(`Call back: ${callbackTime(h.callback, options.zone)} on ${h.callback.phone}`);
  const tried = withTitles(h.transcript.filter((e) => e.type === 'search' || e.type === 'article' || e.type === 'feedback'));
  if (tried.length > 0) lines.push(`Tried: ${tried.slice(0, 6).join('; ')}${tried.length > 6 ? `; and ${tried.length - 6} more` : ''}`);
  lines.push(consoleLink(options.publicOrigin, h.id));
  return lines.join('\n');
}
