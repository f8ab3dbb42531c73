/**
 * The conversation outliving the tab, the visitor's side: the offer to e-mail the answer (asked
 * while the chat waits for its first reply: at once when nobody is online, a button away
 * otherwise), and what a reopen link that did not work says. A chunk of its own, its words a
 * chunk per language, fetched only by a chat that waits or a link that failed: the live chunk
 * stays within its budget.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { ReopenResponse } from '../../../protocol/types';
import type { Language } from '../../i18n/locale';
import type { PanelCtx } from '../context';
import type { HumanSession } from '../../transport/session';
import { checkEmail, EMAIL_MAX, type EmailProblem } from '../../../protocol/email';
import { loadPack, type Packs } from '../../i18n/load-pack';
import type { SiteStrings } from '../../settings';

export interface Words {
  offer: string;
  /** While nobody is online; the chat's status above it already says so, so it is not said twice. */
  nobody: string;
  leaving: string;
  label: string;
  submit: string;
  saved(email: string): string;
  problem: Record<EmailProblem | 'refused' | 'offline', string>;
  reopen: Record<'expired' | 'invalid' | 'offline', string>;
}

/** Each language's words are a chunk of their own: a visitor loads only the language they read. */
export const PACKS: Packs<Words> = {
  en: () => import('./strings/away-en'),
  fr: () => import('./strings/away-fr'),
  de: () => import('./strings/away-de'),
  es: () => import('./strings/away-es'),
  it: () => import('./strings/away-it'),
  pt: () => import('./strings/away-pt'),
  nl: () => import('./strings/away-nl'),
  pl: () => import('./strings/away-pl'),
  ar: () => import('./strings/away-ar'),
  he: () => import('./strings/away-he'),
  ja: () => import('./strings/away-ja'),
  zh: () => import('./strings/away-zh'),
  'zh-Hant': () => import('./strings/away-zh-Hant'),
};

/**
 * The visitor's words: the live chunk awaits loadWords before it draws anything of this chunk
 * (a page has one language, so they are loaded once).
 */
let w: Words;
export const loadWords = (language: Language, site: SiteStrings | null): Promise<unknown> => loadPack(PACKS, language, 'e-mail words', site, 'email').then((words) => (w = words));

/**
 * A POST to the backend, as the live chunk's client sends them (the token in a header, never in
 * the URL); its status and body, or status 0 when the backend could not be reached.
 */
async function post(backend: string, path: string, body: unknown, token: string | null, fetchImpl: typeof fetch): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetchImpl(new URL(path, backend.endsWith('/') ? backend : `${backend}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      credentials: 'omit',
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  } catch {
    return { status: 0, body: null };
  }
}

/** 5xx, 408, 429 and no answer: the backend is away, worth trying again; other refusals are not. */
const away = (status: number): boolean => status === 0 || status >= 500 || status === 408 || status === 429;

/** Trades a reopen link's key for its conversation (POST /v1/reopen) and carries it on. */
export async function reopenConversation(backend: string, session: Pick<HumanSession, 'adopt'>, value: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<'ok' | keyof Words['reopen']> {
  const { status, body } = await post(backend, 'v1/reopen', { link: value }, null, fetchImpl);
  if (status === 200) {
    const { id, token } = body as ReopenResponse;
    session.adopt(id, token);
    return 'ok';
  }
  return away(status) ? 'offline' : status === 410 ? 'expired' : 'invalid';
}

/** Keeps the address (POST /v1/handoffs/{id}/email); the stream then tells the conversation. */
export async function saveEmail(backend: string, id: string, token: string, email: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): Promise<'ok' | 'refused' | 'offline'> {
  const { status } = await post(backend, `v1/handoffs/${encodeURIComponent(id)}/email`, { email }, token, fetchImpl);
  return status === 200 ? 'ok' : away(status) ? 'offline' : 'refused';
}

/**
 * While the chat waits for its first answer: the address replies go to if the visitor leaves.
 * Known already (given here, or by the site's identify()): said, not asked.
 */
export function EmailOffer({ ctx, session, nobodyOnline }: { ctx: PanelCtx; session: HumanSession; nobodyOnline: boolean }) {
  const known = ctx.visitor().email ?? null;
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<keyof Words['problem'] | null>(null);
  const [sending, setSending] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Asked for with the button: the field takes focus (a nobody-online form waits for the visitor).
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const identified = known === null ? null : checkEmail(known);
  const c = session.conversation();
  const email = c?.email ?? saved ?? (identified && !identified.problem ? identified.email : null);

  if (email) return <p class="ll-note ll-small" role="status">{w.saved(email)}</p>;
  if (!open && !nobodyOnline) {
    return (
      <button type="button" class="ll-link-button ll-small" onClick={() => setOpen(true)}>
        {w.offer}
      </button>
    );
  }

  const submit = (event: Event): void => {
    event.preventDefault();
    const checked = checkEmail(draft);
    if (checked.problem) return setProblem(checked.problem);
    if (!c?.id || !c.token) return setProblem('offline');
    setProblem(null);
    setSending(true);
    void saveEmail(ctx.settings.backend!, c.id, c.token, checked.email).then((result) => {
      setSending(false);
      if (result === 'ok') setSaved(checked.email);
      else setProblem(result);
    });
  };

  return (
    <form class="ll-card ll-form" onSubmit={submit} noValidate aria-label={w.offer}>
      <p class="ll-small">{nobodyOnline ? w.nobody : w.leaving}</p>
      <label class="ll-field">
        <span>{w.label}</span>
        <input
          class="ll-input"
          type="email"
          autocomplete="email"
          maxLength={EMAIL_MAX}
          value={draft}
          ref={input}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'll-away-error' : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      {problem && <p id="ll-away-error" class="ll-field-error" role="alert">{w.problem[problem]}</p>}
      <button type="submit" class="ll-pill ll-plain" disabled={sending}>{w.submit}</button>
    </form>
  );
}

/** Opens the conversation of a reopen link's key; what to show when it did not work, else null. */
export async function reopen(ctx: PanelCtx, session: Pick<HumanSession, 'adopt'>, value: string): Promise<ComponentChild> {
  const result = await reopenConversation(ctx.settings.backend!, session, value);
  return result === 'ok' ? null : <p class="ll-alert" role="alert">{w.reopen[result]}</p>;
}
