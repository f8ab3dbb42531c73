/**
 * The e-mail that carries the agents' replies a visitor missed, pure: written with the mail
 * module's blocks (plain text and HTML from the same blocks, the agents' words escaped, never
 * markup), in the visitor's language (the widget's, from the handoff's context: one of the
 * thirteen), times in their zone, the link that reopens the conversation, and Message-IDs that
 * thread every such e-mail of one handoff together.
 */
import { composeMail, handoffMessageIds, type MailBlock, type OutgoingMail } from '../mail';
import { REOPEN_LINK_DAYS } from './link';
import { messageWithArticle } from '../../protocol/validate';
import type { MessageArticle } from '../../protocol/types';
import { nearestLanguage, type Language } from '../../protocol/languages';
import { plural } from '../../protocol/plural';

/** What the mail needs of the handoff. */
export interface MailHandoff {
  id: string;
  ref: string;
  context: { locale?: string; timezone?: string } | null;
}

export interface MailReply {
  id: string;
  agentName: string | null;
  text: string;
  /** An article the agent sent: said by its title (the text may be empty then). */
  article?: MessageArticle | null;
  at: string;
  /** Files the reply carries: named in the e-mail (the bytes stay behind the reopen link). */
  attachments?: readonly { name: string }[];
}

interface Words {
  subject(ref: string): string;
  intro(names: string): string;
  open: string;
  lasts(days: number): string;
  noLink: string;
  ref(ref: string): string;
  why: string;
  support: string;
  /** An article an agent sent in the chat, by its title. */
  article(title: string): string;
}

/** English, the words every other language is checked against (mail-languages.test.ts). */
const ENGLISH: Words = {
  subject: (ref) => `Reply to your question (reference ${ref})`,
  intro: (names) => `${names} answered you after you left the chat:`,
  open: 'Continue the conversation',
  lasts: (days) => plural('en', days, { one: 'This link opens the chat on the page you asked from, for # day.', other: 'This link opens the chat on the page you asked from, for # days.' }),
  noLink: 'To carry on, open the help panel on our site and ask again with your reference.',
  ref: (ref) => `Your reference: ${ref}`,
  why: 'You get this e-mail because you gave your address in our chat.',
  support: 'Support',
  article: (title) => `Article: “${title}”`,
};

