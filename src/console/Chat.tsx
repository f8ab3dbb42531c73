/**
 * The live chat with the visitor: the messages (text only), "typing…" both ways, and the
 * composer. Enter sends, Shift+Enter makes a new line.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Message } from '../protocol/types';
import { api } from './api';
import { clock } from './format';

/** Typing is re-sent at most this often while the agent keeps typing... */
const TYPING_REPEAT_MS = 3000;
/** ...and cleared after this long without a keystroke. */
const TYPING_IDLE_MS = 4000;

interface ChatProps {
  handoffId: string;
  messages: Message[];
  visitorTyping: boolean;
  /** Closed handoffs, or ones another agent has, cannot be written to. */
  canWrite: boolean;
  onSent: (message: Message) => void;
}

export function Chat({ handoffId, messages, visitorTyping, canWrite, onSent }: ChatProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const typingSentAt = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const log = useRef<HTMLDivElement>(null);

  const setTyping = (typing: boolean): void => {
    api.typing(handoffId, typing).catch((e: unknown) => console.warn('[Lifeline console] typing not sent', e));
  };

  const stopTyping = (): void => {
    clearTimeout(idle.current);
    if (typingSentAt.current !== 0) {
      typingSentAt.current = 0;
      setTyping(false);
    }
  };

  // Leaving the page stops "typing…" on the visitor's side.
  useEffect(() => () => stopTyping(), [handoffId]);

  useEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length, visitorTyping]);

  const onInput = (value: string): void => {
    setText(value);
    if (!value.trim()) return stopTyping();
    const now = Date.now();
    if (now - typingSentAt.current > TYPING_REPEAT_MS) {
      typingSentAt.current = now;
      setTyping(true);
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = async (): Promise<void> => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    setError(null);
    try {
      onSent(await api.reply(handoffId, body));
      setText('');
      stopTyping();
    } catch (e) {
      // The text stays in the box so nothing is lost; the agent can send it again.
      setError(`Not sent: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <section class="card chat" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Chat</h2>
      <div class="messages" role="log" aria-label="Messages" ref={log} tabIndex={0}>
        <ol>
        {messages.length === 0 && <li class="muted">No messages yet.</li>}
        {messages.map((m) => (
          <li key={m.id} class={`msg ${m.from}`}>
            <span class="msg-meta">
              {m.from === 'visitor' ? 'Visitor' : (m.author ?? 'Agent')} · <time dateTime={m.at}>{clock(m.at)}</time>
            </span>
            <p>{m.text}</p>
          </li>
        ))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">
        {visitorTyping ? 'The visitor is typing…' : ''}
      </p>
      {canWrite && (
        <form
          class="composer"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label for="reply">Reply</label>
          <textarea
            id="reply"
            rows={3}
            maxLength={4000}
            value={text}
            onInput={(e) => onInput(e.currentTarget.value)}
            onBlur={stopTyping}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void send();
              }
            }}
          />
          <div role="alert" class="error">{error}</div>
          <button type="submit" class="primary" disabled={sending}>
            Send
          </button>
        </form>
      )}
    </section>
  );
}
