/**
 * The live chat with the visitor: the messages (text only), "typing…" both ways, and the
 * composer. Enter sends, Shift+Enter makes a new line.
 *
 * A reply is an outbox entry with its own clientMessageId until the server has it: a passing
 * failure (the server restarting, the network) keeps it in the log as "not sent yet" and sends it
 * again, with the same id, once the server is back, so it arrives once and is never lost; a
 * refusal puts the text back in the box with the server's reason.
 *
 * Files (Attach a file, a file dropped on the chat, an image pasted into the box) go through the
 * same outbox, each a message of its own; their type is checked by content before they are sent
 * (src/protocol/attachments.ts), and the server checks again and says why it refuses one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Message, MessageArticle, TranscriptEntry } from '../protocol/types';
import { api, ApiError } from './api';
import { clock } from './format';
import { isPassing } from './messages';
import { readAt } from './article-pick';
import { ArticleMessage, SendArticle } from './SendArticle';
import { Attachments } from './Attachments';
import { useStrings } from './strings';
import { SNIFF_BYTES, sniffType } from '../protocol/attachments';

/** Typing is re-sent at most this often while the agent keeps typing... */
const TYPING_REPEAT_MS = 3000;
/** ...and cleared after this long without a keystroke. */
const TYPING_IDLE_MS = 4000;
/** Waits between tries of a reply that could not reach the server (also tried when the stream is back). */
const RESEND_MS = [1_000, 2_000, 3_000];

interface Pending {
  clientMessageId: string;
  /** The reply, or the file's name. */
  text: string;
  /** One of the site's articles sent with the text (which may then be empty). */
  article?: MessageArticle;
  /** A file to send as a message of its own. */
  file?: File;
  /** `waiting`: the last try did not reach the server; it is tried again. */
  state: 'sending' | 'waiting';
}

interface ChatProps {
  handoffId: string;
  messages: Message[];
  /** What the visitor did, for the articles on offer and whether a sent one was read. */
  transcript: readonly TranscriptEntry[];
  visitorTyping: boolean;
  /** Closed handoffs, or ones another agent has, cannot be written to. */
  canWrite: boolean;
  /** The visitor pressed End chat: said at the end of the conversation. */
  endedByVisitor?: boolean;
  /** False while the server cannot be reached; back to true is the moment to send what waits. */
  online: boolean;
  onSent: (message: Message) => void;
}

