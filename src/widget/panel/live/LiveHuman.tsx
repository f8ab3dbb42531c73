/**
 * The ways to a person when the site has a handoff backend (data-backend): chat, a callback,
 * or the phone with a reference to quote. Loaded as a chunk of its own, only by visitors who
 * ask for a person on a site with a backend. The phone stays in the human bar throughout.
 */
import { useEffect, useState } from 'preact/hooks';
import type { BackendStatus, CallbackRequest, Channel } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import type { LiveStrings, PanelStrings } from '../strings';
import { EmailCard, PhoneCard, TriedCard, useSummary } from '../HumanView';
import { telHref } from '../../tel';
import { isClosed } from '../../transport/conversation';
import { createClient } from '../../transport/client';
import { useSession } from './useSession';

export { sessionFor } from './useSession';
export { loadLiveStrings } from './liveStrings';
import { handoffParts } from './request';
import { ChatView } from './ChatView';
import { CallbackForm, CallbackDone } from './CallbackForm';
import liveCss from '../../styles/live.css?inline';

const STATUS_REFRESH_MS = 30_000;

/** /v1/status, refreshed while the view is open; null until known, 'down' when unreachable. */
function useStatus(backend: string): BackendStatus | null | 'down' {
  const [status, setStatus] = useState<BackendStatus | null | 'down'>(null);
  useEffect(() => {
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
  }, [backend]);
  return status;
}

export default function LiveHuman({ ctx, strings, live, onHandoff }: { ctx: PanelCtx; strings: PanelStrings; live: LiveStrings; onHandoff(channel: Channel): void }) {
  const s = live;
  useEffect(() => ctx.addStyles(liveCss), []);
  const session = useSession(ctx);
  const status = useStatus(ctx.settings.backend!);
  const [choosing, setChoosing] = useState<Channel | null>(null);
  const lines = useSummary(ctx, strings);
  const conversation = session.conversation();
  const link = session.link();
  const open = (channel: Channel): boolean => typeof status !== 'object' || !status || status.channels[channel].open;

  const start = (channel: Channel, callback?: CallbackRequest): void => {
    onHandoff(channel);
    session.start(channel, handoffParts(ctx), callback);
    setChoosing(null);
  };

  // One click reaches a person: with only chat open there is nothing to choose.
  const onlyChat = typeof status === 'object' && status && open('chat') && !open('callback') && !ctx.settings.phone;
  useEffect(() => {
    if (onlyChat && !conversation) start('chat');
  }, [onlyChat]);

  const active = conversation && !isClosed(conversation) ? conversation : null;
  // The session knows best once it talks to the server; the status poll may be up to 30 s old.
  const offline = !link.online || (status === 'down' && !active?.id);

  let body;
  if (active?.channel === 'chat' || (conversation?.channel === 'chat' && isClosed(conversation) && conversation.messages.length)) {
    body = <ChatView session={session} s={live} onAgain={() => session.forget()} />;
  } else if (active?.channel === 'callback') {
    body = <CallbackDone conversation={active} s={live} onCancel={() => void session.cancel()} />;
  } else if (active?.channel === 'phone') {
    const dial = ctx.settings.phoneDial + (ctx.settings.phoneRef === 'dial' && active.ref ? `,${active.ref}#` : '');
    body = (
      <section class="ll-card" aria-live="polite">
        <p class="ll-ref">{active.ref ? s.ref(active.ref) : s.sending}</p>
        <p>{s.quoteRef}</p>
        <a class="ll-pill ll-accent ll-block" href={telHref(ctx.settings.phone, dial)}>{strings.call} {ctx.settings.phone}</a>
        {/* The reference stays valid for the agent; the visitor may still prefer to chat. */}
        <button type="button" class="ll-link-button ll-small" onClick={() => session.forget()}>{s.otherWays}</button>
      </section>
    );
  } else if (choosing === 'callback') {
    body = <CallbackForm s={live} phone={ctx.visitor().phone ?? ''} onSubmit={(cb) => start('callback', cb)} />;
  } else {
    body = (
      <>
        {conversation?.status === 'cancelled' && <p class="ll-note" role="status">{s.cancelled}</p>}
        <h4 class="ll-card-title">{s.choose}</h4>
        <ul class="ll-channels">
          <ChannelOption label={s.chat} note={open('chat') ? s.chatNote(waitMinutes(status), agents(status)) : s.closed} onClick={() => start('chat')} />
          <ChannelOption label={s.callback} note={open('callback') ? s.callbackNote : s.closed} onClick={() => setChoosing('callback')} />
          {ctx.settings.phone && <ChannelOption label={s.phone} note={s.phoneNote} onClick={() => start('phone')} />}
        </ul>
      </>
    );
  }

  return (
    <div class="ll-view ll-human">
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{strings.talkToHuman}</h3>
      {offline && <p class="ll-alert" role="status">{s.offline}</p>}
      {link.error && <p class="ll-alert" role="alert">{s.failed(link.error)}</p>}
      {body}
      {!active && <PhoneCard ctx={ctx} strings={strings} />}
      {!active && <EmailCard ctx={ctx} strings={strings} lines={lines} />}
      {/* During a chat the person already has it; the list would push the conversation away. */}
      {active?.channel !== 'chat' && <TriedCard ctx={ctx} strings={strings} lines={lines} />}
    </div>
  );
}

function ChannelOption(props: { label: string; note: string; onClick(): void }) {
  return (
    <li>
      <button type="button" class="ll-channel" onClick={props.onClick}>
        <span class="ll-channel-label">{props.label}</span>
        <span class="ll-channel-note">{props.note}</span>
      </button>
    </li>
  );
}

const waitMinutes = (status: BackendStatus | null | 'down'): number | null =>
  typeof status === 'object' && status?.chatWaitSeconds != null ? Math.max(1, Math.round(status.chatWaitSeconds / 60)) : null;
const agents = (status: BackendStatus | null | 'down'): number => (typeof status === 'object' && status ? status.agentsOnline : 0);
