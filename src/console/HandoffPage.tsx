/**
 * One handoff: who the visitor is, what they tried, the callback they asked for, the chat, and
 * the agent's actions (claim, resolve). Kept current by the console's stream.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useViewHeading } from './useViewHeading';
import type { AgentHandoffDetail, AgentLearning, AgentMe, AgentResolveAnswer } from '../server/api/agent-types';
import { earlierStatus, identityMark, says, visitorFact } from './identity-format';
import type { ResolveOutcome, TranscriptEntry } from '../protocol/types';
import { CONSOLE_STRINGS, useStrings, type ConsoleStrings } from './strings';
import { api, ApiError } from './api';
import { CallbackCard } from './CallbackCard';
import { Chat } from './Chat';
import { dateTime, learnedText, safeHref } from './format';
import { addMessage, isPassing, mergeLoaded } from './messages';
import { useSeen } from './useSeen';
import { goToQueue } from './router';
import { SectionBoundary } from './SectionBoundary';
import { Timeline } from './Timeline';
import { LearnChoices } from './LearnChoices';
import { RatingCard } from './RatingCard';
import { PersonalData } from './PersonalData';
import { useArticleTitles } from './useArticleTitles';
import { useLearning } from './useLearning';
import type { Subscribe } from './useEvents';

/** The outcomes in the order the form offers them; their words are the strings module's. */
const OUTCOMES: readonly ResolveOutcome[] = ['answered', 'no_answer', 'duplicate', 'other'];

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Waits between reloads that failed for a passing reason (the server restarting, the network). */
const RELOAD_MS = [1_000, 2_000, 3_000];

/** Said over the conversation while the server cannot be reached; the page itself stays. */
export const RECONNECTING = CONSOLE_STRINGS.en.handoff.reconnecting;

