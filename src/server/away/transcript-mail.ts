/**
 * The conversation e-mailed to the visitor when they ask for it at the end of a chat ("Send me
 * this conversation"), pure: every message in order with who wrote it and when (in the
 * visitor's language and zone), their reference, and why they get it. Threaded with the other
 * e-mails to the visitor about this handoff (the replies they missed).
 */
import { composeMail, type MailBlock, type OutgoingMail } from '../mail';
import type { Language } from '../../protocol/languages';
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

/** English, the words every other language is checked against (mail-languages.test.ts). */
const ENGLISH: Words = {
  subject: (ref) => `Your conversation with us (reference ${ref})`,
  intro: 'Here is your conversation with our team, as you asked.',
  you: 'You',
  support: 'Support',
  ref: (ref) => `Your reference: ${ref}`,
  why: 'You get this e-mail because you asked for it at the end of our chat.',
};

export const WORDS: Record<Language, Words> = {
  en: ENGLISH,
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
  it: {
    subject: (ref) => `La Sua conversazione con noi (codice ${ref})`,
    intro: 'Ecco la Sua conversazione con il nostro team, come richiesto.',
    you: 'Lei',
    support: 'Assistenza',
    ref: (ref) => `Il Suo codice: ${ref}`,
    why: 'Riceve questa e-mail perché l’ha richiesta alla fine della nostra chat.',
  },
  pt: {
    subject: (ref) => `Sua conversa com a gente (código ${ref})`,
    intro: 'Aqui está sua conversa com a nossa equipe, como você pediu.',
    you: 'Você',
    support: 'Suporte',
    ref: (ref) => `Seu código: ${ref}`,
    why: 'Você recebeu este e-mail porque o pediu ao final do nosso chat.',
  },
  nl: {
    subject: (ref) => `Uw gesprek met ons (referentie ${ref})`,
    intro: 'Hier is uw gesprek met ons team, zoals gevraagd.',
    you: 'U',
    support: 'Klantenservice',
    ref: (ref) => `Uw referentie: ${ref}`,
    why: 'U ontvangt deze e-mail omdat u erom hebt gevraagd aan het einde van onze chat.',
  },
  pl: {
    subject: (ref) => `Twoja rozmowa z nami (numer zgłoszenia ${ref})`,
    intro: 'Oto zgodnie z prośbą Twoja rozmowa z naszym zespołem.',
    you: 'Ty',
    support: 'Obsługa klienta',
    ref: (ref) => `Numer zgłoszenia: ${ref}`,
    why: 'Otrzymujesz tę wiadomość, ponieważ poproszono o nią na końcu naszego czatu.',
  },
  ar: {
    subject: (ref) => `محادثتك معنا (الرقم المرجعي \u2066${ref}\u2069)`,
    intro: 'إليك محادثتك مع فريقنا كما طلبت.',
    you: 'أنت',
    support: 'الدعم',
    ref: (ref) => `رقمك المرجعي: \u2066${ref}\u2069`,
    why: 'تصلك هذه الرسالة لأنك طلبتها في نهاية محادثتنا.',
  },
  he: {
    subject: (ref) => `השיחה שלכם איתנו (מספר פנייה \u2066${ref}\u2069)`,
    intro: 'הנה השיחה שלכם עם הצוות שלנו, כפי שביקשתם.',
    you: 'אתם',
    support: 'תמיכה',
    ref: (ref) => `מספר הפנייה שלכם: \u2066${ref}\u2069`,
    why: 'קיבלתם את ההודעה הזו כי ביקשתם אותה בסוף הצ׳אט שלנו.',
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
  'zh-Hant': {
    subject: (ref) => `您與我們的對話紀錄（參考編號 ${ref}）`,
    intro: '依照您的要求，這是您與我們團隊的對話紀錄。',
    you: '您',
    support: '客服',
    ref: (ref) => `您的參考編號：${ref}`,
    why: '您收到這封電子郵件，是因為您在對話結束時要求寄送。',
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
    language: { lang: language, dir: language === 'ar' || language === 'he' ? 'rtl' : 'ltr' },
  });
}
