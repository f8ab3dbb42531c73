/**
 * One handoff: who the visitor is, what they tried, the callback they asked for, the chat, and
 * the agent's actions (claim, resolve). Kept current by the console's stream.
 */
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useViewHeading } from './useViewHeading';
import type { AgentHandoffDetail, AgentLearning, AgentMe, AgentResolveAnswer } from '../server/api/agent-types';
import type { ResolveOutcome, TranscriptEntry } from '../protocol/types';
import { api, ApiError } from './api';
import { CallbackCard } from './CallbackCard';
import { Chat } from './Chat';
import { CHANNEL_LABEL, dateTime, learnedText, safeHref } from './format';
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

const OUTCOMES: ReadonlyArray<{ value: ResolveOutcome; label: string }> = [
  { value: 'answered', label: 'Answered' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'duplicate', label: 'Duplicate' },
  { value: 'other', label: 'Other' },
];

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Waits between reloads that failed for a passing reason (the server restarting, the network). */
const RELOAD_MS = [1_000, 2_000, 3_000];

/** Said over the conversation while the server cannot be reached; the page itself stays. */
export const RECONNECTING = 'Reconnecting to the server… The conversation stays here, and what you send goes once it is back.';

/** `live`: whether the console's stream is up; while it is down, what is shown may be out of date. */
export function HandoffPage({ id, me, subscribe, businessZone, live = true }: { id: string; me: AgentMe; subscribe: Subscribe; businessZone: string | null; live?: boolean }) {
  const [handoff, setHandoff] = useState<AgentHandoffDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [visitorTyping, setVisitorTyping] = useState(false);
  /** What resolving with an article taught, said on this page (the agent may want to check it). */
  const [learned, setLearned] = useState('');
  const heading = useViewHeading();

  /** A (re)load failed for a passing reason: the last known handoff stays, with a notice, and is loaded again. */
  const [stale, setStale] = useState(false);
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);

  const load = (): void => {
    clearTimeout(reloadTimer.current);
    api.handoff(id).then(
      (h) => {
        failures.current = 0;
        // Messages that arrived while this answer was on its way stay on the screen.
        setHandoff((shown) => (shown ? { ...h, messages: mergeLoaded(h.messages, shown.messages) } : h));
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
          <a href="#/">← Back to the queue</a>
        </p>
        <p role="alert" class="error">
          {loadError}
        </p>
      </>
    );
  }
  if (!handoff) return <p role="status">{stale ? 'The server cannot be reached. Trying again…' : 'Loading the handoff…'}</p>;
  const reconnecting = !live || stale;

  const closed = handoff.status === 'resolved' || handoff.status === 'cancelled';
  const mine = handoff.agent?.id === me.id;
  const takenByOther = handoff.agent !== null && !mine;

  const claim = async (): Promise<void> => {
    setActionError(null);
    try {
      setHandoff(await api.claim(handoff.id));
    } catch (e) {
      setActionError(`Could not claim it: ${errorText(e)}`);
      load();
    }
  };

  return (
    <>
      <p>
        <a href="#/">← Back to the queue</a>
      </p>
      <div class="handoff-head">
        <h1 ref={heading} tabIndex={-1}>
          {CHANNEL_LABEL[handoff.channel]} · Ref {handoff.ref}
        </h1>
        <span class={`chip status-${handoff.status}`}>{statusText(handoff)}</span>
        {!closed && handoff.agent === null && (
          <button type="button" class="primary" onClick={() => void claim()}>
            Claim
          </button>
        )}
      </div>
      <p role="status" class="notice reconnecting">
        {reconnecting ? RECONNECTING : ''}
      </p>
      <div role="alert" class="error">
        {actionError ?? loadError}
      </div>
      <p role="status" class="learned">
        {learned && (
          <>
            {learned} <a href="#/phrasings">See the learned phrasings</a>
          </>
        )}
      </p>
      <div class="columns">
        <div class="stack">
          {/* Each section apart: what a visitor's browser sent must not blank the whole page. */}
          <SectionBoundary name="Visitor">
            <VisitorCard handoff={handoff} />
          </SectionBoundary>
          {handoff.callback && (
            <SectionBoundary name="Callback">
              <CallbackCard handoff={handoff} canAct={!closed && !takenByOther} onChange={setHandoff} businessZone={businessZone} />
            </SectionBoundary>
          )}
          <section class="card" aria-labelledby="tried-heading">
            <h2 id="tried-heading">What they tried</h2>
            <SectionBoundary name="What they tried">
              <Timeline transcript={handoff.transcript} />
            </SectionBoundary>
          </section>
          <SectionBoundary name="Personal data">
            <PersonalData handoff={handoff} />
          </SectionBoundary>
        </div>
        <div class="stack">
          {handoff.channel === 'chat' && (
            <SectionBoundary name="Chat">
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
            <SectionBoundary name="Rating">
              <RatingCard rating={handoff.rating} />
            </SectionBoundary>
          )}
          {!closed && !takenByOther && (
            <SectionBoundary name="Resolve">
              <ResolveForm
                id={handoff.id}
                chat={handoff.channel === 'chat'}
                transcript={handoff.transcript}
                onResolved={(answer) => {
                  setHandoff(answer);
                  if (answer.learned) setLearned(learnedText(answer.learned));
                }}
              />
            </SectionBoundary>
          )}
        </div>
      </div>
    </>
  );
}

