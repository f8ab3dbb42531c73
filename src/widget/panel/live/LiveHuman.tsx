/**
 * The ways to a person when the site has a handoff backend (data-backend): chat, a callback at
 * a free slot, or the phone with a reference to quote. Loaded as a chunk of its own, only by
 * visitors who ask for a person on a site with a backend; the hours and availability views come
 * from the hours chunk (LiveLoader loads both). The phone stays in the human bar throughout.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { BackendStatus, CallbackRequest, CallbackSlot, Channel } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import type { LiveStrings, PanelStrings } from '../strings';
import type { HoursModule } from '../useHours';
import type { BackendWord } from '../hours/local';
import { EmailCard, PhoneCard, TriedCard, useSummary } from '../HumanView';
import { telHref } from '../../tel';
import { isClosed } from '../../transport/conversation';
import { createClient } from '../../transport/client';
import type { HumanSession } from '../../transport/session';
import { useSession } from './useSession';

export { sessionFor } from './useSession';
export { loadLiveStrings } from './liveStrings';
import { handoffParts } from './request';
import { ChatView, loadAway, reportFailure } from './ChatView';
import { useFocusOnChange } from '../useFocusOnChange';
import liveCss from '../../styles/live.css?inline';

const STATUS_REFRESH_MS = 30_000;
/** How long a call waits for its phone handoff's reference before dialling without it. */
export const PHONE_HANDOFF_WAIT_MS = 1_500;

type StatusState = BackendStatus | null | 'down';

/**
 * /v1/status, refreshed while the panel is open (and when `again` changes): `status` is null
 * until known, 'down' when unreachable; `last` is the last answer it gave (for the hours it said).
 */
