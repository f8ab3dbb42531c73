/**
 * Every word of the agents' console that the strings module holds, per language: a typed key
 * map, so a missing translation is a type error. Functions take what the sentence needs.
 */
import type { Channel } from '../../protocol/transcript';
import type { ResolveOutcome } from '../../protocol/types';
import type { CallbackState } from '../../server/api/agent-types';

export interface ConsoleStrings {
  /** The language's tag, for Intl's dates and times. */
  locale: string;
  shell: {
    brand: string;
    loading: string;
    reports: string;
    phrasings: string;
    webhooks: string;
    signedInAs(name: string): string;
    mute: string;
    signOut: string;
    /** The language picker's name. */
    language: string;
    /** The tab's title: "(2) Queue · Lifeline console". */
    title(screen: string, waiting: number): string;
    screens: { queue: string; reports: string; phrasings: string; webhooks: string; handoff: string; signIn: string };
  };
  signIn: {
    intro: string;
    email: string;
    password: string;
    submit: string;
    busy: string;
    tooMany(seconds: number | null): string;
    wrong: string;
    failed: string;
  };
  channel: Record<Channel, string>;
  /** A booked time: "Today 15:30 (your time) · 09:30 New York". */
  days: { today: string; tomorrow: string; yesterday: string; yourTime: string };
  queue: {
    heading: string;
    loadFailed(error: string): string;
    loading: string;
    waiting(n: number): string;
    chats: string;
    chatsCount(waiting: number, open: number): string;
    chatsEmpty: string;
    callbacks: string;
    callbacksCount(due: number, booked: number): string;
    callbacksEmpty: string;
    phone: string;
    phoneCount(given: number): string;
    phoneEmpty: string;
    notListed(n: number): string;
    showing(shown: number, total: number, longest: number | null): string;
    showAll(total: number): string;
    openByRef: string;
    visitor: string;
    ref(ref: string): string;
    withAgent(name: string | null): string;
    waited(duration: string): string;
    on(url: string): string;
    due: string;
    overdue: string;
    lastCall(state: string): string;
    given: string;
    markAnswered: string;
    markAnsweredName(ref: string): string;
    markFailed(error: string): string;
    searched: string;
    andMore(n: number): string;
    lookup: string;
    reference: string;
    open: string;
    noHandoff(ref: string): string;
    lookupFailed(error: string): string;
  };
  handoff: {
    back: string;
    loading: string;
    unreachable: string;
    title(channel: string, ref: string): string;
    claim: string;
    claimFailed(error: string): string;
    reconnecting: string;
    seeLearned: string;
    tried: string;
    resolve: string;
    outcome: string;
    outcomes: Record<ResolveOutcome, string>;
    resolveFailed(error: string): string;
    articleLabel: string;
    example(id: string): string;
    readByVisitor(title: string): string;
    notAnArticle: string;
    noArticle: string;
    closingLabel: string;
    closingExample: string;
    status: {
      phoneGiven: string;
      waiting: string;
      waitingAt(position: number): string;
      with(name: string | null): string;
      resolved(outcome: string | null): string;
      endedByVisitor: string;
      phoneClosed: string;
      cancelledByVisitor: string;
    };
  };
  callback: {
    heading: string;
    number: string;
    bookedFor: string;
    /** Before the window's end: "Today 15:30, until 16:00". */
    until: string;
    note: string;
    cancelled(at: string | null): string;
    record: string;
    states: Record<CallbackState, string>;
    recordFailed(error: string): string;
    attempts: string;
    none: string;
  };
  visitor: {
    heading: string;
    name: string;
    notGiven: string;
    email: string;
    phone: string;
    siteId: string;
    page: string;
    language: string;
    timeZone: string;
    asked: string;
  };
  timeline: {
    none: string;
    page: string;
    search: string;
    results(n: number): string;
    article: string;
    vote: string;
    helpful(title: string): string;
    unhelpful(title: string): string;
    handoff: string;
    askedFor(channel: string): string;
  };
  chat: {
    heading: string;
    messages: string;
    empty: string;
    visitor: string;
    agent: string;
    you: string;
    sending: string;
    notSentYet: string;
    endedByVisitor: string;
    visitorTyping: string;
    drop: string;
    reply: string;
    attach: string;
    send: string;
    notSent(what: string | null, error: string): string;
    pastedFile: string;
    refused(names: string): string;
  };
}
