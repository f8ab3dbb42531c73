/**
 * Every word of the agents' console that the strings module holds, per language: a typed key
 * map, so a missing translation is a type error. Functions take what the sentence needs.
 */
import type { Channel } from '../../protocol/transcript';
import type { ResolveOutcome } from '../../protocol/types';
import type { LearningCandidate, PersonalKind, WebhookDeliveryStatus } from '../../server/api/agent-types';
import type { CallbackState } from '../../server/api/agent-types';

export interface ConsoleStrings {
  /** The language's tag, for Intl's dates and times. */
  locale: string;
  /**
   * The quotation marks around a title or a search inside the console's own sentences: Arabic's
   * « » (which mirror right to left), Hebrew's straight ", others “ ”.
   */
  quotes: readonly [open: string, close: string];
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
    /** Before the window's end, with the language's own comma: "Today 15:30, until 16:00" (Arabic writes "،"). */
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

  /** Durations and the learning sentences of format.ts. */
  format: {
    /** "45 s", "3 min", "1 h 05 min" (minutes given two digits). */
    seconds(n: number): string;
    minutes(n: number): string;
    hoursMinutes(hours: number, minutes: string): string;
    minutesSeconds(minutes: number, seconds: number): string;
    noReplies: string;
    /** What resolving taught: "1 search learned as a phrasing of “…”: it is served to visitors now." */
    learned(count: number, served: number, article: string): string;
    /** An article by its id, when its title is not known. */
    articleById(id: string): string;
    candidate: Record<Exclude<LearningCandidate['reason'], 'personal_data'>, string>;
    personal(kind: string): string;
    personalKinds: Record<PersonalKind, string>;
    knownServed: string;
    knownPending: string;
    good: string;
    bad: string;
    notAnswered: string;
    repeatedYes: string;
    repeatedNo: string;
  };
  identity: {
    says(text: string): string;
    verified(email: string | null, id: string): string;
    notVerified: string;
    verifiedTitle: string;
    notVerifiedTitle: string;
    /** The queue's mark beside a verified visitor's name. */
    queueVerified: string;
    customerId: string;
    earlier: string;
    earlierNone: string;
    resolved(agent: string | null): string;
    closed: string;
    with(agent: string | null): string;
    waiting: string;
  };
  rating: {
    heading: string;
    how: string;
    repeated: string;
    comment: string;
    rated: string;
    none: string;
  };
  learn: {
    none: string;
    legend(article: string): string;
    noneLearnable: string;
    never: string;
    hint: string;
  };
  sendArticle: {
    open: string;
    field: string;
    send: string;
    cancel: string;
    picked(title: string): string;
    pickOne: string;
    noneKnown: string;
    type: string;
    kind: string;
    readAt: string;
    notOpened: string;
  };
  files: {
    openFull(name: string): string;
    download(name: string): string;
  };
  /** A section of a page that failed to draw; its names. */
  boundary: {
    failed(name: string): string;
    visitor: string;
    earlier: string;
    callback: string;
    tried: string;
    chat: string;
    rating: string;
    resolve: string;
    personalData: string;
  };
  reports: {
    heading: string;
    period: string;
    periods: Record<'24h' | '7d' | '30d', string>;
    loading: string;
    /** "Handoffs made from", (from), " to ", (to), "." around the two times. */
    range: [string, string, string];
    wait: string;
    good: string;
    goodOf(good: number, rated: number): string;
    repeated: string;
    repeatedOf(repeated: number, answered: number): string;
    visitors: string;
    visitorsNote(handoffs: number): string;
    col: Record<'search' | 'visitors' | 'searches' | 'article' | 'handoffs' | 'question' | 'saidNo' | 'channel' | 'outcome', string>;
    noResults: string;
    noResultsEmpty: string;
    lastRead: string;
    lastReadEmpty: string;
    noArticle(handoffs: number, visitors: number): string;
    noArticleEmpty: string;
    readAnyway: string;
    readAnywayEmpty: string;
    readAnywayNote: string;
    searchedBefore: string;
    searchedBeforeEmpty: string;
    byChannel: string;
    byOutcome: string;
    /** Before the other wordings of a group of searches. */
    also: string;
  };
  phrasings: {
    heading: string;
    lead: string;
    loading: string;
    empty: string;
    article: string;
    count(n: number): string;
    served: string;
    pending: string;
    confirmedMark: string;
    /** "learned 3 times, last on" before the date. */
    learned(count: number): string;
    from: string;
    ref(ref: string): string;
    confirm: string;
    confirmName(text: string): string;
    remove: string;
    removeName(text: string): string;
    removed(text: string, articleId: string): string;
    confirmed(text: string): string;
    removeFailed(text: string, error: string): string;
    confirmFailed(text: string, error: string): string;
  };
  webhooks: {
    heading: string;
    refresh: string;
    loading: string;
    /** Around LIFELINE_WEBHOOK_URL and LIFELINE_WEBHOOK_SECRET. */
    off: [string, string, string];
    /** Around the endpoint and webhook-id. */
    on: [string, string, string];
    failing: string;
    failingEmpty: string;
    recent: string;
    recentEmpty: string;
    status: Record<WebhookDeliveryStatus, string>;
    ref(ref: string): string;
    happened: string;
    earlierFailed(error: string): string;
    lastError(error: string): string;
    line: {
      waiting(time: string): string;
      sending(tries: number): string;
      delivered(time: string, tries: number): string;
      retrying(tries: number, time: string): string;
      failed(time: string, tries: number): string;
    };
  };
  /** Browser notifications, worded by the service worker. */
  notice: {
    visitor: string;
    chat(ref: string): string;
    callback(ref: string): string;
    phone(ref: string): string;
    noQuestion: string;
    /** A callback's booked time before the question: "For Mon 16:00. ". */
    forTime(at: string): string;
  };
  push: {
    toggle: string;
    on: string;
    off: string;
    /** The sentences under the toggle (push-state.ts). */
    insecure: string;
    unsupported: string;
    blocked: string;
    dismissed: string;
    turnedOn: string;
    noPushService(reason: string): string;
    failed(reason: string): string;
  };
  /** The Personal data card of a handoff: export, and delete behind a confirm dialog. */
  personal: {
    heading: string;
    /** `who`: the visitor's e-mail or name, else `someone`. */
    intro(who: string): string;
    someone: string;
    export: string;
    exported(count: number): string;
    exportFailed(reason: string): string;
    delete: string;
    openNote: string;
    confirmHeading(who: string): string;
    /** `count` null: not known yet. */
    confirmText(count: number | null): string;
    confirm: string;
    cancel: string;
  };
}
