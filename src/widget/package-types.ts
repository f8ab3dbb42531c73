/**
 * The public types of the npm package's `createLifeline` (README, "In an app"). Kept apart from
 * the implementation so the declarations an app type-checks against are only these.
 */
import type { Channel } from '../protocol/transcript';
import type { MessageArticle } from '../protocol/types';

/** The settings of `createLifeline`: the script tag's attributes in camelCase (README, Attributes). */
export interface LifelineSettings {
  /** The support phone number as people read it, e.g. "+1 800 555 0199". Required. */
  phone: string;
  /** Appended to every `tel:` link, e.g. ",,2,,0" to skip a phone menu. */
  phoneDial?: string;
  /** `dial` also appends a phone handoff's reference to the dial string. @default 'show' */
  phoneRef?: 'show' | 'dial';
  /** URL of the help articles (what `lifeline index` writes, or a plain JSON array). */
  articles?: string;
  /** Base URL of a handoff backend; `/` for the page's own origin. */
  backend?: string;
  /** A support e-mail address offered beside the phone. */
  email?: string;
  /** Opening hours of the human channels, e.g. "Mo-Fr 09:00-17:00". */
  hours?: string;
  /** IANA time zone of the hours. @default the browser's */
  timezone?: string;
  /** UI language (BCP 47). @default the page's `lang`, then the browser's */
  locale?: string;
  /** @default 'bottom-right' */
  position?: 'bottom-right' | 'bottom-left';
  /** CSS selector of the site's own help button; Lifeline then draws no Help button. */
  launcher?: string;
  /** @default 'light' */
  theme?: 'light' | 'dark' | 'auto';
  /** Accent colour, any CSS colour. */
  accent?: string;
  /** The panel's name, one line of at most 40 characters. @default "Help", translated */
  title?: string;
  /** A line of the site's own above the search box, at most 160 characters. */
  greeting?: string;
  /** The page's CSP nonce, used for any `<style>` the widget must inject. */
  nonce?: string;
  /** `'required'`: nothing is stored in the browser until the visitor opens the panel or the page calls `consent(true)`. */
  consent?: 'required';
  /**
   * The site's own words, per language, by key (README, "The site's own words"), e.g.
   * `{ ar: { 'human.talk': '...' } }`; a count takes its plural forms (`{ one, other }`).
   */
  strings?: Record<string, Record<string, string | Partial<Record<'zero' | 'one' | 'two' | 'few' | 'many' | 'other', string>>>>;
}

/** Where the panel opened. */
export type LifelineView = { kind: 'search'; query?: string } | { kind: 'article'; id: string } | { kind: 'human' };

/** What `identify` takes: who the visitor is, kept for the tab and passed on at handoff. */
export interface LifelineVisitor {
  name?: string;
  email?: string;
  phone?: string;
  id?: string;
  attributes?: Record<string, string | number | boolean | null>;
  /**
   * A JWT (HS256) your server signed with the backend's identity secret: the visitor is then
   * Verified and sees their earlier conversations (README, "Verified visitors").
   */
  token?: string;
}

/** Each event and what its listener receives. */
export interface LifelineEvents {
  ready: undefined;
  /** The view it opened on, when the page asked for one. */
  open: LifelineView | undefined;
  close: undefined;
  /** A settled search (one per query, not per keystroke). */
  search: { query: string; resultCount: number; topIds: string[] };
  article: { id: string; title: string };
  handoff: { channel: Channel };
  /** An agent's chat message; `article` when they sent one of the site's articles. */
  message: { from: 'agent'; author?: string; text: string; article?: MessageArticle; at: string };
}

export type LifelineEvent = keyof LifelineEvents;

/** The widget `createLifeline` mounted. Every method does nothing once it is destroyed. */
export interface LifelineHandle {
  /** The widget's version, as `window.Lifeline.version` says for the script tag. */
  readonly version: string;
  open(): void;
  close(): void;
  /** Opens the panel on that query. */
  search(query: string): void;
  /** Opens one article. */
  article(id: string): void;
  /** Goes straight to the ways to a person. */
  human(): void;
  identify(visitor: LifelineVisitor): void;
  /** The visitor agreed to (true) or refused (false) being remembered for the tab; see `consent: 'required'`. */
  consent(given: boolean): void;
  /** Subscribes; returns the unsubscribe. */
  on<E extends LifelineEvent>(event: E, listener: (payload: LifelineEvents[E]) => void): () => void;
  /**
   * Removes everything the widget added and ends everything it runs: the element, its styles,
   * listeners, timers, a chat's connection. A new `createLifeline` may follow.
   */
  destroy(): void;
}
