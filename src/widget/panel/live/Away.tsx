/**
 * The conversation outliving the tab, the visitor's side: the offer to e-mail the answer (asked
 * while the chat waits for its first reply: at once when nobody is online, a button away
 * otherwise), and what a reopen link that did not work says. A chunk of its own, with its words
 * in the four languages (they are few), fetched only by a chat that waits or a link that
 * failed: the live chunk stays within its budget.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChild } from 'preact';
import type { ReopenResponse } from '../../../protocol/types';
import type { Language } from '../../i18n/locale';
import type { PanelCtx } from '../context';
import type { HumanSession } from '../../transport/session';
import { checkEmail, EMAIL_MAX, type EmailProblem } from '../../../protocol/email';

interface Words {
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

const WORDS: Record<Language, Words> = {
  en: {
    offer: 'Get the answer by e-mail',
    nobody: 'Leave your e-mail address and the answer comes to you, even if you close this page.',
    leaving: 'Can’t wait? If you leave, we’ll e-mail you the answer.',
    label: 'Your e-mail address',
    submit: 'E-mail me the answer',
    saved: (email) => `If you leave before we answer, we’ll e-mail the answer to ${email}.`,
    problem: {
      empty: 'Enter your e-mail address.',
      long: `That address is too long (at most ${EMAIL_MAX} characters).`,
      format: 'Enter one e-mail address, like name@example.com.',
      refused: 'We couldn’t keep that address. Check it and try again.',
      offline: 'We can’t reach our team right now. Try again in a moment.',
    },
    reopen: {
      expired: 'The link in your e-mail has expired. You can ask us again here.',
      invalid: 'That link doesn’t open a conversation. Copy the whole link from the e-mail, or ask us again here.',
      offline: 'We can’t reach our team to reopen your conversation right now. Open the link again in a moment.',
    },
  },
  fr: {
    offer: 'Recevoir la réponse par e-mail',
    nobody: 'Laissez votre adresse e-mail : la réponse vous y parviendra, même si vous fermez cette page.',
    leaving: 'Pas le temps d’attendre ? Si vous partez, nous vous enverrons la réponse par e-mail.',
    label: 'Votre adresse e-mail',
    submit: 'M’envoyer la réponse',
    saved: (email) => `Si vous partez avant notre réponse, nous l’enverrons à ${email}.`,
    problem: {
      empty: 'Saisissez votre adresse e-mail.',
      long: `Cette adresse est trop longue (${EMAIL_MAX} caractères au plus).`,
      format: 'Saisissez une seule adresse e-mail, comme nom@exemple.fr.',
      refused: 'Nous n’avons pas pu garder cette adresse. Vérifiez-la et réessayez.',
      offline: 'Nous ne joignons pas notre équipe pour le moment. Réessayez dans un instant.',
    },
    reopen: {
      expired: 'Le lien de votre e-mail a expiré. Vous pouvez nous écrire à nouveau ici.',
      invalid: 'Ce lien n’ouvre aucune conversation. Copiez le lien entier depuis l’e-mail, ou écrivez-nous à nouveau ici.',
      offline: 'Nous ne joignons pas notre équipe pour rouvrir votre conversation. Rouvrez le lien dans un instant.',
    },
  },
  de: {
    offer: 'Antwort per E-Mail erhalten',
    nobody: 'Hinterlassen Sie Ihre E-Mail-Adresse, dann kommt die Antwort dorthin, auch wenn Sie diese Seite schließen.',
    leaving: 'Keine Zeit zu warten? Wenn Sie gehen, schicken wir Ihnen die Antwort per E-Mail.',
    label: 'Ihre E-Mail-Adresse',
    submit: 'Antwort per E-Mail senden',
    saved: (email) => `Wenn Sie vor unserer Antwort gehen, schicken wir sie an ${email}.`,
    problem: {
      empty: 'Geben Sie Ihre E-Mail-Adresse ein.',
      long: `Diese Adresse ist zu lang (höchstens ${EMAIL_MAX} Zeichen).`,
      format: 'Geben Sie eine E-Mail-Adresse ein, etwa name@beispiel.de.',
      refused: 'Wir konnten diese Adresse nicht speichern. Prüfen Sie sie und versuchen Sie es erneut.',
      offline: 'Wir erreichen unser Team gerade nicht. Versuchen Sie es gleich noch einmal.',
    },
    reopen: {
      expired: 'Der Link in Ihrer E-Mail ist abgelaufen. Sie können uns hier erneut fragen.',
      invalid: 'Dieser Link öffnet keine Unterhaltung. Kopieren Sie den ganzen Link aus der E-Mail oder fragen Sie uns hier erneut.',
      offline: 'Wir erreichen unser Team gerade nicht, um Ihre Unterhaltung zu öffnen. Öffnen Sie den Link gleich noch einmal.',
    },
  },
  es: {
    offer: 'Recibir la respuesta por correo',
    nobody: 'Deje su correo electrónico y la respuesta le llegará allí, aunque cierre esta página.',
    leaving: '¿No puede esperar? Si se va, le enviaremos la respuesta por correo.',
    label: 'Su correo electrónico',
    submit: 'Enviarme la respuesta',
    saved: (email) => `Si se va antes de que respondamos, enviaremos la respuesta a ${email}.`,
    problem: {
      empty: 'Escriba su correo electrónico.',
      long: `Esa dirección es demasiado larga (${EMAIL_MAX} caracteres como máximo).`,
      format: 'Escriba una sola dirección de correo, como nombre@ejemplo.es.',
      refused: 'No pudimos guardar esa dirección. Revísela e inténtelo de nuevo.',
      offline: 'Ahora no podemos contactar con nuestro equipo. Inténtelo de nuevo en un momento.',
    },
    reopen: {
      expired: 'El enlace de su correo ha caducado. Puede volver a preguntarnos aquí.',
      invalid: 'Ese enlace no abre ninguna conversación. Copie el enlace completo del correo o vuelva a preguntarnos aquí.',
      offline: 'Ahora no podemos contactar con nuestro equipo para reabrir su conversación. Abra el enlace de nuevo en un momento.',
    },
  },
  ja: {
    offer: '回答をメールで受け取る',
    nobody: 'メールアドレスをご入力いただければ、このページを閉じても回答をメールでお届けします。',
    leaving: 'お待ちいただけない場合は、ページを離れても回答をメールでお送りします。',
    label: 'メールアドレス',
    submit: '回答をメールで受け取る',
    saved: (email) => `回答の前にページを離れた場合は、${email} に回答をお送りします。`,
    problem: {
      empty: 'メールアドレスを入力してください。',
      long: `メールアドレスが長すぎます（${EMAIL_MAX}文字以内）。`,
      format: 'メールアドレスを1つ入力してください（例：name@example.jp）。',
      refused: 'このメールアドレスを登録できませんでした。ご確認のうえ、もう一度お試しください。',
      offline: '現在サポートチームに接続できません。しばらくしてからもう一度お試しください。',
    },
    reopen: {
      expired: 'メールのリンクの有効期限が切れています。こちらから改めてお問い合わせください。',
      invalid: 'このリンクでは会話を開けません。メールのリンクをすべてコピーするか、こちらから改めてお問い合わせください。',
      offline: '現在サポートチームに接続できないため、会話を再開できません。しばらくしてからもう一度リンクを開いてください。',
    },
  },
  zh: {
    offer: '通过电子邮件接收答复',
    nobody: '留下您的电子邮件地址，即使您关闭此页面，答复也会发送给您。',
    leaving: '不方便等待？如果您离开，我们会通过电子邮件把答复发给您。',
    label: '您的电子邮件地址',
    submit: '通过电子邮件发送答复',
    saved: (email) => `如果您在我们答复前离开，我们会把答复发送到 ${email}。`,
    problem: {
      empty: '请输入您的电子邮件地址。',
      long: `该地址太长（最多 ${EMAIL_MAX} 个字符）。`,
      format: '请输入一个电子邮件地址，例如 name@example.cn。',
      refused: '无法保存该地址。请检查后重试。',
      offline: '目前无法连接到我们的团队。请稍后再试。',
    },
    reopen: {
      expired: '您邮件中的链接已过期。您可以在这里重新咨询。',
      invalid: '该链接无法打开对话。请从邮件中复制完整链接，或在这里重新咨询。',
      offline: '目前无法连接到我们的团队来恢复您的对话。请稍后再次打开该链接。',
    },
  },
};

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
  const w = WORDS[ctx.language];
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
  return result === 'ok' ? null : <p class="ll-alert" role="alert">{WORDS[ctx.language].reopen[result]}</p>;
}