export const WORDS: Record<Language, Words> = {
  en: ENGLISH,
  fr: {
    subject: (ref) => `Réponse à votre question (référence ${ref})`,
    intro: (names) => `${names} vous a répondu après votre départ du chat :`,
    open: 'Reprendre la conversation',
    lasts: (days) => plural('fr', days, { one: 'Ce lien rouvre le chat sur la page d’où vous avez écrit, pendant # jour.', other: 'Ce lien rouvre le chat sur la page d’où vous avez écrit, pendant # jours.' }),
    noLink: 'Pour continuer, ouvrez l’aide sur notre site et écrivez-nous en donnant votre référence.',
    ref: (ref) => `Votre référence : ${ref}`,
    why: 'Vous recevez cet e-mail car vous avez donné votre adresse dans notre chat.',
    support: 'Support',
    article: (title) => `Article : « ${title} »`,
  },
  de: {
    subject: (ref) => `Antwort auf Ihre Frage (Referenz ${ref})`,
    intro: (names) => `${names} hat Ihnen geantwortet, nachdem Sie den Chat verlassen hatten:`,
    open: 'Unterhaltung fortsetzen',
    lasts: (days) => plural('de', days, { one: 'Dieser Link öffnet den Chat # Tag lang auf der Seite, von der Sie gefragt haben.', other: 'Dieser Link öffnet den Chat # Tage lang auf der Seite, von der Sie gefragt haben.' }),
    noLink: 'Um fortzufahren, öffnen Sie die Hilfe auf unserer Website und nennen Sie Ihre Referenz.',
    ref: (ref) => `Ihre Referenz: ${ref}`,
    why: 'Sie erhalten diese E-Mail, weil Sie Ihre Adresse in unserem Chat angegeben haben.',
    support: 'Support',
    article: (title) => `Artikel: „${title}“`,
  },
  es: {
    subject: (ref) => `Respuesta a su pregunta (referencia ${ref})`,
    intro: (names) => `${names} le respondió después de que saliera del chat:`,
    open: 'Continuar la conversación',
    lasts: (days) => plural('es', days, { one: 'Este enlace abre el chat en la página desde la que preguntó, durante # día.', other: 'Este enlace abre el chat en la página desde la que preguntó, durante # días.' }),
    noLink: 'Para continuar, abra la ayuda de nuestro sitio y escríbanos con su referencia.',
    ref: (ref) => `Su referencia: ${ref}`,
    why: 'Recibe este correo porque dio su dirección en nuestro chat.',
    support: 'Soporte',
    article: (title) => `Artículo: «${title}»`,
  },
  it: {
    subject: (ref) => `Risposta alla Sua domanda (codice ${ref})`,
    intro: (names) => `${names} Le ha risposto dopo che ha lasciato la chat:`,
    open: 'Continua la conversazione',
    lasts: (days) => plural('it', days, { one: 'Questo link riapre la chat sulla pagina da cui ci ha scritto, per # giorno.', other: 'Questo link riapre la chat sulla pagina da cui ci ha scritto, per # giorni.' }),
    noLink: 'Per continuare, apra l’aiuto sul nostro sito e ci scriva indicando il Suo codice.',
    ref: (ref) => `Il Suo codice: ${ref}`,
    why: 'Riceve questa e-mail perché ha lasciato il Suo indirizzo nella nostra chat.',
    support: 'Assistenza',
    article: (title) => `Articolo: «${title}»`,
  },
  pt: {
    subject: (ref) => `Resposta à sua pergunta (código ${ref})`,
    intro: (names) => `${names} respondeu depois que você saiu do chat:`,
    open: 'Continuar a conversa',
    lasts: (days) => plural('pt', days, { one: 'Este link abre o chat na página de onde você perguntou, por # dia.', other: 'Este link abre o chat na página de onde você perguntou, por # dias.' }),
    noLink: 'Para continuar, abra a ajuda no nosso site e pergunte de novo informando seu código.',
    ref: (ref) => `Seu código: ${ref}`,
    why: 'Você recebeu este e-mail porque informou seu endereço no nosso chat.',
    support: 'Suporte',
    article: (title) => `Artigo: “${title}”`,
  },
  nl: {
    subject: (ref) => `Antwoord op uw vraag (referentie ${ref})`,
    intro: (names) => `${names} heeft u geantwoord nadat u de chat had verlaten:`,
    open: 'Gesprek voortzetten',
    lasts: (days) => plural('nl', days, { one: 'Deze link opent de chat op de pagina waar u uw vraag stelde, # dag lang.', other: 'Deze link opent de chat op de pagina waar u uw vraag stelde, # dagen lang.' }),
    noLink: 'Wilt u verder? Open de hulp op onze website en stel uw vraag opnieuw met uw referentie.',
    ref: (ref) => `Uw referentie: ${ref}`,
    why: 'U ontvangt deze e-mail omdat u uw adres in onze chat hebt opgegeven.',
    support: 'Klantenservice',
    article: (title) => `Artikel: ‘${title}’`,
  },
  pl: {
    subject: (ref) => `Odpowiedź na Twoje pytanie (numer zgłoszenia ${ref})`,
    intro: (names) => `Odpowiedź od: ${names} (po opuszczeniu czatu):`,
    open: 'Kontynuuj rozmowę',
    lasts: (days) =>
      plural('pl', days, {
        one: 'Ten link otwiera czat na stronie, z której padło pytanie, przez # dzień.',
        other: 'Ten link otwiera czat na stronie, z której padło pytanie, przez # dni.',
      }),
    noLink: 'Aby kontynuować, otwórz pomoc na naszej stronie i zapytaj ponownie, podając numer zgłoszenia.',
    ref: (ref) => `Numer zgłoszenia: ${ref}`,
    why: 'Otrzymujesz tę wiadomość, ponieważ adres e-mail został podany w naszym czacie.',
    support: 'Obsługa klienta',
    article: (title) => `Artykuł: „${title}”`,
  },
  ar: {
    subject: (ref) => `رد على سؤالك (الرقم المرجعي \u2066${ref}\u2069)`,
    intro: (names) => `ردّ عليك \u2068${names}\u2069 بعد مغادرتك المحادثة:`,
    open: 'متابعة المحادثة',
    lasts: (days) => `يفتح هذا الرابط المحادثة في الصفحة التي سألت منها، لمدة ${days === 1 ? 'يوم واحد' : days === 2 ? 'يومين' : days <= 10 ? `${days} أيام` : `${days} يومًا`}.`,
    noLink: 'للمتابعة، افتح المساعدة على موقعنا واسألنا من جديد مع ذكر رقمك المرجعي.',
    ref: (ref) => `رقمك المرجعي: \u2066${ref}\u2069`,
    why: 'تصلك هذه الرسالة لأنك تركت عنوانك في محادثتنا.',
    support: 'الدعم',
    article: (title) => `مقال: «\u2068${title}\u2069»`,
  },
  he: {
    subject: (ref) => `תשובה לשאלה שלכם (מספר פנייה \u2066${ref}\u2069)`,
    intro: (names) => `\u2068${names}\u2069 ענו לכם אחרי שיצאתם מהצ׳אט:`,
    open: 'המשך השיחה',
    lasts: (days) => `הקישור פותח את הצ׳אט בדף שממנו פניתם, למשך ${days === 1 ? 'יום אחד' : days === 2 ? 'יומיים' : `${days} ימים`}.`,
    noLink: 'כדי להמשיך, פתחו את העזרה באתר שלנו ופנו אלינו שוב עם מספר הפנייה.',
    ref: (ref) => `מספר הפנייה שלכם: \u2066${ref}\u2069`,
    why: 'קיבלתם את ההודעה הזו כי השארתם את כתובתכם בצ׳אט שלנו.',
    support: 'תמיכה',
    article: (title) => `מאמר: "\u2068${title}\u2069"`,
  },
  ja: {
    subject: (ref) => `お問い合わせへの回答（お問い合わせ番号 ${ref}）`,
    intro: (names) => `チャットを離れられた後に、${names}から回答がありました。`,
    open: '会話を続ける',
    lasts: (days) => `このリンクから、お問い合わせいただいたページでチャットを再開できます（有効期限：${days}日間）。`,
    noLink: '続きは、当サイトのヘルプを開き、お問い合わせ番号を添えて改めてご質問ください。',
    ref: (ref) => `お問い合わせ番号：${ref}`,
    why: 'このメールは、チャットでメールアドレスをご入力いただいたためお送りしています。',
    support: 'サポート',
    article: (title) => `記事：「${title}」`,
  },
  zh: {
    subject: (ref) => `关于您问题的答复（参考编号 ${ref}）`,
    intro: (names) => `您离开对话后，${names}回复了您：`,
    open: '继续对话',
    lasts: (days) => `此链接可在您提问的页面上重新打开对话，有效期 ${days} 天。`,
    noLink: '如需继续，请打开我们网站上的帮助，并提供您的参考编号重新咨询。',
    ref: (ref) => `您的参考编号：${ref}`,
    why: '您收到这封邮件，是因为您在我们的在线对话中留下了邮箱地址。',
    support: '客服',
    article: (title) => `文章：“${title}”`,
  },
  'zh-Hant': {
    subject: (ref) => `關於您問題的回覆（參考編號 ${ref}）`,
    intro: (names) => `您離開對話後，${names}回覆了您：`,
    open: '繼續對話',
    lasts: (days) => `這個連結可以在您提問的頁面上重新開啟對話，有效期限 ${days} 天。`,
    noLink: '如需繼續，請開啟我們網站上的說明，並提供您的參考編號重新提問。',
    ref: (ref) => `您的參考編號：${ref}`,
    why: '您收到這封電子郵件，是因為您在我們的線上對話中留下了電子郵件地址。',
    support: '客服',
    article: (title) => `文章：「${title}」`,
  },
};