/** `live`: whether the console's stream is up; while it is down, what is shown may be out of date. */
export function HandoffPage({ id, me, subscribe, businessZone, live = true }: { id: string; me: AgentMe; subscribe: Subscribe; businessZone: string | null; live?: boolean }) {
  const [handoff, setHandoff] = useState<AgentHandoffDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [visitorTyping, setVisitorTyping] = useState(false);
  /** What resolving with an article taught, said on this page (the agent may want to check it). */
  const [learned, setLearned] = useState('');
  const heading = useViewHeading();
  const strings = useStrings();
  const t = strings.handoff;

  /** A (re)load failed for a passing reason: the last known handoff stays, with a notice, and is loaded again. */
  const [stale, setStale] = useState(false);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);

  /** A whole handoff from the server (loaded, claimed, resolved): messages that arrived while it was on its way stay on the screen. */
  const adopt = (h: AgentHandoffDetail): void => setHandoff((shown) => (shown ? { ...h, messages: mergeLoaded(h.messages, shown.messages) } : h));

  const load = (): void => {
    clearTimeout(reloadTimer.current);
    api.handoff(id).then(
      (h) => {
        failures.current = 0;
        adopt(h);
        setLoadError(null);
        setStale(false);
      },
      (e: unknown) => {
        if (e instanceof ApiError && isPassing(e.status)) {
          setStale(true);
          reloadTimer.current = setTimeout(load, RELOAD_MS[Math.min(failures.current++, RELOAD_MS.length - 1)]);
          return;
        }
        setLoadError(e instanceof ApiError && e.status === 404 ? 'There is no such handoff.' : errorText(e));
      },
    );
  };

  useEffect(() => {
    load();
    return () => clearTimeout(reloadTimer.current);
  }, [id]);

  useEffect(
    () =>
      subscribe((event) => {
        if (event === null) return load(); // the stream reconnected: catch up
        if (event.handoffId !== id) return;
        if (event.type === 'message') {
          setHandoff((h) => (h ? { ...h, messages: addMessage(h.messages, event.message) } : h));
          if (event.message.from === 'visitor') setVisitorTyping(false);
        } else if (event.type === 'transcript') {
          // The visitor read an article sent in the chat: "What they tried" and its card say so.
          const { entry } = event;
          setHandoff((h) => (h ? { ...h, transcript: [...h.transcript, entry] } : h));
        } else if (event.type === 'typing') {
          if (event.from === 'visitor') setVisitorTyping(event.typing);
        } else if (event.type === 'seen') {
          // This console's own read receipt (or another agent's): nothing on this page changes.
        } else {
          load(); // status, agent_joined or email: the whole picture may have changed
        }
      }),
    [id, subscribe],
  );

  // The visitor's "Seen": this chat is on screen (only a chat the agent may answer).
  useSeen(handoff, !!handoff && handoff.channel === 'chat' && handoff.status !== 'resolved' && handoff.status !== 'cancelled' && (handoff.agent === null || handoff.agent.id === me.id));

  // An error page only when there is no conversation to keep showing.
  if (loadError && !handoff) {
    return (
      <>
        <p>
          <a href="#/">{t.back}</a>
        </p>
        <p role="alert" class="error">
          {loadError}
        </p>
      </>
    );
  }
  if (!handoff) return <p role="status">{stale ? t.unreachable : t.loading}</p>;
  const reconnecting = !live || stale;

  const closed = handoff.status === 'resolved' || handoff.status === 'cancelled';
  const mine = handoff.agent?.id === me.id;
  const takenByOther = handoff.agent !== null && !mine;

  const claim = async (): Promise<void> => {
    setActionError(null);
    try {
      adopt(await api.claim(handoff.id));
    } catch (e) {
      setActionError(t.claimFailed(errorText(e)));
      load();
    }
  };

  return (
    <>
      <p>
        <a href="#/">{t.back}</a>
      </p>
      <div class="handoff-head">
        <h1 ref={heading} tabIndex={-1}>
          {t.title(strings.channel[handoff.channel], handoff.ref)}
        </h1>
        <span class={`chip status-${handoff.status}`}>{statusText(handoff, t)}</span>
        {!closed && handoff.agent === null && (
          <button type="button" class="primary" onClick={() => void claim()}>
            {t.claim}
          </button>
        )}
      </div>
      <p role="status" class="notice reconnecting">
        {reconnecting ? t.reconnecting : ''}
      </p>
      <div role="alert" class="error">
        {actionError ?? loadError}
      </div>
      <p role="status" class="learned">
        {learned && (
          <>
            {learned} <a href="#/phrasings">{t.seeLearned}</a>
          </>
        )}
      </p>
      <div class="columns">
        <div class="stack">
          {/* Each section apart: what a visitor's browser sent must not blank the whole page. */}
          <SectionBoundary name="visitor">
            <VisitorCard handoff={handoff} />
          </SectionBoundary>
          {handoff.verified && (
            <SectionBoundary name="earlier">
              <EarlierCard handoff={handoff} />
            </SectionBoundary>
          )}
          {handoff.callback && (
            <SectionBoundary name="callback">
              <CallbackCard handoff={handoff} canAct={!closed && !takenByOther} onChange={setHandoff} businessZone={businessZone} />
            </SectionBoundary>
          )}
          <section class="card" aria-labelledby="tried-heading">
            <h2 id="tried-heading">{t.tried}</h2>
            <SectionBoundary name="tried">
              <Timeline transcript={handoff.transcript} />
            </SectionBoundary>
          </section>
          <SectionBoundary name="personalData">
            <PersonalData handoff={handoff} />
          </SectionBoundary>
        </div>
        <div class="stack">
          {handoff.channel === 'chat' && (
            <SectionBoundary name="chat">
              <Chat
                handoffId={handoff.id}
                messages={handoff.messages}
                transcript={handoff.transcript}
                visitorTyping={visitorTyping}
                canWrite={!closed && !takenByOther}
                endedByVisitor={handoff.status === 'cancelled'}
                online={!reconnecting}
                onSent={(m) => setHandoff((h) => (h ? { ...h, messages: addMessage(h.messages, m) } : h))}
              />
            </SectionBoundary>
          )}
          {/* Asked of the visitor once the chat ended; a phone reference or callback may be rated too. */}
          {closed && (handoff.channel === 'chat' || handoff.rating) && (
            <SectionBoundary name="rating">
              <RatingCard rating={handoff.rating} />
            </SectionBoundary>
          )}
          {!closed && !takenByOther && (
            <SectionBoundary name="resolve">
              <ResolveForm
                id={handoff.id}
                chat={handoff.channel === 'chat'}
                transcript={handoff.transcript}
                onResolved={(answer) => {
                  adopt(answer);
                  if (answer.learned) setLearned(learnedText(answer.learned, strings));
                }}
              />
            </SectionBoundary>
          )}
        </div>
      </div>
    </>
  );
}

function statusText(h: AgentHandoffDetail, t: ConsoleStrings['handoff']): string {
  const s = t.status;
  switch (h.status) {
    case 'queued':
      // A phone reference waits for nobody: the caller quotes it on the line.
      if (h.channel === 'phone') return s.phoneGiven;
      return h.position ? s.waitingAt(h.position) : s.waiting;
    case 'active':
      return s.with(h.agent?.name ?? null);
    case 'resolved':
      return s.resolved(h.outcome ? (t.outcomes[h.outcome] ?? h.outcome) : null);
    case 'cancelled':
      // The server closes a phone reference so at the end of its day (server/queue-rules.ts).
      // Only the visitor cancels a chat or a callback: End chat, or Cancel this request.
      if (h.channel === 'chat') return s.endedByVisitor;
      return h.channel === 'phone' ? s.phoneClosed : s.cancelledByVisitor;
  }
}

