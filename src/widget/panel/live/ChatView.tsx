import { h, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HumanSession } from '../../transport/session';
import { isClosed, type ChatMessage } from '../../transport/conversation';
import type { LiveStrings } from '../strings';
import type { PanelCtx } from '../context';
import { ArticleCard } from './ArticleCard';

/** The e-mail offer and the reopen link's chunk (Away.tsx): fetched only when one is needed. */
export const loadAway = (): Promise<typeof import('./Away')> => import('./Away');
export const reportFailure = (error: unknown): void => console.error('[Lifeline]', error);
/** Files in the chat (Attach.tsx: the composer's button, drop, paste, thumbnails): a chunk of its own. */
type AttachChunk = typeof import('./Attach');

/** The rating questions, a chunk of their own (../rating/), fetched once a chat has ended. */
function Rate(props: { ctx: PanelCtx; id: string; token: string }) {
  const [m, setModule] = useState<typeof import('../rating/Rating') | null>(null);
  useEffect(() => void import('../rating/Rating').then(setModule, (error: unknown) => console.error('[Lifeline] no rating:', error)), []);
  return m && h(m.default, props);
}

const TYPING_IDLE_MS = 3000;

/**
 * The chat: messages in a role="log" (read out as they arrive), who joined and who is typing,
 * the state of each message the visitor sent, and a composer. Visitor and agent text is only
 * ever text here.
 */
export function ChatView({
  ctx,
  session,
  s,
  away,
  nobodyOnline,
  onAgain,
}: {
  ctx: PanelCtx;
  /** No agent online (the status said): the e-mail offer is made at once. */
  nobodyOnline: boolean;
  session: HumanSession;
  s: LiveStrings;
  /**
   * Set while nobody answers chat now (closed, or nobody online): what the visitor is told
   * instead of a place in line (hours chunk, chatAway).
   */
  away: string | null;
  onAgain(): void;
}) {
  const c = session.conversation()!;
  const [draft, setDraft] = useState('');
  const log = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [files, setFiles] = useState<AttachChunk | null>(null);
  useEffect(() => void import('./Attach').then(setFiles, reportFailure), []);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const closed = isClosed(c);
  // Until the first answer comes, a visitor who leaves can have it by e-mail.
  const waiting = !closed && !!c.id && !c.messages.some((m) => m.from === 'agent');
  const [awayChunk, setAwayChunk] = useState<Awaited<ReturnType<typeof loadAway>> | null>(null);
  useEffect(() => void (waiting && !awayChunk && loadAway().then(setAwayChunk, reportFailure)), [waiting]);

  useEffect(() => {
    log.current?.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }, [c.messages.length, c.agentTyping]);

  const typing = (): void => {
    if (!typingTimer.current) session.typing(true);
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => {
      typingTimer.current = undefined;
      session.typing(false);
    }, TYPING_IDLE_MS);
  };

  // An article an agent sent opens in the panel (back returns here); the agent learns it was read.
  const openArticle = (id: string): void => {
    session.articleRead(id);
    ctx.open({ kind: 'article', id });
  };

  const submit = (event: Event): void => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    session.send(text);
    setDraft('');
    clearTimeout(typingTimer.current);
    typingTimer.current = undefined;
  };

  return (
    <div class="ll-chat" ref={root}>
      <p class="ll-chat-status" role="status">
        {closed
          ? s.ended
          : c.agentName
            ? s.joined(c.agentName)
            : (away ??
              s.queued(c.position, c.estimatedWaitSeconds === null ? null : Math.max(1, Math.round(c.estimatedWaitSeconds / 60))))}
      </p>
      {/* The visitor's e-mail address, for the answer by e-mail, under the status that promises it. */}
      {waiting && awayChunk && <awayChunk.EmailOffer ctx={ctx} session={session} nobodyOnline={nobodyOnline} />}
      <p class="ll-muted ll-small">
        {/* The reference on its own, to be read out (and found: e2e refLine); then, while the
            chat is open, End chat: the console says the visitor ended it, and the rating follows. */}
        {c.ref && <span>{s.ref(c.ref)}</span>}
        {!closed && (
          <>
            {c.ref && ' · '}
            <button type="button" class="ll-link-button" onClick={() => void session.cancel()}>{s.endChat}</button>
          </>
        )}
      </p>
      <div class="ll-log" role="log" aria-live="polite" ref={log}>
        {c.messages.map((m) => (
          <Bubble key={`${m.from}:${m.key}`} m={m} s={s} onRetry={() => session.retry(m.key)} onArticle={openArticle}>
            {m.attachments && files && <files.Files ctx={ctx} session={session} m={m} />}
          </Bubble>
        ))}
      </div>
      {c.agentTyping && c.agentName && <p class="ll-muted ll-small" aria-live="polite">{s.typing(c.agentName)}</p>}
      {closed ? (
        <>
          {/* Did we keep the promise? Asked once the agent resolved it or the visitor ended it. */}
          {c.id && c.token && <Rate ctx={ctx} id={c.id} token={c.token} />}
          <button type="button" class="ll-pill ll-plain" onClick={onAgain}>{s.again}</button>
        </>
      ) : (
        <form class="ll-composer" onSubmit={submit}>
          {files && <files.Attach ctx={ctx} session={session} chat={root} box={box} />}
          <textarea
            ref={box}
            class="ll-input"
            aria-label={s.message}
            data-focus-here
            rows={2}
            maxLength={4000}
            value={draft}
            onInput={(e) => {
              setDraft((e.currentTarget as HTMLTextAreaElement).value);
              typing();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
            }}
          />
          <button type="submit" class="ll-pill ll-accent">{s.send}</button>
        </form>
      )}
    </div>
  );
}

function Bubble({ m, s, onRetry, onArticle, children }: { m: ChatMessage; s: LiveStrings; onRetry(): void; onArticle(id: string): void; children?: ComponentChildren }) {
  const mine = m.from === 'visitor';
  return (
    <p class={`ll-msg ${mine ? 'll-mine' : 'll-theirs'}`}>
      <span class="ll-sr">{mine ? s.you : m.author ?? s.support}: </span>
      {!mine && <span class="ll-msg-author" aria-hidden="true">{m.author ?? s.support}</span>}
      {m.text && <span class="ll-msg-text">{m.text}</span>}
      {m.article && <ArticleCard article={m.article} s={s} onOpen={onArticle} />}
      {children}
      {mine && m.state !== 'sent' && (
        <span class="ll-msg-state">
          {m.state === 'failed' ? (
            <>
              {s.notSent} <button type="button" class="ll-link-button" onClick={onRetry}>{s.retry}</button>
            </>
          ) : m.state === 'queued' ? s.waitingToSend : s.sending}
        </span>
      )}
    </p>
  );
}