export function Chat({ handoffId, messages, transcript, visitorTyping, canWrite, endedByVisitor = false, online, onSent }: ChatProps) {
  const strings = useStrings();
  const t = strings.chat;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending[]>([]);
  /** The outbox as the sending loop sees it (state updates arrive a render later). */
  const outbox = useRef<Pending[]>([]);
  const flushing = useRef(false);
  const resendTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const failures = useRef(0);
  const mounted = useRef(true);
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
  }, [messages.length, pending.length, visitorTyping]);

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

  const update = (next: Pending[]): void => {
    outbox.current = next;
    if (mounted.current) setPending(next);
  };

  /** Sends the outbox in order; stops at a passing failure and tries again later. */
  const flush = async (): Promise<void> => {
    if (flushing.current) return;
    flushing.current = true;
    clearTimeout(resendTimer.current);
    try {
      while (outbox.current.length > 0 && mounted.current) {
        const first = outbox.current[0]!;
        update([{ ...first, state: 'sending' }, ...outbox.current.slice(1)]);
        try {
          const message = first.file
            ? await api.upload(handoffId, first.file, first.text, first.clientMessageId)
            : await api.reply(handoffId, first.text, first.clientMessageId, first.article);
          failures.current = 0;
          update(outbox.current.filter((p) => p.clientMessageId !== first.clientMessageId));
          onSent(message);
        } catch (e) {
          if (e instanceof ApiError && isPassing(e.status)) {
            update(outbox.current.map((p) => ({ ...p, state: 'waiting' })));
            resendTimer.current = setTimeout(() => void flush(), RESEND_MS[Math.min(failures.current++, RESEND_MS.length - 1)]);
            return;
          }
          // Refused as it is: the text goes back to the box with the reason, nothing is lost.
          update(outbox.current.filter((p) => p.clientMessageId !== first.clientMessageId));
          if (!first.file && first.text) setText((typed) => (typed.trim() ? `${first.text}\n${typed}` : first.text));
          setError(t.notSent(first.file ? first.text : null, e instanceof Error ? e.message : String(e)));
        }
      }
    } finally {
      flushing.current = false;
    }
  };

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(resendTimer.current);
    };
  }, []);

  // The stream is back: what waits goes now rather than at its next try.
  useEffect(() => {
    if (online && outbox.current.some((p) => p.state === 'waiting')) {
      failures.current = 0;
      void flush();
    }
  }, [online]);

  /** Sends the reply box, with an article when one is given (the text is its note then). */
  const send = (article?: MessageArticle): void => {
    const body = text.trim();
    if (!body && !article) return;
    setError(null);
    update([...outbox.current, { clientMessageId: crypto.randomUUID(), text: body, ...(article && { article }), state: 'sending' }]);
    setText('');
    stopTyping();
    void flush();
  };

  /** Files chosen, dropped or pasted: those of an accepted type join the outbox. */
  const attach = async (files: ArrayLike<File>): Promise<void> => {
    const refused: string[] = [];
    const taken: Pending[] = [];
    for (const file of Array.from(files)) {
      const type = sniffType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
      if (!type) refused.push(file.name || t.pastedFile);
      else taken.push({ clientMessageId: crypto.randomUUID(), text: file.name || `pasted.${type.split('/')[1]}`, file, state: 'sending' });
    }
    setError(refused.length ? t.refused(refused.join(', ')) : null);
    if (!taken.length) return;
    update([...outbox.current, ...taken]);
    void flush();
  };
  const fileInput = useRef<HTMLInputElement>(null);
  const [dropping, setDropping] = useState(false);
  const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer?.types.includes('Files');

  // A reply the server already has (its answer was lost, the stream brought it) is shown once.
  const sent = new Set(messages.map((m) => m.clientMessageId));
  const unsent = pending.filter((p) => !sent.has(p.clientMessageId));

  return (
    <section
      class={`card chat${dropping ? ' dropping' : ''}`}
      aria-labelledby="chat-heading"
      onDragOver={(e) => {
        if (!canWrite || !hasFiles(e)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={(e) => {
        if (!canWrite || !hasFiles(e)) return;
        e.preventDefault();
        setDropping(false);
        void attach(e.dataTransfer!.files);
      }}
    >
      <h2 id="chat-heading">{t.heading}</h2>
      <div class="messages" role="log" aria-label={t.messages} ref={log} tabIndex={0}>
        <ol>
        {messages.length === 0 && unsent.length === 0 && <li class="muted">{t.empty}</li>}
        {messages.map((m) => (
          <li key={m.id} class={`msg ${m.from}`}>
            <span class="msg-meta">
              <bdi>{m.from === 'visitor' ? t.visitor : (m.author ?? t.agent)}</bdi> · <time dateTime={m.at}>{clock(m.at, strings.locale)}</time>
            </span>
            {/* Each message takes its own direction: Arabic right to left, English left to right. */}
            {m.text && <p dir="auto">{m.text}</p>}
            {m.article && <ArticleMessage article={m.article} readAt={readAt(transcript, m.article, m.at)} />}
            {m.attachments && <Attachments handoffId={handoffId} files={m.attachments} />}
          </li>
        ))}
        {unsent.map((p) => (
          <li key={p.clientMessageId} class="msg agent unsent">
            <span class="msg-meta">
              {t.you} · {p.state === 'sending' ? t.sending : t.notSentYet}
            </span>
            {p.text && <p dir="auto">{p.text}</p>}
            {p.article && <ArticleMessage article={p.article} readAt={null} />}
          </li>
        ))}
        </ol>
      </div>
      <p class="typing" aria-live="polite">
        {endedByVisitor ? t.endedByVisitor : visitorTyping ? t.visitorTyping : ''}
      </p>
      {canWrite && (
        <form
          class="composer"
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <label for="reply">{t.reply}</label>
          {/* An agent writing Arabic or Hebrew sees it right to left as they type. */}
          <textarea
            dir="auto"
            id="reply"
            rows={3}
            maxLength={4000}
            value={text}
            onInput={(e) => onInput(e.currentTarget.value)}
            onBlur={stopTyping}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send();
              }
            }}
            onPaste={(e) => {
              // A pasted screenshot arrives as a file; pasted text is left to the box.
              const files = e.clipboardData?.files;
              if (!files?.length) return;
              e.preventDefault();
              void attach(files);
            }}
          />
          <div role="alert" class="error">{error}</div>
          {dropping && <p class="muted">{t.drop}</p>}
          <div class="composer-actions">
            <button type="button" onClick={() => fileInput.current?.click()}>
              {t.attach}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/webp,image/gif,application/pdf"
              multiple
              hidden
              aria-hidden="true"
              tabIndex={-1}
              onChange={(e) => {
                const el = e.currentTarget;
                if (el.files?.length) void attach(el.files).finally(() => (el.value = ''));
              }}
            />
            <SendArticle transcript={transcript} onSend={send} />
            <button type="submit" class="primary">
              {t.send}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
