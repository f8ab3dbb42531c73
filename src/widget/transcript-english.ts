/**
 * The English lines of a transcript summary: the widget's English language pack, the tests and
 * anything server-side that shows a transcript as text. Kept out of transcript.ts so the panel
 * carries only the language the visitor reads.
 */
import type { Channel } from '../protocol/transcript';
import type { SummaryStrings } from './transcript';
import { plural } from '../protocol/plural';

const ENGLISH_HANDOFFS: Record<Channel, string> = {
  chat: 'Asked to chat with a person',
  callback: 'Asked for a callback',
  phone: 'Chose to call by phone',
};

export const ENGLISH_SUMMARY: SummaryStrings = {
  page: (title, url) => (title ? `Visited "${title}" (${url})` : `Visited ${url}`),
  search: (query, count) => `Searched "${query}" — ${plural('en', count, { one: '# result', other: '# results' })}`,
  article: (title) => `Read "${title}"`,
  feedback: (title, helpful) => `Marked "${title}" as ${helpful ? 'helpful' : 'not helpful'}`,
  handoff: (channel) => ENGLISH_HANDOFFS[channel],
};

