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
import { callbackStateLabel } from './CallbackCard';
import { CHANNEL_LABEL, clock, waited } from './format';
import { AGENT_ZONE, bookedTime, callbackTiming, summarizeSearches } from './queue-format';
import { goToHandoff } from './router';
import { useNow } from './useNow';
import { useViewHeading } from './useViewHeading';

export const waitingText = (n: number): string => (n === 1 ? '1 person waiting' : `${n} people waiting`);

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
  return (
    <>
      <div class="queue-head">
        <h1 ref={heading} tabIndex={-1}>
          Queue
        </h1>
        <RefLookup />
      </div>
      {error && (
        <p role="alert" class="error">
          The queue could not be loaded: {error}
        </p>
      )}
      <p role="status" class="muted">
        {queue === null ? 'Loading the queue…' : waitingText(waiting)}
      </p>
      {queue !== null && (
        <div class="sections">
          <Section
            id="chats"
            title="Chats"
            count={`${queue.waitingChats} waiting for a reply · ${queue.chats.total} open`}
            section={queue.chats}
            empty="No open chats. New ones appear here as they come in."
            onShowAll={onShowAll}
          >
            {(h) => <ChatRow h={h} now={now} />}
          </Section>
          <Section
            id="callbacks"
            title="Callbacks"
            count={`${queue.callbacks.handoffs.filter((h) => h.callbackWindow && callbackTiming(h.callbackWindow, now) !== 'booked').length} due · ${queue.callbacks.total} booked`}
            section={queue.callbacks}
            empty="No callbacks booked."
            onShowAll={onShowAll}
          >
            {(h) => <CallbackRow h={h} now={now} businessZone={queue.timeZone} />}
          </Section>
          <Section
            id="phone"
            title="Phone references for today"
            count={`${queue.phone.total} given`}
            section={queue.phone}
            empty="No phone references given today. A caller who quotes one is found with Reference above."
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
              {gap && i === gap.after && <li class="gap">{gap.left} more not listed here</li>}
              {row(h)}
            </Fragment>
          ))}
        </ul>
      )}
      {gap && (
        <p class="showing">
          Showing {handoffs.length} of {total}
          {gap.after < handoffs.length ? `: the ${gap.after} waiting longest and the ${handoffs.length - gap.after} newest.` : '.'}{' '}
          {total <= MAX_QUEUE_LIMIT ? (
            <button type="button" onClick={onShowAll}>
              Show all {total}
            </button>
          ) : (
            'Open any of them by its reference above.'
          )}
        </p>
      )}
    </section>
  );
}

function Searches({ searches }: { searches: string[] }) {
  const { shown, more } = summarizeSearches(searches);
  if (shown.length === 0) return null;
  // Separators are text, not q::before, which is where the opening quote mark goes.
  return (
    <span class="searches">
      Searched:{' '}
      {shown.map((s, i) => (
        <span key={i}>
          {i > 0 && ', '}
          <q>{s.text}</q>
          {s.times > 1 && ` ×${s.times}`}
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </span>
  );
}

function RowLink({ h, children }: { h: AgentHandoffSummary; children: ComponentChildren }) {
  return (
    <a class="row-link" href={`#/handoff/${h.id}`}>
      <span class={`chip ${h.channel}`}>{CHANNEL_LABEL[h.channel]}</span>
      <span class="ref">Ref {h.ref}</span>
      <span class="who">
        {h.visitorName ?? 'Visitor'}
        {h.verified && ' · Verified'}
      </span>
      {children}
    </a>
  );
}

const withAgent = (h: AgentHandoffSummary): string => `with ${h.agentName ?? 'an agent'}`;

function ChatRow({ h, now }: { h: AgentHandoffSummary; now: number }) {
  return (
    <li class={`row ${h.status}`}>
      <RowLink h={h}>
        <span class="wait">{h.status === 'queued' ? `waiting ${waited(h.createdAt, now)}` : withAgent(h)}</span>
      </RowLink>
      <div class="row-detail">
        {h.lastPageUrl && <span class="page">On {h.lastPageUrl}</span>}
        <Searches searches={h.searches} />
      </div>
    </li>
  );
}

const TIMING_LABEL = { booked: null, due: 'Due now', overdue: 'Overdue' } as const;

function CallbackRow({ h, now, businessZone }: { h: AgentHandoffSummary; now: number; businessZone: string }) {
  const timing = h.callbackWindow ? callbackTiming(h.callbackWindow, now) : 'booked';
  return (
    <li class={`row ${h.status} ${timing}`}>
      <RowLink h={h}>
        <span class="wait">
          {h.callbackWindow && <time dateTime={h.callbackWindow.from}>{bookedTime(h.callbackWindow.from, now, AGENT_ZONE, businessZone)}</time>}
          {TIMING_LABEL[timing] && <span class={`chip ${timing}`}>{TIMING_LABEL[timing]}</span>}
        </span>
      </RowLink>
      <div class="row-detail">
        {h.status === 'active' && <span>{withAgent(h)}</span>}
        {h.callbackState && <span class="callback-state">Last call: {callbackStateLabel(h.callbackState)}</span>}
        <Searches searches={h.searches} />
      </div>
    </li>
  );
}

function PhoneRow({ h }: { h: AgentHandoffSummary }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answered = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.resolve(h.id, 'answered', null); // its status event reloads the queue, without it
    } catch (e) {
      setError(`Could not mark it answered: ${e instanceof Error ? e.message : String(e)}`);
      setBusy(false);
    }
  };
  return (
    <li class="row reference">
      <RowLink h={h}>
        <span class="wait">
          given <time dateTime={h.createdAt}>{clock(h.createdAt)}</time>
        </span>
      </RowLink>
      <div class="row-detail">
        {h.lastPageUrl && <span class="page">On {h.lastPageUrl}</span>}
        <Searches searches={h.searches} />
        <button type="button" class="small" disabled={busy} aria-label={`Mark answered: Ref ${h.ref}`} onClick={() => void answered()}>
          Mark answered
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

  const submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const wanted = ref.trim();
    if (!wanted) return;
    setBusy(true);
    setMessage(null);
    try {
      goToHandoff((await api.byRef(wanted)).id);
    } catch (error) {
      setMessage(error instanceof ApiError && error.status === 404 ? `No open handoff with reference ${wanted}` : `Lookup failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="lookup" role="search" aria-label="Look up by reference" onSubmit={(e) => void submit(e)}>
      <label>
        Reference
        <input type="search" inputmode="numeric" autocomplete="off" value={ref} onInput={(e) => setRef(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Open
      </button>
      <p role="status" class="lookup-message">{message}</p>
    </form>
  );
}
