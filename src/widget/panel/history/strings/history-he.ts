import type { HistoryWords } from '../words';
import { isolate, ltr } from '../../../i18n/bidi';

const words: HistoryWords = {
  title: 'השיחות שלכם',
  loading: 'השיחות הקודמות שלכם נטענות…',
  none: 'עדיין אין שיחות קודמות.',
  earlier: 'הצגת שיחות קודמות',
  you: 'אתם',
  team: 'תמיכה',
  channel: { chat: 'צ׳אט', callback: 'שיחה חוזרת', phone: 'שיחת טלפון' },
  ref: (ref) => `מס׳ פנייה ${ltr(ref)}`,
  open: 'פתוחה',
  closed: 'סגורה',
  file: (name) => `קובץ: ${isolate(name)}`,
  article: (title) => `מאמר: ${isolate(title)}`,
  refused: {
    identity_expired: 'תוקף ההתחברות שלכם פג, ולכן איננו יכולים להציג את השיחות הקודמות. התחברו שוב כדי לראות אותן. אפשר עדיין לפנות אלינו.',
    identity_not_yet_valid: 'לא הצלחנו לאמת את ההתחברות שלכם כרגע, ולכן השיחות הקודמות נשארות פרטיות. אפשר עדיין לפנות אלינו.',
    identity_invalid: 'לא הצלחנו לאמת מי אתם, ולכן השיחות הקודמות נשארות פרטיות. אפשר עדיין לפנות אלינו.',
    identity_missing: 'לא הצלחנו לאמת מי אתם, ולכן השיחות הקודמות נשארות פרטיות. אפשר עדיין לפנות אלינו.',
  },
  offline: 'לא ניתן לטעון כרגע את השיחות הקודמות שלכם.',
  retry: 'ניסיון נוסף',
};

export default words;
