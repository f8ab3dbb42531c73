/**
 * "Your conversations": a verified visitor's earlier conversations (GET /v1/history, keyed by
 * the identity token's `sub`, so the same on any device), newest first, each opened to read
 * who said what and when. A chunk of its own with its words, fetched by the human view only
 * when the page gave an identity token and the site has a backend. A refused token says why in
 * the visitor's words (and to the page's developer in the console), and never stands between
 * the visitor and a person: the ways to reach one stay below it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryConversation, Message } from '../../../protocol/types';
import type { PanelCtx } from '../context';
import { loadHistoryWords, type HistoryWords } from './words';
import { loadHistory, type HistoryResult } from './load';
import css from '../../styles/history.css?inline';

/** Said once per page: the site set up identify({token}) but this backend cannot check it. */
let warnedOff = false;

export function History({ ctx, token }: { ctx: PanelCtx; token: string }) {
  const [w, setWords] = useState<HistoryWords | null>(null);
  const [result, setResult] = useState<HistoryResult | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The next page: 0 none asked, 1 loading it, 2 it failed (said beside the button, which tries again).
  const [paging, setPaging] = useState(0);
  // Where the page just loaded begins: focus moves to it, so a keyboard or screen reader user
  // lands on what they asked for, not back at the top or on a button that is gone.
  const [firstNew, setFirstNew] = useState(-1);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => ctx.addStyles(css), []);
  useEffect(() => {
    if (firstNew >= 0) list.current?.children[firstNew]?.querySelector('summary')?.focus();
  }, [firstNew]);
  useEffect(() => {
    loadHistoryWords(ctx.language, ctx.settings.strings).then(setWords, (error: unknown) => console.error('[Lifeline] the history card could not be loaded.', error));
  }, []);
  useEffect(() => {
    let live = true;
    setResult(null);
    setPaging(0);
    void loadHistory(ctx.settings.backend!, token).then((r) => {
      if (!live) return;
      if (r.kind === 'refused') console.error(`[Lifeline] identify: ${r.error}`);
      if (r.kind === 'off' && !warnedOff) {
        warnedOff = true;
        console.warn(`[Lifeline] identify: the token is not used: ${r.error}`);
      }
      setResult(r);
    });
    return () => {
      live = false;
    };
  }, [token, attempt]);
  if (result?.kind === 'off' || !w) return null;
  const when = new Intl.DateTimeFormat(ctx.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="ll-card ll-history" aria-labelledby="ll-history-title" aria-busy={!result}>
      <h4 id="ll-history-title" class="ll-card-title">{w.title}</h4>
      {!result ? (
        <p class="ll-muted" role="status">{w.loading}</p>
      ) : result.kind === 'refused' ? (
        <p role="alert">{w.refused[result.code] ?? w.refused.identity_invalid}</p>
      ) : result.kind === 'offline' ? (
        <>
          <p role="status">{w.offline}</p>
          <button type="button" class="ll-pill ll-plain" onClick={() => setAttempt((n) => n + 1)}>{w.retry}</button>
        </>
      ) : result.conversations.length === 0 ? (
        <p class="ll-muted">{w.none}</p>
      ) : (
        <>
          <ul class="ll-history-list" ref={list}>
            {result.conversations.map((c) => <Conversation key={c.id} c={c} w={w} when={when} />)}
          </ul>
          {paging === 2 && <p role="status">{w.offline}</p>}
          {result.more && (
            <button
              type="button"
              class="ll-pill ll-plain"
              aria-busy={paging === 1}
              onClick={() => {
                if (paging === 1) return;
                setPaging(1);
                const shown = result.conversations;
                void loadHistory(ctx.settings.backend!, token, shown[shown.length - 1]!.id).then((next) => {
                  if (next.kind !== 'list') return setPaging(2);
                  setPaging(0);
                  // Only onto the list it was asked for (not one a new token has loaded since).
                  setResult((r) => (r?.kind === 'list' && r.conversations === shown ? { kind: 'list', conversations: [...shown, ...next.conversations], more: next.more } : r));
                  setFirstNew(shown.length);
                });
              }}
            >
              {w.earlier}
            </button>
          )}
        </>
      )}
    </section>
  );
}

function Conversation({ c, w, when }: { c: HistoryConversation; w: HistoryWords; when: Intl.DateTimeFormat }) {
  const closed = c.status === 'resolved' || c.status === 'cancelled';
  return (
    <li>
      <details>
        <summary>
          <time dateTime={c.createdAt}>{when.format(new Date(c.createdAt))}</time> · {w.channel[c.channel]} · {w.ref(c.ref)} · {closed ? w.closed : w.open}
        </summary>
        {c.messages.length > 0 && (
          <ol class="ll-history-messages">
            {c.messages.map((m) => <Line key={m.id} m={m} w={w} when={when} />)}
          </ol>
        )}
      </details>
    </li>
  );
}

function Line({ m, w, when }: { m: Message; w: HistoryWords; when: Intl.DateTimeFormat }) {
  return (
    <li class={m.from === 'visitor' ? 'll-from-you' : 'll-from-team'}>
      <p class="ll-history-meta">
        <strong>{m.from === 'visitor' ? w.you : (m.author ?? w.team)}</strong> · <time dateTime={m.at}>{when.format(new Date(m.at))}</time>
      </p>
      {m.text && <p class="ll-history-text">{m.text}</p>}
      {m.article && <p class="ll-muted">{w.article(m.article.title)}</p>}
      {m.attachments?.map((a) => <p key={a.id} class="ll-muted">{w.file(a.name)}</p>)}
    </li>
  );
}
