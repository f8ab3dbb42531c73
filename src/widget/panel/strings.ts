import type { Language } from '../i18n/locale';
import type { SummaryStrings } from '../transcript';
import { loadPack, type Packs } from '../i18n/load-pack';
import type { SiteStrings } from '../settings';

/** Every word the panel shows, per language: named, so nothing visible is a stray literal. */
export interface PanelStrings {
  title: string;
  close: string;
  back: string;
  searchLabel: string;
  searchPlaceholder: string;
  results(count: number): string;
  noResults(query: string): string;
  noResultsHint: string;
  popular: string;
  loading: string;
  articlesFailed: string;
  /** Fetch the articles again, after they failed. */
  retryArticles: string;
  /** The server that searches a large help centre cannot be reached: the file's own articles are searched instead. */
  searchFailed: string;
  /** The server asked the widget to wait (429, too many searches from this address): the file's own articles meanwhile, then it asks again. */
  searchBusy: string;
  noArticles: string;
  didHelp: string;
  yes: string;
  no: string;
  thanks: string;
  sorry: string;
  talkToHuman: string;
  /** The header once an agent has joined the chat: "Chat with Sam". */
  chatWith(name: string): string;
  /** A second way to the human view inside a view; named apart from the bar's button. */
  contactPerson: string;
  callAt(phone: string): string;
  call: string;
  humanIntro: string;
  phoneTitle: string;
  hours: string;
  emailTitle: string;
  emailSubject: string;
  triedTitle: string;
  triedNote: string;
  triedEmpty: string;
  copy: string;
  copied: string;
  clear: string;
  /** The accessible name of the button that takes one entry out of "What you tried": "Remove “refund policy”". */
  removeEntry(what: string): string;
  openOriginal: string;
  articleMissing: string;
  /** The lines of "What you tried". */
  summary: SummaryStrings;
}

/** The ways to a person through a handoff backend: a pack per language, in the live chunk. */
export interface LiveStrings {
  choose: string;
  chat: string;
  chatNote(waitMinutes: number | null, agentsOnline: number): string;
  callback: string;
  callbackNote: string;
  /** The phone channel while it is answered ("Call us now"). */
  phone: string;
  /** The phone channel when it is closed or its hours are not known: never "now". */
  phoneLater(phone: string): string;
  phoneNote: string;
  closed: string;
  /** The backend cannot be reached: what is sent waits. */
  offline: string;
  /** After `offline`, only while the phone is answered. */
  offlineCall: string;
  queued(position: number | null, waitMinutes: number | null): string;
  joined(name: string): string;
  typing(name: string): string;
  ended: string;
  again: string;
  message: string;
  send: string;
  you: string;
  support: string;
  sending: string;
  notSent: string;
  retry: string;
  waitingToSend: string;
  callbackTitle: string;
  yourPhone: string;
  /** A phone number the callback form refuses, and what it wants instead. */
  phoneInvalid: string;
  /** The slot picker's day field, when the free slots span several days. */
  slotDay: string;
  /** The slot picker's legend: the times are the visitor's own. */
  slotsLegend: string;
  /** The first free callback time, beside the callback channel. */
  nextFree(when: string): string;
  /** No free slot within the horizon. */
  noSlots: string;
  /** The free slots could not be fetched (backend down). */
  slotsUnknown: string;
  /** Chat is closed ("back Monday 09:00 your time", or null when unknown): said first in the human view. */
  chatClosed(back: string | null): string;
  /** After `chatClosed`, in a chat started while chat is closed: the message waits for the first person in. */
  closedQueued: string;
  callMeAt(when: string): string;
  /** Chat is open but no agent is online: said first in the human view (issue 12). */
  nobody: string;
  /** After `chatClosed` or `nobody`, before the button offering the first free callback time. */
  callInstead: string;
  /** How a chat started while nobody is online is answered: the chat's note, and in its status. */
  byEmail: string;
  /** Ends the chat from the visitor's side (the agent's console says the visitor ended it). */
  endChat: string;
  /** The caption of an article an agent sent in the chat, and the name of its card (the title follows). */
  article: string;
  openArticle(title: string): string;
  /** The message box's placeholder (its name stays `message`). */
  placeholder: string;
  /** Under the visitor's last message once the agent has read it. */
  seen: string;
  /** Brings a visitor who scrolled up back to the newest message. */
  jump: string;
  /** End chat's confirmation: the question, what it means, and the way back. */
  endQuestion: string;
  endNote: string;
  keepChatting: string;
  note: string;
  requestCall: string;
  callbackConfirmed(phone: string, when: string): string;
  cancelRequest: string;
  cancelled: string;
  ref(ref: string): string;
  quoteRef: string;
  otherWays: string;
  failed(reason: string): string;
  /**
   * What a refusal of the backend means to a visitor (live/problems.ts maps the server's codes):
   * `slot` is a sentence of its own (the callback form shows it); the others go into `failed`.
   */
  problems: { slot: string; ended: string; refused: string; lost: string; other: string };
}


/**
 * Each language is a chunk of its own, fetched with the panel: a visitor loads only the words
 * they read.
 */
const PACKS: Packs<PanelStrings> = {
  en: () => import('./strings/lang-en'),
  fr: () => import('./strings/lang-fr'),
  de: () => import('./strings/lang-de'),
  es: () => import('./strings/lang-es'),
  it: () => import('./strings/lang-it'),
  pt: () => import('./strings/lang-pt'),
  nl: () => import('./strings/lang-nl'),
  pl: () => import('./strings/lang-pl'),
  ar: () => import('./strings/lang-ar'),
  he: () => import('./strings/lang-he'),
  ja: () => import('./strings/lang-ja'),
  zh: () => import('./strings/lang-zh'),
  'zh-Hant': () => import('./strings/lang-zh-Hant'),
};

export const loadStrings = (language: Language, site: SiteStrings | null = null): Promise<PanelStrings> => loadPack(PACKS, language, 'language pack', site, 'panel');
