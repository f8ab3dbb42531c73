import { h, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HumanSession } from '../../transport/session';
import { isClosed, type ChatMessage } from '../../transport/conversation';
import type { LiveStrings } from '../strings';
import type { Language } from '../../i18n/locale';
import type { SiteStrings } from '../../settings';
import type { PanelCtx } from '../context';
import { ArticleCard } from './ArticleCard';
import { groupMessages, initials, type MessageGroup } from './groups';
import { follows, leftBottom } from './scroll';

/** The e-mail offer and the reopen link's chunk (Away.tsx): fetched only when one is needed. */
/** The away chunk, once its words in the visitor's language are there too. */
/** The away chunk with its words; `alive` false by the time the chunk is here (destroy, or no longer waiting): its words are not fetched. */
export const loadAway = (language: Language, site: SiteStrings | null, alive = (): boolean => true): Promise<typeof import('./Away')> =>
  import('./Away').then((m) => (alive() ? m.loadWords(language, site).then(() => m) : new Promise<never>(() => {})));
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
/** The message box grows with its text up to this height (about six lines), then scrolls. */
const COMPOSER_MAX_PX = 160;

/**
 * The chat: messages grouped by sender in a role="log" (each new one read out once: only
 * additions are announced, and the group's name and time are not read again), who joined and
 * who is typing, the state of each message the visitor sent, "Seen" once the agent read the last
 * one, and a composer docked at the bottom of the panel. The view follows new messages while
 * the visitor is at the bottom and keeps its place when they scrolled up, offering a jump to the
 * latest. Visitor and agent text is only ever text here.
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
  const [confirming, setConfirming] = useState(false);
  const log = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const [files, setFiles] = useState<AttachChunk | null>(null);
  useEffect(() => void import('./Attach').then((m) => m.loadWords(ctx.language, ctx.settings.strings).then(() => setFiles(m))).catch(reportFailure), []);
  const endButton = useRef<HTMLButtonElement>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const closed = isClosed(c);
  // Until the first answer comes, a visitor who leaves can have it by e-mail.
  const waiting = !closed && !!c.id && !c.messages.some((m) => m.from === 'agent');
  const [awayChunk, setAwayChunk] = useState<Awaited<ReturnType<typeof loadAway>> | null>(null);
  useEffect(() => {
    let alive = true;
    if (waiting && !awayChunk) loadAway(ctx.language, ctx.settings.strings, () => alive).then(setAwayChunk, reportFailure);
    return () => void (alive = false);
  }, [waiting]);

  const last = c.messages.at(-1);
  // "Seen" under the visitor's last message, once the agent read it (and nothing came after).
  const seen = !!last && last.from === 'visitor' && last.state === 'sent' && last.key === c.seen;

  // Keeping the place: the panel's body is what scrolls (the composer is docked in it).
  const scroller = (): HTMLElement | null | undefined => log.current?.closest<HTMLElement>('.ll-body');
  const [scrolledUp, setScrolledUp] = useState(false);
  const up = useRef(false);
  const [unread, setUnread] = useState(0);
  const shown = useRef(0);
  useEffect(() => {
    const el = scroller();
    if (!el) return;
    // Away from the bottom only when the visitor scrolls (wheel, touch, keys, the scroll bar): a
    // resize or a reflow (a rotation, the keyboard, the page turning right-to-left) that moves
    // the bottom away is not the visitor leaving it.
    let byVisitor = false;
    const intent = (): void => void (byVisitor = true);
    const onScroll = (): void => {
      up.current = leftBottom(up.current, el, byVisitor);
      byVisitor = false;
      setScrolledUp(up.current);
      if (!up.current) setUnread(0);
    };
    const inputs = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;
    for (const type of inputs) el.addEventListener(type, intent, { passive: true });
    // At the bottom, it stays there when the panel or the conversation changes size (a phone's
    // keyboard opening, a rotation, a longer status): only the visitor's own scrolling leaves it.
    const observer = typeof ResizeObserver == 'function' ? new ResizeObserver(() => up.current || (el.scrollTop = el.scrollHeight)) : null;
    observer?.observe(el);
    if (log.current) observer?.observe(log.current);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer?.disconnect();
      el.removeEventListener('scroll', onScroll);
      for (const type of inputs) el.removeEventListener(type, intent);
    };
  }, []);
  const toLatest = (): void => {
    const el = scroller();
    if (el) el.scrollTop = el.scrollHeight;
    setUnread(0);
  };
  useLayoutEffect(() => {
    const added = c.messages.slice(shown.current);
    shown.current = c.messages.length;
    const el = scroller();
    if (!el) return;
    if (follows(!up.current, added.some((m) => m.from === 'visitor'))) toLatest();
    else setUnread((n) => n + added.length);
  }, [c.messages.length, c.agentTyping, seen]);
  const jump = (): void => {
    toLatest();
    box.current?.focus();
  };

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
  /** The box grows with the text, up to COMPOSER_MAX_PX (through the CSSOM: no inline style attribute, CSP allows it). */
  const fit = (): void => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, COMPOSER_MAX_PX)}px`;
  };
  useLayoutEffect(fit, [draft]);

  const submit = (event: Event): void => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    session.send(text);
    setDraft('');
    clearTimeout(typingTimer.current);
    typingTimer.current = undefined;
  };

  const groups = groupMessages(c.messages);
  const time = new Intl.DateTimeFormat(ctx.language, { hour: 'numeric', minute: '2-digit' });

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
            chat is open, End chat, which asks first: the console says the visitor ended it, and
            the rating follows. */}
        {c.ref && <span>{s.ref(c.ref)}</span>}
        {!closed && !confirming && (
          <>
            {c.ref && ' · '}
            <button type="button" class="ll-link-button" ref={endButton} onClick={() => setConfirming(true)}>{s.endChat}</button>
          </>
        )}
      </p>
      {!closed && confirming && (
        <EndConfirm
          s={s}
          onEnd={() => {
            setConfirming(false);
            void session.cancel();
          }}
          onKeep={() => {
            setConfirming(false);
            setTimeout(() => endButton.current?.focus());
          }}
        />
      )}
      <div class="ll-log" role="log" aria-live="polite" aria-relevant="additions" ref={log}>
        {groups.map((g) => (
          <Group key={g.key} g={g} s={s} time={time} onRetry={(key) => session.retry(key)}>
            {(m) => (
              <>
                {m.article && <ArticleCard article={m.article} s={s} onOpen={openArticle} />}
                {m.attachments && files && <files.Files ctx={ctx} session={session} m={m} />}
              </>
            )}
          </Group>
        ))}
      </div>
      {seen && <p class="ll-seen ll-muted">{s.seen}</p>}
      {c.agentTyping && c.agentName && <p class="ll-muted ll-small" aria-live="polite">{s.typing(c.agentName)}</p>}
      {closed ? (
        <>
          {/* The conversation by e-mail when an address is known, then: did we keep the promise?
              Asked once the agent resolved it or the visitor ended it. */}
          {c.id && c.token && <Rate ctx={ctx} id={c.id} token={c.token} />}
          <button type="button" class="ll-pill ll-plain" onClick={onAgain}>{s.again}</button>
        </>
      ) : (
        // Docked at the bottom of the panel, above the human bar (live.css). Its parts sit in one
        // row: more buttons (attach) slot in beside Send.
        <div class="ll-dock">
          {scrolledUp && (
            <button type="button" class={`ll-jump ll-pill ${unread ? 'll-accent' : 'll-plain'}`} onClick={jump}>
              {s.jump}
            </button>
          )}
          <form class="ll-composer" onSubmit={submit}>
            {files && <files.Attach ctx={ctx} session={session} chat={root} box={box} />}
            <textarea
              ref={box}
              class="ll-input"
              aria-label={s.message}
              placeholder={s.placeholder}
              data-focus-here
              rows={1}
              maxLength={4000}
              value={draft}
              onInput={(e) => {
                setDraft((e.currentTarget as HTMLTextAreaElement).value);
                typing();
              }}
              onKeyDown={(e) => {
                // Enter sends; Shift+Enter breaks the line; an IME composing a word keeps its Enter.
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
              }}
            />
            <button type="submit" class="ll-pill ll-accent">{s.send}</button>
          </form>
        </div>
      )}
    </div>
  );
}

/**
 * End chat's confirmation, inside the panel: an alertdialog that takes focus on its safe
 * choice (Keep chatting); Escape keeps the chat too (and does not close the panel).
 */
function EndConfirm({ s, onEnd, onKeep }: { s: LiveStrings; onEnd(): void; onKeep(): void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => keep.current?.focus(), []);
  return (
    <div
      class="ll-card ll-confirm"
      role="alertdialog"
      aria-labelledby="ll-end-q"
      aria-describedby="ll-end-note"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        onKeep();
      }}
    >
      <p id="ll-end-q" class="ll-confirm-q">{s.endQuestion}</p>
      <p id="ll-end-note" class="ll-small">{s.endNote}</p>
      <div class="ll-row">
        <button type="button" class="ll-pill ll-accent" onClick={onEnd}>{s.endChat}</button>
        <button type="button" class="ll-pill ll-plain" ref={keep} onClick={onKeep}>{s.keepChatting}</button>
      </div>
    </div>
  );
}

/** One sender's run of messages: their name (and an agent's initials) and the time, once; `children` adds what a message carries (an article's card, files). */
function Group({ g, s, time, onRetry, children }: { g: MessageGroup; s: LiveStrings; time: Intl.DateTimeFormat; onRetry(key: string): void; children(m: ChatMessage): ComponentChildren }) {
  const mine = g.from === 'visitor';
  const name = mine ? s.you : g.author ?? s.support;
  return (
    <div class={`ll-group ${mine ? 'll-group-mine' : 'll-group-theirs'}`}>
      {/* Seen, not read out: each message says who wrote it (Bubble), so a new one in the group is announced whole. */}
      <div class="ll-group-head" aria-hidden="true">
        {!mine && <span class="ll-avatar">{initials(name)}</span>}
        <bdi class="ll-group-name">{name}</bdi>
        <time dateTime={g.at}>{time.format(new Date(g.at))}</time>
      </div>
      {g.messages.map((m) => (
        <Bubble key={`${m.from}:${m.key}`} m={m} name={name} s={s} onRetry={() => onRetry(m.key)}>
          {children(m)}
        </Bubble>
      ))}
    </div>
  );
}

function Bubble({ m, name, s, onRetry, children }: { m: ChatMessage; name: string; s: LiveStrings; onRetry(): void; children?: ComponentChildren }) {
  const mine = m.from === 'visitor';
  return (
    <p class={`ll-msg ${mine ? 'll-mine' : 'll-theirs'}`}>
      <span class="ll-sr">{name}: </span>
      {/* Each message in its own direction (an Arabic line on an English page reads right to left). */}
      {m.text && <span class="ll-msg-text" dir="auto">{m.text}</span>}
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
