/**
 * The words of the console's notifications, apart from its other words: the service worker
 * (../sw/sw.ts) needs only these, in every language, and stays small; each language's module
 * takes its own from here.
 */
import type { ConsoleLanguage } from './language';
import type { ConsoleStrings } from './types';
import { ltr } from '../../protocol/bidi';

export type NoticeWords = Pick<ConsoleStrings, 'locale' | 'notice'>;

export const NOTICE_WORDS: Record<ConsoleLanguage, NoticeWords> = {
  en: {
    locale: 'en',
    notice: {
      visitor: 'Visitor',
      chat: (ref) => `New chat · ${ref}`,
      callback: (ref) => `New callback · ${ref}`,
      phone: (ref) => `New phone reference · ${ref}`,
      noQuestion: 'No question typed yet',
      forTime: (at) => `For ${at}. `,
    },
  },
  fr: {
    locale: 'fr',
    notice: {
      visitor: 'Visiteur',
      chat: (ref) => `Nouvelle discussion · ${ref}`,
      callback: (ref) => `Nouveau rappel · ${ref}`,
      phone: (ref) => `Nouvelle référence téléphonique · ${ref}`,
      noQuestion: 'Aucune question saisie pour l’instant',
      forTime: (at) => `Pour ${at}. `,
    },
  },
  de: {
    locale: 'de',
    notice: {
      visitor: 'Besucher',
      chat: (ref) => `Neuer Chat · ${ref}`,
      callback: (ref) => `Neuer Rückruf · ${ref}`,
      phone: (ref) => `Neue Telefonreferenz · ${ref}`,
      noQuestion: 'Noch keine Frage eingegeben',
      forTime: (at) => `Für ${at}. `,
    },
  },
  es: {
    locale: 'es',
    notice: {
      visitor: 'Visitante',
      chat: (ref) => `Nuevo chat · ${ref}`,
      callback: (ref) => `Nueva devolución de llamada · ${ref}`,
      phone: (ref) => `Nueva referencia telefónica · ${ref}`,
      noQuestion: 'Aún no ha escrito ninguna pregunta',
      forTime: (at) => `Para ${at}. `,
    },
  },
  ar: {
    locale: 'ar',
    notice: {
      visitor: 'زائر',
      chat: (ref) => `محادثة جديدة · ${ltr(ref)}`,
      callback: (ref) => `معاودة اتصال جديدة · ${ltr(ref)}`,
      phone: (ref) => `مرجع هاتفي جديد · ${ltr(ref)}`,
      noQuestion: 'لم يكتب سؤالًا بعد',
      forTime: (at) => `في ${at}. `,
    },
  },
  he: {
    locale: 'he',
    notice: {
      visitor: 'מבקר',
      chat: (ref) => `צ׳אט חדש · ${ltr(ref)}`,
      callback: (ref) => `שיחה חוזרת חדשה · ${ltr(ref)}`,
      phone: (ref) => `מספר פנייה טלפוני חדש · ${ltr(ref)}`,
      noQuestion: 'עדיין לא נכתבה שאלה',
      forTime: (at) => `ל־${at}. `,
    },
  },
};