function VisitorCard({ handoff }: { handoff: AgentHandoffDetail }) {
  const v = handoff.visitor;
  const ctx = handoff.context;
  const page = ctx?.pageUrl ? safeHref(ctx.pageUrl) : null;
  const attributes = Object.entries(v?.attributes ?? {});
  const { verified } = handoff;
  const strings = useStrings();
  const t = strings.visitor;
  // What the site's server signed is shown as fact; anything else only as what the page said.
  const claim = (field: 'name' | 'email' | 'id', text: string): string => visitorFact(verified, field, text, strings);
  return (
    <section class="card" aria-labelledby="visitor-heading">
      <div class="card-head">
        <h2 id="visitor-heading">{t.heading}</h2>
        <IdentityMark handoff={handoff} />
      </div>
      <dl class="facts">
        <dt>{t.name}</dt>
        <dd>
          <bdi>{v?.name ? claim('name', v.name) : t.notGiven}</bdi>
        </dd>
        {v?.email && (
          <>
            <dt>{t.email}</dt>
            <dd>
              <bdi>{claim('email', v.email)}</bdi>
            </dd>
          </>
        )}
        {v?.phone && (
          <>
            <dt>{t.phone}</dt>
            <dd>
              {says('', strings)}
              <a href={`tel:${v.phone.replace(/[^\d+]/g, '')}`} dir="ltr">{v.phone}</a>
            </dd>
          </>
        )}
        {v?.id && (
          <>
            <dt>{verified ? strings.identity.customerId : t.siteId}</dt>
            <dd>
              <bdi>{claim('id', v.id)}</bdi>
            </dd>
          </>
        )}
        {attributes.map(([key, value]) => (
          <Fragment key={key}>
            <dt>
              <bdi>{key}</bdi>
            </dt>
            <dd>
              <bdi>{value === null ? '—' : String(value)}</bdi>
            </dd>
          </Fragment>
        ))}
        {ctx?.pageUrl && (
          <>
            <dt>{t.page}</dt>
            <dd>
              {page ? (
                <a href={page} target="_blank" rel="noopener noreferrer" dir="ltr">
                  {ctx.pageUrl}
                </a>
              ) : (
                <bdi dir="ltr">{ctx.pageUrl}</bdi>
              )}
            </dd>
          </>
        )}
        {ctx?.locale && (
          <>
            <dt>{t.language}</dt>
            <dd>{ctx.locale}</dd>
          </>
        )}
        {ctx?.timezone && (
          <>
            <dt>{t.timeZone}</dt>
            <dd>{ctx.timezone}</dd>
          </>
        )}
        <dt>{t.asked}</dt>
        <dd>
          <time dateTime={handoff.createdAt}>{dateTime(handoff.createdAt, strings.locale)}</time>
        </dd>
      </dl>
    </section>
  );
}

/**
 * Verified: the site's server signed who this is (an identity token LIFELINE_IDENTITY_SECRET
 * checks), with the id and e-mail it signed. Not verified: everything above is what the page said.
 */
export function IdentityMark({ handoff }: { handoff: Pick<AgentHandoffDetail, 'verified'> }) {
  const { verified } = handoff;
  const strings = useStrings();
  return verified ? (
    <span class="chip identity-verified" title={strings.identity.verifiedTitle}>
      {identityMark(verified, strings)}
    </span>
  ) : (
    <span class="chip identity-unverified" title={strings.identity.notVerifiedTitle}>
      {identityMark(null, strings)}
    </span>
  );
}

