/**
 * The conversation e-mailed to the visitor when they ask for it at the end of a chat ("Send me
 * this conversation"), pure: every message in order with who wrote it and when (in the
 * visitor's language and zone), their reference, and why they get it. Threaded with the other
 * e-mails to the visitor about this handoff (the replies they missed).
 */
import { composeMail, type MailBlock, type OutgoingMail } from '../mail';
import { languageOf, quoteText, timeOf, visitorMessageIds, type MailHandoff } from './mail';
import type { MessageArticle } from '../../protocol/types';

export interface TranscriptLine {
  from: 'visitor' | 'agent';
  agentName: string | null;
  text: string;
  /** An article the agent sent, and files: quoted by title and name, as in the away mails. */
  article?: MessageArticle | null;
  attachments?: readonly { name: string }[];
  at: string;
}

interface Words {
  subject(ref: string): string;
  intro: string;
  you: string;
  support: string;
  ref(ref: string): string;
  why: string;
}

const WORDS: Record<ReturnType<typeof languageOf>, Words> = {
  en: {
    subject: (ref) => `Your conversation with us (reference ${ref})`,
    intro: 'Here is your conversation with our team, as you asked.',
    you: 'You',
    support: 'Support',
    ref: (ref) => `Your reference: ${ref}`,
    why: 'You get this e-mail because you asked for it at the end of our chat.',
  },
  fr: {
    subject: (ref) => `Votre conversation avec nous (référence ${ref})`,
    intro: 'Voici votre conversation avec notre équipe, comme demandé.',
    you: 'Vous',
    support: 'Support',
    ref: (ref) => `Votre référence : ${ref}`,
    why: 'Vous recevez cet e-mail car vous l’avez demandé à la fin de notre chat.',
  },
  de: {
    subject: (ref) => `Ihre Unterhaltung mit uns (Referenz ${ref})`,
    intro: 'Hier ist Ihre Unterhaltung mit unserem Team, wie gewünscht.',
    you: 'Sie',
    support: 'Support',
    ref: (ref) => `Ihre Referenz: ${ref}`,
    why: 'Sie erhalten diese E-Mail, weil Sie sie am Ende unseres Chats angefordert haben.',
  },
  es: {
    subject: (ref) => `Su conversación con nosotros (referencia ${ref})`,
    intro: 'Aquí tiene su conversación con nuestro equipo, como pidió.',
    you: 'Usted',
    support: 'Soporte',
    ref: (ref) => `Su referencia: ${ref}`,
    why: 'Recibe este correo porque lo pidió al final de nuestro chat.',
  },
  ja: {
    subject: (ref) => `サポートとの会話の記録（お問い合わせ番号 ${ref}）`,
    intro: 'ご依頼いただいた、サポートチームとの会話の記録をお送りします。',
    you: 'あなた',
    support: 'サポート',
    ref: (ref) => `お問い合わせ番号：${ref}`,
    why: 'このメールは、チャットの終了時にご依頼いただいたためお送りしています。',
  },
  zh: {
    subject: (ref) => `您与我们的对话记录（参考编号 ${ref}）`,
    intro: '按照您的要求，这是您与我们团队的对话记录。',
    you: '您',
    support: '客服',
    ref: (ref) => `您的参考编号：${ref}`,
    why: '您收到这封邮件，是因为您在对话结束时要求发送。',
  },
};

export function composeTranscriptMail(input: { to: string; handoff: MailHandoff; lines: readonly TranscriptLine[]; domain: string }): OutgoingMail {
  const { handoff } = input;
  const language = languageOf(handoff.context?.locale);
  const w = WORDS[language];
  const ids = visitorMessageIds(handoff.id, input.domain);
  const blocks: MailBlock[] = [
    { type: 'paragraph', text: w.intro },
    ...input.lines.map(
      (l): MailBlock => ({ type: 'quote', by: l.from === 'visitor' ? w.you : (l.agentName ?? w.support), at: timeOf(l.at, language, handoff.context?.timezone), text: quoteText(l, language) }),
    ),
    { type: 'paragraph', text: w.ref(handoff.ref) },
    { type: 'paragraph', text: w.why },
  ];
  return composeMail({
    to: [input.to],
    subject: w.subject(handoff.ref),
    blocks,
    messageId: ids.part('transcript'),
    thread: { inReplyTo: ids.root, references: [ids.root] },
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
}
