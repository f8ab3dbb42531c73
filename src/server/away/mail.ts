/**
 * The e-mail that carries the agents' replies a visitor missed, pure: written with the mail
 * module's blocks (plain text and HTML from the same blocks, the agents' words escaped, never
 * markup), in the visitor's language (the widget's, from the handoff's context: en, fr, de,
 * es), times in their zone, the link that reopens the conversation, and Message-IDs that
 * thread every such e-mail of one handoff together.
 */
import { composeMail, handoffMessageIds, type MailBlock, type OutgoingMail } from '../mail';
import { REOPEN_LINK_DAYS } from './link';
import { messageWithArticle } from '../../protocol/validate';
import type { MessageArticle } from '../../protocol/types';

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
  and: string;
  /** An article an agent sent in the chat, by its title. */
  article(title: string): string;
}

const WORDS: Record<'en' | 'fr' | 'de' | 'es' | 'ja' | 'zh', Words> = {
  en: {
    subject: (ref) => `Reply to your question (reference ${ref})`,
    intro: (names) => `${names} answered you after you left the chat:`,
    open: 'Continue the conversation',
    lasts: (days) => `This link opens the chat on the page you asked from, for ${days} days.`,
    noLink: 'To carry on, open the help panel on our site and ask again with your reference.',
    ref: (ref) => `Your reference: ${ref}`,
    why: 'You get this e-mail because you gave your address in our chat.',
    support: 'Support',
    and: 'and',
    article: (title) => `Article: “${title}”`,
  },
  fr: {
    subject: (ref) => `Réponse à votre question (référence ${ref})`,
    intro: (names) => `${names} vous a répondu après votre départ du chat :`,
    open: 'Reprendre la conversation',
    lasts: (days) => `Ce lien rouvre le chat sur la page d’où vous avez écrit, pendant ${days} jours.`,
    noLink: 'Pour continuer, ouvrez l’aide sur notre site et écrivez-nous en donnant votre référence.',
    ref: (ref) => `Votre référence : ${ref}`,
    why: 'Vous recevez cet e-mail car vous avez donné votre adresse dans notre chat.',
    support: 'Support',
    and: 'et',
    article: (title) => `Article : « ${title} »`,
  },
  de: {
    subject: (ref) => `Antwort auf Ihre Frage (Referenz ${ref})`,
    intro: (names) => `${names} hat Ihnen geantwortet, nachdem Sie den Chat verlassen hatten:`,
    open: 'Unterhaltung fortsetzen',
    lasts: (days) => `Dieser Link öffnet den Chat ${days} Tage lang auf der Seite, von der Sie gefragt haben.`,
    noLink: 'Um fortzufahren, öffnen Sie die Hilfe auf unserer Website und nennen Sie Ihre Referenz.',
    ref: (ref) => `Ihre Referenz: ${ref}`,
    why: 'Sie erhalten diese E-Mail, weil Sie Ihre Adresse in unserem Chat angegeben haben.',
    support: 'Support',
    and: 'und',
    article: (title) => `Artikel: „${title}“`,
  },
  es: {
    subject: (ref) => `Respuesta a su pregunta (referencia ${ref})`,
    intro: (names) => `${names} le respondió después de que saliera del chat:`,
    open: 'Continuar la conversación',
    lasts: (days) => `Este enlace abre el chat en la página desde la que preguntó, durante ${days} días.`,
    noLink: 'Para continuar, abra la ayuda de nuestro sitio y escríbanos con su referencia.',
    ref: (ref) => `Su referencia: ${ref}`,
    why: 'Recibe este correo porque dio su dirección en nuestro chat.',
    support: 'Soporte',
    and: 'y',
    article: (title) => `Artículo: «${title}»`,
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
    and: 'と',
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
    and: '和',
    article: (title) => `文章：“${title}”`,
  },
};

export const languageOf = (locale: string | undefined): keyof typeof WORDS => {
  const primary = locale?.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return Object.hasOwn(WORDS, primary) ? (primary as keyof typeof WORDS) : 'en';
};

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
  const who = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${w.and} ${names.at(-1)}` : names[0]!;
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
  });
}
