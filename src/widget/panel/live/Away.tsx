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

/** English, also what a language without words of its own yet shows (see the TODOs below). */
const ENGLISH: Words = {
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
};

export const WORDS: Record<Language, Words> = {
  en: ENGLISH,
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
  it: {
    offer: 'Ricevi la risposta via e-mail',
    nobody: 'Lasci il Suo indirizzo e-mail e la risposta Le arriverà lì, anche se chiude questa pagina.',
    leaving: 'Non può aspettare? Se va via, Le invieremo la risposta via e-mail.',
    label: 'Il Suo indirizzo e-mail',
    submit: 'Inviami la risposta via e-mail',
    saved: (email) => `Se va via prima della nostra risposta, la invieremo a ${email}.`,
    problem: {
      empty: 'Inserisca il Suo indirizzo e-mail.',
      long: `Questo indirizzo è troppo lungo (massimo ${EMAIL_MAX} caratteri).`,
      format: 'Inserisca un solo indirizzo e-mail, come nome@esempio.it.',
      refused: 'Non siamo riusciti a salvare questo indirizzo. Lo controlli e riprovi.',
      offline: 'Al momento non riusciamo a raggiungere il nostro team. Riprovi tra poco.',
    },
    reopen: {
      expired: 'Il link nella Sua e-mail è scaduto. Può scriverci di nuovo qui.',
      invalid: 'Questo link non apre nessuna conversazione. Copi il link completo dall’e-mail, oppure ci scriva di nuovo qui.',
      offline: 'Al momento non riusciamo a raggiungere il nostro team per riaprire la conversazione. Riapra il link tra poco.',
    },
  },
  pt: {
    offer: 'Receber a resposta por e-mail',
    nobody: 'Deixe seu e-mail e a resposta chega até você, mesmo que feche esta página.',
    leaving: 'Não pode esperar? Se sair, enviaremos a resposta por e-mail.',
    label: 'Seu endereço de e-mail',
    submit: 'Enviar a resposta por e-mail',
    saved: (email) => `Se você sair antes da nossa resposta, ela será enviada para ${email}.`,
    problem: {
      empty: 'Digite seu endereço de e-mail.',
      long: `Esse endereço é longo demais (no máximo ${EMAIL_MAX} caracteres).`,
      format: 'Digite um único endereço de e-mail, como nome@exemplo.com.br.',
      refused: 'Não conseguimos guardar esse endereço. Confira e tente de novo.',
      offline: 'Não conseguimos falar com a equipe agora. Tente de novo em instantes.',
    },
    reopen: {
      expired: 'O link do seu e-mail expirou. Você pode perguntar de novo aqui.',
      invalid: 'Esse link não abre nenhuma conversa. Copie o link inteiro do e-mail ou pergunte de novo aqui.',
      offline: 'Não conseguimos falar com a equipe para reabrir sua conversa agora. Abra o link de novo em instantes.',
    },
  },
  nl: {
    offer: 'Het antwoord per e-mail ontvangen',
    nobody: 'Laat uw e-mailadres achter, dan komt het antwoord naar u toe, ook als u deze pagina sluit.',
    leaving: 'Kunt u niet wachten? Als u weggaat, mailen we u het antwoord.',
    label: 'Uw e-mailadres',
    submit: 'Mail mij het antwoord',
    saved: (email) => `Als u weggaat voordat we antwoorden, mailen we het antwoord naar ${email}.`,
    problem: {
      empty: 'Vul uw e-mailadres in.',
      long: `Dat adres is te lang (maximaal ${EMAIL_MAX} tekens).`,
      format: 'Vul één e-mailadres in, zoals naam@voorbeeld.nl.',
      refused: 'We konden dat adres niet bewaren. Controleer het en probeer het opnieuw.',
      offline: 'We kunnen ons team nu niet bereiken. Probeer het zo nog eens.',
    },
    reopen: {
      expired: 'De link in uw e-mail is verlopen. U kunt uw vraag hier opnieuw stellen.',
      invalid: 'Die link opent geen gesprek. Kopieer de volledige link uit de e-mail, of stel uw vraag hier opnieuw.',
      offline: 'We kunnen ons team nu niet bereiken om uw gesprek te heropenen. Open de link zo nog eens.',
    },
  },
  pl: {
    offer: 'Otrzymaj odpowiedź e-mailem',
    nobody: 'Zostaw swój adres e-mail, a odpowiedź do Ciebie dotrze, nawet jeśli zamkniesz tę stronę.',
    leaving: 'Nie możesz czekać? Jeśli wyjdziesz, wyślemy odpowiedź e-mailem.',
    label: 'Twój adres e-mail',
    submit: 'Wyślij mi odpowiedź e-mailem',
    saved: (email) => `Jeśli wyjdziesz przed naszą odpowiedzią, wyślemy ją na adres ${email}.`,
    problem: {
      empty: 'Wpisz swój adres e-mail.',
      long: `Ten adres jest za długi (maksymalnie ${EMAIL_MAX} znaków).`,
      format: 'Wpisz jeden adres e-mail, np. imie@przyklad.pl.',
      refused: 'Nie udało się zapisać tego adresu. Sprawdź go i spróbuj ponownie.',
      offline: 'Nie możemy teraz połączyć się z zespołem. Spróbuj ponownie za chwilę.',
    },
    reopen: {
      expired: 'Link z wiadomości e-mail wygasł. Możesz zapytać nas ponownie tutaj.',
      invalid: 'Ten link nie otwiera żadnej rozmowy. Skopiuj cały link z wiadomości e-mail lub zapytaj nas ponownie tutaj.',
      offline: 'Nie możemy teraz połączyć się z zespołem, aby ponownie otworzyć rozmowę. Otwórz link ponownie za chwilę.',
    },
  },
  ar: ENGLISH, // TODO(rtl): replaced by its own words at merge
  he: ENGLISH, // TODO(rtl): replaced by its own words at merge
  ja: ENGLISH, // TODO(cjk): replaced by its own words at merge
  zh: ENGLISH, // TODO(cjk): replaced by its own words at merge
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
