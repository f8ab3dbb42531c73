/**
 * The queue, in sections an agent works differently: chats (longest waiting first), callbacks (by
 * the time they were booked for, in the agent's own zone) and today's phone references (the
 * caller quotes one; mark it answered). A section never drops rows silently: it says how many it
 * shows of how many, and the newest visitor is always among them (server/queue-rules.ts).
 */
import { Fragment, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { AgentHandoffSummary, AgentQueue, AgentQueueSection } from '../server/api/agent-types';
import { MAX_QUEUE_LIMIT } from '../server/queue-rules';
import { api, ApiError } from './api';
import { clock, waited } from './format';
import { AGENT_ZONE, bookedTime, callbackTiming, summarizeSearches } from './queue-format';
import { goToHandoff } from './router';
import { useNow } from './useNow';
import { useViewHeading } from './useViewHeading';
import { useStrings } from './strings';

export function Queue({
  queue,
  error,
  waiting,
  onShowAll,
}: {
  queue: AgentQueue | null;
  error: string | null;
  /** Chats waiting for a first reply and callbacks due that nobody has taken. */
  waiting: number;
  /** Ask for every handoff of each section (up to the server's most). */
  onShowAll: () => void;
}) {
  const now = useNow();
  const heading = useViewHeading();
  const t = useStrings().queue;
  return (
    <>
      <div class="queue-head">
        <h1 ref={heading} tabIndex={-1}>
          {t.heading}
        </h1>
        <RefLookup />
      </div>
      {error && (
        <p role="alert" class="error">
          {t.loadFailed(error)}
        </p>
      )}
      <p role="status" class="muted">
        {queue === null ? t.loading : t.waiting(waiting)}
      </p>
      {queue !== null && (
        <div class="sections">
          <Section
            id="chats"
            title={t.chats}
            count={t.chatsCount(queue.waitingChats, queue.chats.total)}
            section={queue.chats}
            empty={t.chatsEmpty}
            onShowAll={onShowAll}
          >
            {(h) => <ChatRow h={h} now={now} />}
          </Section>
          <Section
            id="callbacks"
            title={t.callbacks}
            count={t.callbacksCount(queue.callbacks.handoffs.filter((h) => h.callbackWindow && callbackTiming(h.callbackWindow, now) !== 'booked').length, queue.callbacks.total)}
            section={queue.callbacks}
            empty={t.callbacksEmpty}
            onShowAll={onShowAll}
          >
            {(h) => <CallbackRow h={h} now={now} businessZone={queue.timeZone} />}
          </Section>
          <Section
            id="phone"
            title={t.phone}
            count={t.phoneCount(queue.phone.total)}
            section={queue.phone}
            empty={t.phoneEmpty}
            onShowAll={onShowAll}
          >
            {(h) => <PhoneRow h={h} />}
          </Section>
        </div>
      )}
    </>
  );
}

function Section({
  id,
  title,
  count,
  section,
  empty,
  onShowAll,
  children: row,
}: {
  id: string;
  title: string;
  count: string;
  section: AgentQueueSection;
  empty: string;
  onShowAll: () => void;
  children: (h: AgentHandoffSummary) => ComponentChildren;
}) {
  const { handoffs, total, gap } = section;
  const t = useStrings().queue;
  return (
    <section class="queue-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {title} <span class="count">({count})</span>
      </h2>
      {handoffs.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="queue" aria-label={title}>
          {/* Keyed by handoff: a row's element stays its visitor's as rows come and go around it
              (a click or the keyboard focus on its way never lands on someone else's). */}
          {handoffs.map((h, i) => (
            <Fragment key={h.id}>
              {gap && i === gap.after && <li class="gap">{t.notListed(gap.left)}</li>}
              {row(h)}
            </Fragment>
          ))}
        </ul>
      )}
      {gap && (
        <p class="showing">
          {t.showing(handoffs.length, total, gap.after < handoffs.length ? gap.after : null)}{' '}
          {total <= MAX_QUEUE_LIMIT ? (
            <button type="button" onClick={onShowAll}>
              {t.showAll(total)}
            </button>
          ) : (
            t.openByRef
          )}
        </p>
      )}
    </section>
  );
}

