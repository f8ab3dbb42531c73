/**
 * "Send an article" in the chat's composer: the agent types an article's title (the list offers
 * the visitor's reads first, then the site's, as the resolve form does) and sends it; the
 * visitor gets a card that opens it in the help panel. Whatever is in the reply box goes with it
 * as a note.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageArticle, TranscriptEntry } from '../protocol/types';
import { articleChoices, pickArticle } from './article-pick';
import { useArticleTitles } from './useArticleTitles';
import { clock } from './format';
import { useStrings } from './strings';

export function SendArticle({ transcript, onSend }: { transcript: readonly TranscriptEntry[]; onSend(article: MessageArticle): void }) {
  const t = useStrings().sendArticle;
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState(false);
  const site = useArticleTitles();
  const choices = articleChoices(transcript, site);
  const picked = pickArticle(typed, choices);
  const input = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Focus follows the control: into the field when it opens, back to the button when it closes.
  useEffect(() => {
    if (open) input.current?.focus();
    else if (wasOpen.current) toggle.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const send = (): void => {
    if (!picked) return setProblem(true);
    onSend(picked);
    setTyped('');
    setProblem(false);
    setOpen(false);
  };

  if (!open) {
    return (
      <button type="button" class="send-article-toggle" ref={toggle} onClick={() => setOpen(true)}>
        {t.open}
      </button>
    );
  }
  return (
    <div class="send-article" role="group" aria-label={t.open}>
      <label for="send-article-title">
        {t.field}
      </label>
      <div class="send-article-row">
        <input
          id="send-article-title"
          type="text"
          list="send-article-options"
          autocomplete="off"
          aria-describedby="send-article-hint"
          aria-invalid={problem && !picked ? 'true' : undefined}
          value={typed}
          ref={input}
          onInput={(e) => {
            setTyped(e.currentTarget.value);
            setProblem(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              send();
            } else if (e.key === 'Escape') setOpen(false);
          }}
        />
        <button type="button" class="primary" onClick={send}>
          {t.send}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t.cancel}
        </button>
      </div>
      <datalist id="send-article-options">
        {[...choices].map(([articleId, title]) => (
          <option key={articleId} value={title} />
        ))}
      </datalist>
      <p id="send-article-hint" class={problem && !picked ? 'hint error' : 'hint muted'} aria-live="polite">
        {picked
          ? t.picked(picked.title)
          : problem
            ? choices.size
              ? t.pickOne
              : t.noneKnown
            : t.type}
      </p>
    </div>
  );
}

/** An article in the conversation: its title, and whether the visitor opened it since. */
export function ArticleMessage({ article, readAt }: { article: MessageArticle; readAt: string | null }) {
  const strings = useStrings();
  const t = strings.sendArticle;
  return (
    <span class="msg-article">
      <span class="kind">{t.kind}</span> <strong dir="auto">{article.title}</strong>
      <span class="muted">
        {' · '}
        {readAt ? (
          <>
            {t.readAt} <time dateTime={readAt}>{clock(readAt, strings.locale)}</time>
          </>
        ) : (
          t.notOpened
        )}
      </span>
    </span>
  );
}