/** A verified customer's other handoffs, newest first, each a link to its page. */
function EarlierCard({ handoff }: { handoff: AgentHandoffDetail }) {
  const strings = useStrings();
  return (
    <section class="card" aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">{strings.identity.earlier}</h2>
      {handoff.earlier.length === 0 ? (
        <p class="muted">{strings.identity.earlierNone}</p>
      ) : (
        <ul class="earlier">
          {handoff.earlier.map((e) => (
            <li key={e.id}>
              <a href={`#/handoff/${encodeURIComponent(e.id)}`}>
                {strings.channel[e.channel]} · {strings.queue.ref(e.ref)}
              </a>{' '}
              <span class="muted">
                · <time dateTime={e.createdAt}>{dateTime(e.createdAt, strings.locale)}</time> · {earlierStatus(e, strings)}
              </span>
              {e.question && (
                <div class="earlier-question">
                  {strings.quotes[0]}
                  <bdi>{e.question}</bdi>
                  {strings.quotes[1]}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Resolving without an article goes back to the queue; with one, the page stays to say what it
 * taught. The article field offers what the visitor read first, then the site's articles when
 * the server knows them (LIFELINE_ARTICLES), and names the title of the one typed; below it, the
 * visitor's searches that would be learned for that article, each with a checkbox.
 */
function ResolveForm({
  id,
  chat,
  transcript,
  onResolved,
}: {
  id: string;
  /** A chat: the form offers a closing line to the visitor. */
  chat: boolean;
  transcript: readonly TranscriptEntry[];
  onResolved: (answer: AgentResolveAnswer) => void;
}) {
  const strings = useStrings();
  const t = strings.handoff;
  const [outcome, setOutcome] = useState<ResolveOutcome>('answered');
  const [articleId, setArticleId] = useState('');
  const [noArticle, setNoArticle] = useState(false);
  const [closing, setClosing] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const site = useArticleTitles();
  const read = new Map(transcript.flatMap((e) => (e.type === 'article' ? [[e.articleId, e.title] as const] : [])));
  const options = [...read, ...[...(site ?? [])].filter(([articleId]) => !read.has(articleId))];
  const typed = articleId.trim();
  const title = typed ? (site?.get(typed) ?? read.get(typed)) : undefined;
  const unknown = Boolean(typed && site && !site.has(typed));
  const learning = useLearning(id, !noArticle && typed && !unknown ? typed : null);
  /**
   * The keys of the searches ticked to learn: those about the article, as the agent changed them
   * for this list. Worked out as the list renders, not set by an effect after it: a Resolve
   * pressed in between would otherwise send none ticked.
   */
  const [choices, setChoices] = useState<{ of: AgentLearning | null; ticked: ReadonlySet<string> }>({ of: null, ticked: new Set() });
  const ticked = choices.of === learning ? choices.ticked : new Set(learning?.candidates.filter((c) => c.suggested).map((c) => c.key));
  const toggle = (key: string, on: boolean): void => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setChoices({ of: learning, ticked: next });
  };

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // The searches ticked for the article shown; without the list (not fetched yet), the server chooses those about it.
      const learn =
        learning && learning.articleId === typed ? learning.candidates.filter((c) => c.learnable && ticked.has(c.key)).map((c) => c.text) : undefined;
      const answer = await api.resolve(id, outcome, noArticle ? null : typed || null, noArticle, learn, chat ? closing.trim() || undefined : undefined);
      if (answer.learned) onResolved(answer);
      else goToQueue();
    } catch (failure) {
      setError(t.resolveFailed(errorText(failure)));
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="resolve-heading">
      <h2 id="resolve-heading">{t.resolve}</h2>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label>
          {t.outcome}
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as ResolveOutcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t.outcomes[o]}
              </option>
            ))}
          </select>
        </label>
        <div class="field">
          <label>
            {t.articleLabel}
            <input
            type="text"
            autocomplete="off"
            placeholder={t.example(options[0] ? options[0][0] : 'refunds')}
            list="article-options"
            aria-describedby="article-title"
            aria-invalid={unknown && !noArticle ? 'true' : undefined}
            value={noArticle ? '' : articleId}
            disabled={noArticle}
              onInput={(e) => setArticleId(e.currentTarget.value)}
            />
          </label>
          <datalist id="article-options">
            {options.map(([articleId, articleTitle]) => (
              <option key={articleId} value={articleId} label={read.has(articleId) ? t.readByVisitor(articleTitle) : articleTitle} />
            ))}
          </datalist>
          <p id="article-title" class={unknown ? 'hint error' : 'hint muted'} aria-live="polite">
            {noArticle ? '' : title ? <>{strings.quotes[0]}<bdi>{title}</bdi>{strings.quotes[1]}</> : unknown ? t.notAnArticle : ''}
          </p>
        </div>
        {learning && !noArticle && learning.articleId === typed && <LearnChoices learning={learning} ticked={ticked} onToggle={toggle} />}
        {/* The gaps in the help centre: shown in Reports with what those visitors searched. */}
        <label class="check">
          <input type="checkbox" checked={noArticle} onChange={(e) => setNoArticle(e.currentTarget.checked)} />
          {t.noArticle}
        </label>
        {/* The visitor's last line from us, before the chat closes and they are asked to rate it. */}
        {chat && (
          <label>
            {t.closingLabel}
            <textarea dir="auto" rows={2} maxLength={4000} placeholder={t.closingExample} value={closing} onInput={(e) => setClosing(e.currentTarget.value)} />
          </label>
        )}
        <div role="alert" class="error">
          {error}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t.resolve}
        </button>
      </form>
    </section>
  );
}