function Searches({ searches }: { searches: string[] }) {
  const { shown, more } = summarizeSearches(searches);
  const t = useStrings().queue;
  if (shown.length === 0) return null;
  // Separators are text, not q::before, which is where the opening quote mark goes.
  return (
    <span class="searches">
      {t.searched}{' '}
      {shown.map((s, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <q dir="auto">{s.text}</q>
          {s.times > 1 && ` ×${s.times}`}
        </span>
      ))}
      {more > 0 && t.andMore(more)}
    </span>
  );
}

function RowLink({ h, children }: { h: AgentHandoffSummary; children: ComponentChildren }) {
  const strings = useStrings();
  const t = strings.queue;
  return (
    <a class="row-link" href={`#/handoff/${h.id}`}>
      <span class={`chip ${h.channel}`}>{strings.channel[h.channel]}</span>
      <span class="ref">{t.ref(h.ref)}</span>
      <span class="who">
        <bdi>{h.visitorName ?? t.visitor}</bdi>
        {h.verified && strings.identity.queueVerified}
      </span>
      {children}
    </a>
  );
}


function ChatRow({ h, now }: { h: AgentHandoffSummary; now: number }) {
  const strings = useStrings();
  const t = strings.queue;
  return (
    <li class={`row ${h.status}`}>
      <RowLink h={h}>
        <span class="wait">{h.status === 'queued' ? t.waited(waited(h.createdAt, now, strings)) : t.withAgent(h.agentName)}</span>
      </RowLink>
      <div class="row-detail">
        {h.lastPageUrl && <span class="page">{t.on(h.lastPageUrl)}</span>}
        <Searches searches={h.searches} />
      </div>
    </li>
  );
}

function CallbackRow({ h, now, businessZone }: { h: AgentHandoffSummary; now: number; businessZone: string }) {
  const timing = h.callbackWindow ? callbackTiming(h.callbackWindow, now) : 'booked';
  const strings = useStrings();
  const t = strings.queue;
  const label = timing === 'booked' ? null : t[timing];
  return (
    <li class={`row ${h.status} ${timing}`}>
      <RowLink h={h}>
        <span class="wait">
          {h.callbackWindow && <time dateTime={h.callbackWindow.from}>{bookedTime(h.callbackWindow.from, now, AGENT_ZONE, businessZone, strings.locale, strings.days)}</time>}
          {label && <span class={`chip ${timing}`}>{label}</span>}
        </span>
      </RowLink>
      <div class="row-detail">
        {h.status === 'active' && <span>{t.withAgent(h.agentName)}</span>}
        {h.callbackState && <span class="callback-state">{t.lastCall(strings.callback.states[h.callbackState])}</span>}
        <Searches searches={h.searches} />
      </div>
    </li>
  );
}

function PhoneRow({ h }: { h: AgentHandoffSummary }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const strings = useStrings();
  const t = strings.queue;
  const answered = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.resolve(h.id, 'answered', null); // its status event reloads the queue, without it
    } catch (e) {
      setError(t.markFailed(e instanceof Error ? e.message : String(e)));
      setBusy(false);
    }
  };
  return (
    <li class="row reference">
      <RowLink h={h}>
        <span class="wait">
          {t.given} <time dateTime={h.createdAt}>{clock(h.createdAt, strings.locale)}</time>
        </span>
      </RowLink>
      <div class="row-detail">
        {h.lastPageUrl && <span class="page">{t.on(h.lastPageUrl)}</span>}
        <Searches searches={h.searches} />
        <button type="button" class="small" disabled={busy} aria-label={t.markAnsweredName(h.ref)} onClick={() => void answered()}>
          {t.markAnswered}
        </button>
        {error && (
          <span role="alert" class="error">
            {error}
          </span>
        )}
      </div>
    </li>
  );
}

function RefLookup() {
  const [ref, setRef] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useStrings().queue;

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const wanted = ref.trim();
    if (!wanted) return;
    setBusy(true);
    setMessage(null);
    try {
      goToHandoff((await api.byRef(wanted)).id);
    } catch (error) {
      setMessage(error instanceof ApiError && error.status === 404 ? t.noHandoff(wanted) : t.lookupFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="lookup" role="search" aria-label={t.lookup} onSubmit={(e) => void submit(e)}>
      <label>
        {t.reference}
        <input type="search" inputmode="numeric" autocomplete="off" value={ref} onInput={(e) => setRef(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t.open}
      </button>
      <p role="status" class="lookup-message">{message}</p>
    </form>
  );
}
