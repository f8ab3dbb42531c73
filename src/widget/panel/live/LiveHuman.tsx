/**
 * The ways to a person when the site has a handoff backend (data-backend): chat, a callback at
 * a free slot, or the phone with a reference to quote. Loaded as a chunk of its own, only by
 * visitors who ask for a person on a site with a backend; the hours and availability views come
 * from the hours chunk (LiveLoader loads both). The phone stays in the human bar throughout.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallbackRequest, CallbackSlot, Channel } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import type { LiveStrings, PanelStrings } from '../strings';
import type { HoursModule } from '../useHours';
import type { StatusState } from '../hours/local';
import { EmailCard, PhoneCard, TriedCard, useSummary } from '../HumanView';
import { telHref } from '../../tel';
import { isClosed } from '../../transport/conversation';
import { createClient } from '../../transport/client';
import type { HumanSession } from '../../transport/session';
import { useSession } from './useSession';

export { sessionFor } from './useSession';
export { loadLiveStrings } from './liveStrings';
import { handoffParts } from './request';
import { ChatView } from './ChatView';
import liveCss from '../../styles/live.css?inline';

const STATUS_REFRESH_MS = 30_000;
/** How long a call waits for its phone handoff's reference before dialling without it. */
export const PHONE_HANDOFF_WAIT_MS = 1_500;

/**
 * /v1/status, refreshed while the panel is open (and when `again` changes); null until known,
 * 'down' when unreachable.
 */
function useStatus(backend: string, open: boolean, again: unknown): StatusState {
  const [status, setStatus] = useState<StatusState>(null);
  useEffect(() => {
    if (!open) return;
    const client = createClient(backend);
    let live = true;
    const load = (): void => {
      client.status().then(
        (s) => live && setStatus(s),
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
  return status;
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
  const status = useStatus(ctx.settings.backend!, open, refusedCallback);
  const [choosing, setChoosing] = useState<{ slot: CallbackSlot | null } | null>(null);
  const [calling, setCalling] = useState(false);
  const dialing = useRef(false);
  const lines = useSummary(ctx, strings);
  const { settings } = ctx;
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

  // One click reaches a person: with only chat open there is nothing to choose.
  const known = typeof status === 'object' && status;
  const onlyChat = known && status.channels.chat.open && !status.channels.callback.open && !settings.phone;
  useEffect(() => {
    if (onlyChat && !conversation) start('chat');
  }, [onlyChat]);

  // The session knows best once it talks to the server; the status poll may be up to 30 s old.
  const offline = !link.online || (status === 'down' && !active?.id);

  let body;
  if (active?.channel === 'chat' || (conversation?.channel === 'chat' && isClosed(conversation) && conversation.messages.length)) {
    body = <ChatView session={session} s={s} closedBack={hours.chatClosedBack(ctx, status, Date.now())} onAgain={() => session.forget()} />;
  } else if (choosing || refusedCallback) {
    body = (
      <hours.CallbackForm
        ctx={ctx}
        s={s}
        status={status}
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
    body = <hours.CallbackDone ctx={ctx} conversation={active} s={s} onCancel={() => void session.cancel()} />;
  } else if (active?.channel === 'phone' && !calling) {
    body = (
      <section class="ll-card" aria-live="polite">
        <p class="ll-ref">{active.ref ? s.ref(active.ref) : s.sending}</p>
        <p>{s.quoteRef}</p>
        <a class="ll-pill ll-accent ll-block" href={telHref(settings.phone, dialString(active.ref))}>{strings.call} {settings.phone}</a>
        {/* The reference stays valid for the agent; the visitor may still prefer to chat. */}
        <button type="button" class="ll-link-button ll-small" onClick={() => session.forget()}>{s.otherWays}</button>
      </section>
    );
  } else {
    body = (
      <>
        {conversation?.status === 'cancelled' && <p class="ll-note" role="status">{s.cancelled}</p>}
        <hours.ChannelChoice
          ctx={ctx}
          s={s}
          status={status}
          phoneHref={settings.phone ? telHref(settings.phone, settings.phoneDial) : null}
          calling={calling}
          onChat={() => start('chat')}
          onCallback={(slot) => setChoosing({ slot: slot ?? null })}
          onCall={call}
        />
      </>
    );
  }

  return (
    <div class="ll-view ll-human">
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.talkToHuman}</h3>
      {offline && <p class="ll-alert" role="status">{s.offline}</p>}
      {link.error && !refusedCallback && <p class="ll-alert" role="alert">{s.failed(link.error)}</p>}
      {body}
      {!active && <PhoneCard ctx={ctx} strings={strings} status={status} />}
      {!active && <EmailCard ctx={ctx} strings={strings} lines={lines} />}
      {/* During a chat the person already has it; the list would push the conversation away. */}
      {active?.channel !== 'chat' && <TriedCard ctx={ctx} strings={strings} lines={lines} />}
    </div>
  );
}