function statusText(h: AgentHandoffDetail): string {
  switch (h.status) {
    case 'queued':
      // A phone reference waits for nobody: the caller quotes it on the line.
      if (h.channel === 'phone') return 'Given · not marked answered';
      return h.position ? `Waiting · number ${h.position} in line` : 'Waiting';
    case 'active':
      return `With ${h.agent?.name ?? 'an agent'}`;
    case 'resolved':
      return `Resolved${h.outcome ? ` · ${OUTCOMES.find((o) => o.value === h.outcome)?.label ?? h.outcome}` : ''}`;
    case 'cancelled':
      // The server closes a phone reference so at the end of its day (server/queue-rules.ts).
      // Only the visitor cancels a chat or a callback: End chat, or Cancel this request.
      if (h.channel === 'chat') return 'Ended by the visitor';
      return h.channel === 'phone' ? 'Closed · cancelled, or expired at the end of its day' : 'Cancelled by the visitor';
  }
}

function VisitorCard({ handoff }: { handoff: AgentHandoffDetail }) {
  const v = handoff.visitor;
  const ctx = handoff.context;
  const page = ctx?.pageUrl ? safeHref(ctx.pageUrl) : null;
  const attributes = Object.entries(v?.attributes ?? {});
  return (
    <section class="card" aria-labelledby="visitor-heading">
      <h2 id="visitor-heading">Visitor</h2>
      <dl class="facts">
        <dt>Name</dt>
        <dd>{v?.name ?? 'Not given'}</dd>
        {v?.email && (
          <>
            <dt>Email</dt>
            <dd>{v.email}</dd>
          </>
        )}
        {v?.phone && (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${v.phone.replace(/[^\d+]/g, '')}`}>{v.phone}</a>
            </dd>
          </>
        )}
        {v?.id && (
          <>
            <dt>Site’s id</dt>
            <dd>{v.id}</dd>
          </>
        )}
        {attributes.map(([key, value]) => (
          <Fragment key={key}>
            <dt>{key}</dt>
            <dd>{value === null ? '—' : String(value)}</dd>
          </Fragment>
        ))}
        {ctx?.pageUrl && (
          <>
            <dt>Page</dt>
            <dd>
              {page ? (
                <a href={page} target="_blank" rel="noopener noreferrer">
                  {ctx.pageUrl}
                </a>
              ) : (
                ctx.pageUrl
              )}
            </dd>
          </>
        )}
        {ctx?.locale && (
          <>
            <dt>Language</dt>
            <dd>{ctx.locale}</dd>
          </>
        )}
        {ctx?.timezone && (
          <>
            <dt>Time zone</dt>
            <dd>{ctx.timezone}</dd>
          </>
        )}
        <dt>Asked</dt>
        <dd>
          <time dateTime={handoff.createdAt}>{dateTime(handoff.createdAt)}</time>
        </dd>
      </dl>
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
      setError(`Could not resolve it: ${errorText(failure)}`);
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="resolve-heading">
      <h2 id="resolve-heading">Resolve</h2>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as ResolveOutcome)}>
            {OUTCOMES.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <div class="field">
          <label>
            The article that answered (optional)
            <input
            type="text"
            autocomplete="off"
            placeholder={options[0] ? `e.g. ${options[0][0]}` : 'e.g. refunds'}
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
              <option key={articleId} value={articleId} label={read.has(articleId) ? `${articleTitle} (read by the visitor)` : articleTitle} />
            ))}
          </datalist>
          <p id="article-title" class={unknown ? 'hint error' : 'hint muted'} aria-live="polite">
            {noArticle ? '' : title ? `“${title}”` : unknown ? 'Not one of the site’s articles.' : ''}
          </p>
        </div>
        {learning && !noArticle && learning.articleId === typed && <LearnChoices learning={learning} ticked={ticked} onToggle={toggle} />}
        {/* The gaps in the help centre: shown in Reports with what those visitors searched. */}
        <label class="check">
          <input type="checkbox" checked={noArticle} onChange={(e) => setNoArticle(e.currentTarget.checked)} />
          No article covers this
        </label>
        {/* The visitor's last line from us, before the chat closes and they are asked to rate it. */}
        {chat && (
          <label>
            Closing message to the visitor (optional)
            <textarea rows={2} maxLength={4000} placeholder="e.g. Glad I could help. Have a good day!" value={closing} onInput={(e) => setClosing(e.currentTarget.value)} />
          </label>
        )}
        <div role="alert" class="error">
          {error}
        </div>
        <button type="submit" class="primary" disabled={busy}>
          Resolve
        </button>
      </form>
    </section>
  );
}