function useStatus(backend: string, open: boolean, again: unknown): { status: StatusState; last: BackendStatus | null } {
  const [status, setStatus] = useState<StatusState>(null);
  const last = useRef<BackendStatus | null>(null);
  useEffect(() => {
    if (!open) return;
    const client = createClient(backend);
    let live = true;
    const load = (): void => {
      client.status().then(
        (s) => {
          if (!live) return;
          last.current = s;
          setStatus(s);
        },
        () => live && setStatus('down'),
      );
    };
    load();
    const timer = setInterval(load, STATUS_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [backend, open, again]);
  return { status, last: last.current };
}

/** The session's reference once the server gave it, or null after `ms` (or once it is offline). */
function refWithin(session: HumanSession, ms: number): Promise<string | null> {
  return new Promise((resolve) => {
    const settle = (): void => {
      clearTimeout(timer);
      stop();
      resolve(session.conversation()?.ref ?? null);
    };
    const stop = session.subscribe(() => {
      if (session.conversation()?.ref || !session.link().online || session.link().error) settle();
    });
    const timer = setTimeout(settle, ms);
  });
}

interface Props {
  ctx: PanelCtx;
  strings: PanelStrings;
  live: LiveStrings;
  hours: HoursModule;
  open: boolean;
  onHandoff(channel: Channel): void;
}

export default function LiveHuman({ ctx, strings, live: s, hours, open, onHandoff }: Props) {
  useEffect(() => ctx.addStyles(liveCss), []);
  const session = useSession(ctx);
  const conversation = session.conversation();
  const link = session.link();
  const active = conversation && !isClosed(conversation) ? conversation : null;
  // A callback the server refused (its slot was just taken): choose again, told why, from the
  // free slots as they are now.
  const refusedCallback = active?.channel === 'callback' && !active.id && link.error;
  const { status, last } = useStatus(ctx.settings.backend!, open, refusedCallback);
  const [choosing, setChoosing] = useState<{ slot: CallbackSlot | null } | null>(null);
  // Opened from an e-mailed reply's link (the loader read its key): the conversation it opens,
  // or why it did not. Taken once.
  const [reopening] = useState(() => {
    const value = ctx.reopen;
    ctx.reopen = undefined;
    return value;
  });
  const [reopenProblem, setReopenProblem] = useState<ComponentChild>(null);
  useEffect(() => void (reopening && loadAway().then((m) => m.reopen(ctx, session, reopening)).then(setReopenProblem, reportFailure)), []);
  const [calling, setCalling] = useState(false);
  const dialing = useRef(false);
  const lines = useSummary(ctx, strings);
  const { settings } = ctx;
  // Each change of what the view shows (choice, form, confirmation, chat, reference) moves focus
  // to the new part and scrolls it into view; the heading when the part names nothing to focus.
  const view = useRef<HTMLDivElement>(null);
  const heading = (): HTMLElement | null | undefined => view.current?.querySelector<HTMLElement>('[data-view-heading]');
  // It replaces LiveLoader's heading, which had focus: if focus fell to <body>, take it.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (active === null || active === document.body) heading()?.focus();
  }, []);
  const dialString = (ref: string | null | undefined): string => settings.phoneDial + (settings.phoneRef === 'dial' && ref ? `,${ref}#` : '');

  const start = (channel: Channel, callback?: CallbackRequest): void => {
    onHandoff(channel);
    session.start(channel, handoffParts(ctx), callback);
    setChoosing(null);
  };

  /**
   * The phone: the click makes the phone handoff first, so whoever answers finds the transcript
   * by the reference, then dials (with the reference when data-phone-ref="dial"). It waits at
   * most PHONE_HANDOFF_WAIT_MS: a backend that is slow or down never stands between a visitor
   * and the phone.
   */
  const call = (event: MouseEvent): void => {
    if (dialing.current) return void (dialing.current = false); // our own click: the browser dials
    event.preventDefault();
    if (calling) return;
    const a = event.currentTarget as HTMLAnchorElement;
    setCalling(true);
    start('phone');
    void refWithin(session, PHONE_HANDOFF_WAIT_MS).then((ref) => {
      a.href = telHref(settings.phone, dialString(ref));
      dialing.current = true;
      a.click();
      setCalling(false);
    });
  };

  // The backend's word as every view reads it (hours/channels.ts). The session knows best once
  // it talks to the server; the status poll may be up to 30 s old.
  const word: BackendWord = hours.backendWord(status, last, { online: link.online, connected: !!active?.id });
  const offline = word.kind === 'unreachable';
  const channels = hours.channelsFor(word, settings, Date.now());

  // One click reaches a person: with only chat open there is nothing to choose.
  // Not while nobody is online: the view first says so, and that a message is answered by e-mail.
  const onlyChat = word.kind === 'answered' && channels.chat.state === 'open' && !channels.nobodyOnline && channels.callback.state === 'closed' && !settings.phone;
  useEffect(() => {
    if (onlyChat && !conversation && !reopening) start('chat');
  }, [onlyChat]);

  let body;
  let part: 'chat' | 'form' | 'done' | 'phone' | 'choice';
  if (active?.channel === 'chat' || (conversation?.channel === 'chat' && isClosed(conversation) && conversation.messages.length)) {
    part = 'chat';
    body = (
      <ChatView
        ctx={ctx}
        session={session}
        s={s}
        away={hours.chatAway(ctx, s, word, Date.now())}
        nobodyOnline={typeof status == 'object' && status?.agentsOnline === 0}
        onAgain={() => session.forget()}
      />
    );
  } else if (choosing || refusedCallback) {
    part = 'form';
    body = (
      <hours.CallbackForm
        ctx={ctx}
        s={s}
        word={word}
        phone={active?.callback?.phone ?? ctx.visitor().phone ?? ''}
        initial={choosing?.slot ?? null}
        error={refusedCallback ? link.error : null}
        onSubmit={(cb) => {
          if (refusedCallback) session.forget();
          start('callback', cb);
        }}
      />
    );
  } else if (active?.channel === 'callback') {
    part = 'done';
    body = <hours.CallbackDone ctx={ctx} conversation={active} s={s} onCancel={() => void session.cancel()} />;
  } else if (active?.channel === 'phone' && !calling) {
    part = 'phone';
    body = (
      <section class="ll-card" aria-live="polite">
        <p class="ll-ref" tabIndex={-1} data-focus-here>{active.ref ? s.ref(active.ref) : s.sending}</p>
        <p>{s.quoteRef}</p>
        {/* A big Call button says nothing of the hours: when nobody answers, say so beside it. */}
        <hours.PhoneClosedNote ctx={ctx} word={word} />
        <a class="ll-pill ll-accent ll-block" href={telHref(settings.phone, dialString(active.ref))}>{strings.call} {settings.phone}</a>
        {/* The reference stays valid for the agent; the visitor may still prefer to chat. */}
        <button type="button" class="ll-link-button ll-small" onClick={() => session.forget()}>{s.otherWays}</button>
      </section>
    );
  } else {
    part = 'choice';
    body = (
      <>
        {/* A phone reference closes by itself at the end of its day: nothing the visitor asked was cancelled. */}
        {conversation?.status === 'cancelled' && conversation.channel !== 'phone' && <p class="ll-note" role="status">{s.cancelled}</p>}
        <hours.ChannelChoice
          ctx={ctx}
          s={s}
          word={word}
          phoneHref={settings.phone ? telHref(settings.phone, settings.phoneDial) : null}
          calling={calling}
          onChat={() => start('chat')}
          onCallback={(slot) => setChoosing({ slot: slot ?? null })}
          onCall={call}
        />
      </>
    );
  }

  useFocusOnChange(part, () => view.current?.querySelector<HTMLElement>('[data-focus-here]') ?? heading());

  return (
    // ll-chat-view: the chat fills the body, its composer docked at the bottom; ll-chatting: while
    // it is open the footer keeps the phone but not "Talk to a human", which this is (live.css).
    <div class={`ll-view ll-human${part === 'chat' ? ' ll-chat-view' : ''}${part === 'chat' && active ? ' ll-chatting' : ''}`} ref={view}>
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.talkToHuman}</h3>
      {offline && <p class="ll-alert" role="status">{channels.phone.state === 'open' && settings.phone ? `${s.offline} ${s.offlineCall}` : s.offline}</p>}
      {link.error && !refusedCallback && <p class="ll-alert" role="alert">{s.failed(link.error)}</p>}
      {reopenProblem}
      {body}
      {!active && <PhoneCard ctx={ctx} strings={strings} word={word} />}
      {!active && <EmailCard ctx={ctx} strings={strings} lines={lines} />}
      {/* During a chat the person already has it; the list would push the conversation away. */}
      {/* With it, a verified visitor's earlier conversations (HistoryCard). */}
      {active?.channel !== 'chat' && <TriedCard ctx={ctx} strings={strings} lines={lines} />}
    </div>
  );
}