/** The visitor's language from the tag the widget sent (its nearest of the thirteen), English when none. */
export const languageOf = (locale: string | undefined): Language => nearestLanguage(locale) ?? 'en';

/** The time of a reply in the visitor's zone and language; the server's UTC when the zone is unknown. */
export function timeOf(at: string, locale: string, zone: string | undefined): string {
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(new Date(at));
  try {
    return format(zone ?? 'UTC');
  } catch {
    return format('UTC'); // a zone this Node does not know
  }
}

/** The Message-IDs of the e-mails to a handoff's visitor: all refer to one thread root. */
/**
 * A message as a mail quotes it, in the visitor's language: its text, an article the agent sent
 * by its title, and the names of its files (their bytes stay on the server).
 */
export function quoteText(m: { text: string; article?: MessageArticle | null; attachments?: readonly { name: string }[] }, language: keyof typeof WORDS): string {
  return [messageWithArticle(m, WORDS[language].article), ...(m.attachments ?? []).map((a) => `[${a.name}]`)].filter(Boolean).join('\n');
}

export const visitorMessageIds = (handoffId: string, domain: string) => handoffMessageIds(handoffId, 'visitor', domain);

export function composeAwayMail(input: {
  to: string;
  handoff: MailHandoff;
  replies: readonly MailReply[];
  /** The reopen link, or null when the page it would lead to is not one of the shop's. */
  link: string | null;
  /** The domain of Message-IDs: the sender's. */
  domain: string;
}): OutgoingMail {
  const { handoff, replies, link } = input;
  const language = languageOf(handoff.context?.locale);
  const w = WORDS[language];
  const names = [...new Set(replies.map((r) => r.agentName ?? w.support))];
  // Intl joins the names as the language does ("Sam و Ana" would be wrong: Arabic writes "وAna").
  const who = new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
  const ids = visitorMessageIds(handoff.id, input.domain);
  const blocks: MailBlock[] = [
    { type: 'paragraph', text: w.intro(who) },
    ...replies.map((r): MailBlock => ({ type: 'quote', by: r.agentName ?? w.support, at: timeOf(r.at, language, handoff.context?.timezone), text: quoteText(r, language) })),
    ...(link ? ([{ type: 'link', label: w.open, href: link }, { type: 'paragraph', text: w.lasts(REOPEN_LINK_DAYS) }] as const) : ([{ type: 'paragraph', text: w.noLink }] as const)),
    { type: 'paragraph', text: w.ref(handoff.ref) },
    { type: 'paragraph', text: w.why },
  ];
  return composeMail({
    to: [input.to],
    subject: w.subject(handoff.ref),
    blocks,
    messageId: ids.part(`reply.${replies[0]!.id}`),
    thread: { inReplyTo: ids.root, references: [ids.root] },
    headers: { 'Auto-Submitted': 'auto-generated' },
    language: { lang: language, dir: language === 'ar' || language === 'he' ? 'rtl' : 'ltr' },
  });
}
