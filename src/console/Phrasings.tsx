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
import { useViewHeading } from './useViewHeading';
import { useStrings } from './strings';

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

  const strings = useStrings();
  const t = strings.phrasings;
  const titles = useArticleTitles();
  const heading = useViewHeading();

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
      setSaid(t.removed(p.text, p.articleId));
      // The button is gone: focus goes to what follows it, so the keyboard does not fall to the page's top.
      const next = rest.find((x) => x.articleId === p.articleId);
      requestAnimationFrame(() => document.getElementById(next ? `remove-${next.id}` : 'phrasings-heading')?.focus());
    } catch (e) {
      setActionError(t.removeFailed(p.text, errorText(e)));
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
      setSaid(t.confirmed(p.text));
      // The button is gone: focus goes to the phrasing's Remove button, beside where it was.
      requestAnimationFrame(() => document.getElementById(`remove-${p.id}`)?.focus());
    } catch (e) {
      setActionError(t.confirmFailed(p.text, errorText(e)));
    } finally {
      setBusy(null);
    }
  };

  const groups = phrasings ? byArticle(phrasings) : [];
  return (
    <>
      <h1 id="phrasings-heading" ref={heading} tabIndex={-1}>
        {t.heading}
      </h1>
      <p class="muted lead">{t.lead}</p>
      <p role="status" class="said">
        {said}
      </p>
      <div role="alert" class="error">
        {actionError ?? loadError}
      </div>
      {phrasings === null ? (
        !loadError && <p class="muted">{t.loading}</p>
      ) : groups.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <div class="phrasing-groups">
          {groups.map(([articleId, list], i) => (
            <section key={articleId} class="card" aria-labelledby={headingId(i)}>
              <h2 id={headingId(i)}>
                {titles?.has(articleId) ? <bdi>{titles.get(articleId)}</bdi> : t.article} <code dir="ltr">{articleId}</code>{' '}
                <span class="muted count">· {t.count(list.length)}</span>
              </h2>
              <ul class="phrasings">
                {list.map((p) => (
                  <li key={p.id}>
                    <q class="phrasing-text" dir="auto">{p.text}</q>
                    <span class="muted phrasing-meta">
                      <strong class={p.served ? 'served' : 'pending'}>{p.served ? t.served : t.pending}</strong>
                      {p.confirmedAt ? t.confirmedMark : ''} · {t.learned(p.count)}{' '}
                      <time dateTime={p.lastLearnedAt}>{dateTime(p.lastLearnedAt, strings.locale)}</time>
                      {p.handoff && (
                        <>
                          {' '}
                          {t.from} <a href={`#/handoff/${p.handoff.id}`}>{t.ref(p.handoff.ref)}</a>
                        </>
                      )}
                    </span>
                    {p.served ? (
                      <span />
                    ) : (
                      <button
                        type="button"
                        aria-label={t.confirmName(p.text)}
                        disabled={busy === p.id}
                        onClick={() => void confirm(p)}
                      >
                        {t.confirm}
                      </button>
                    )}
                    <button
                      type="button"
                      id={`remove-${p.id}`}
                      aria-label={t.removeName(p.text)}
                      disabled={busy === p.id}
                      onClick={() => void remove(p)}
                    >
                      {t.remove}
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
