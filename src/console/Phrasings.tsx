/**
 * Learned phrasings: what visitors searched before an agent named the article that answered
 * them, grouped by article, each with how often it was learned, whether visitors are served it
 * yet, a Confirm button for a pending one (served from then on) and a Remove button (a removed
 * phrasing is never learned again for that article). Visitor text is shown as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AgentPhrasing } from '../server/api/agent-types';
import { api, ApiError } from './api';
import { dateTime } from './format';
import { useArticleTitles } from './useArticleTitles';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The phrasings by article, in the server's order (by article id, most learned first). */
function byArticle(phrasings: readonly AgentPhrasing[]): Array<[string, AgentPhrasing[]]> {
  const groups = new Map<string, AgentPhrasing[]>();
  for (const p of phrasings) groups.set(p.articleId, [...(groups.get(p.articleId) ?? []), p]);
  return [...groups];
}

/** Ids for headings: an article id may hold characters an element id should not. */
const headingId = (index: number): string => `phrasings-article-${index}`;

export function Phrasings({ onSignedOut }: { onSignedOut: () => void }) {
  const [phrasings, setPhrasings] = useState<AgentPhrasing[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const titles = useArticleTitles();

  useEffect(() => {
    api.phrasings().then(setPhrasings, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setLoadError(errorText(e));
    });
  }, [onSignedOut]);

  const remove = async (p: AgentPhrasing): Promise<void> => {
    setBusy(p.id);
    setActionError(null);
    try {
      await api.removePhrasing(p.id);
      const rest = (phrasings ?? []).filter((x) => x.id !== p.id);
      setPhrasings(rest);
      setSaid(`Removed “${p.text}” from ${p.articleId}. It will not be learned again for this article.`);
      // The button is gone: focus goes to what follows it, so the keyboard does not fall to the page's top.
      const next = rest.find((x) => x.articleId === p.articleId);
      requestAnimationFrame(() => document.getElementById(next ? `remove-${next.id}` : 'phrasings-heading')?.focus());
    } catch (e) {
      setActionError(`Could not remove “${p.text}”: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const confirm = async (p: AgentPhrasing): Promise<void> => {
    setBusy(p.id);
    setActionError(null);
    try {
      const confirmed = await api.confirmPhrasing(p.id);
      setPhrasings((list) => (list ?? []).map((x) => (x.id === p.id ? confirmed : x)));
      setSaid(`Confirmed “${p.text}”: visitors are served it from now on.`);
      // The button is gone: focus goes to the phrasing's Remove button, beside where it was.
      requestAnimationFrame(() => document.getElementById(`remove-${p.id}`)?.focus());
    } catch (e) {
      setActionError(`Could not confirm “${p.text}”: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const groups = phrasings ? byArticle(phrasings) : [];
  return (
    <>
      <h1 id="phrasings-heading" tabIndex={-1}>
        Learned phrasings
      </h1>
      <p class="muted lead">
        When you resolve a handoff with the article that answered it, the searches of that visitor you leave ticked are learned
        here as phrasings of the article. A phrasing is pending until a second handoff teaches it or you confirm it; then the
        help widget uses it, so that the next visitor who asks the same way finds the article. Remove a phrasing that does not
        fit: it will not be learned again for that article.
      </p>
      <p role="status" class="said">
        {said}
      </p>
      <div role="alert" class="error">
        {actionError ?? loadError}
      </div>
      {phrasings === null ? (
        !loadError && <p class="muted">Loading the phrasings…</p>
      ) : groups.length === 0 ? (
        <p class="empty">
          No phrasings learned yet. They appear here once a handoff is resolved with the article that answered it, from what
          that visitor searched.
        </p>
      ) : (
        <div class="phrasing-groups">
          {groups.map(([articleId, list], i) => (
            <section key={articleId} class="card" aria-labelledby={headingId(i)}>
              <h2 id={headingId(i)}>
                {titles?.has(articleId) ? titles.get(articleId) : 'Article'} <code>{articleId}</code>{' '}
                <span class="muted count">· {list.length === 1 ? '1 phrasing' : `${list.length} phrasings`}</span>
              </h2>
              <ul class="phrasings">
                {list.map((p) => (
                  <li key={p.id}>
                    <q class="phrasing-text">{p.text}</q>
                    <span class="muted phrasing-meta">
                      <strong class={p.served ? 'served' : 'pending'}>{p.served ? 'Served' : 'Pending'}</strong>
                      {p.confirmedAt ? ' (confirmed)' : ''} · learned {p.count === 1 ? 'once' : `${p.count} times`}, last on{' '}
                      <time dateTime={p.lastLearnedAt}>{dateTime(p.lastLearnedAt)}</time>
                      {p.handoff && (
                        <>
                          {' '}
                          from <a href={`#/handoff/${p.handoff.id}`}>Ref {p.handoff.ref}</a>
                        </>
                      )}
                    </span>
                    {p.served ? (
                      <span />
                    ) : (
                      <button
                        type="button"
                        aria-label={`Confirm "${p.text}"`}
                        disabled={busy === p.id}
                        onClick={() => void confirm(p)}
                      >
                        Confirm
                      </button>
                    )}
                    <button
                      type="button"
                      id={`remove-${p.id}`}
                      aria-label={`Remove "${p.text}"`}
                      disabled={busy === p.id}
                      onClick={() => void remove(p)}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
