import type { PanelStrings } from '../strings';
import { isolate, ltr } from '../../../protocol/bidi';

/** Hebrew counts: one, two and other (Intl.PluralRules). Plural imperatives address everyone alike. */
const plural = new Intl.PluralRules('he');

const strings: PanelStrings = {
  title: 'עזרה',
  close: 'סגירת העזרה',
  back: 'חזרה',
  searchLabel: 'חיפוש בעזרה',
  searchPlaceholder: 'חפשו תשובה',
  results: (n) => (plural.select(n) === 'one' ? 'נמצא מאמר אחד' : plural.select(n) === 'two' ? 'נמצאו שני מאמרים' : `נמצאו ${n} מאמרים`),
  noResults: (q) => `לא מצאנו תשובה מתאימה ל"${isolate(q)}".`,
  noResultsHint: 'נציג יכול לעזור בזה כבר עכשיו, או שאפשר לנסות מילים אחרות.',
  popular: 'מאמרים פופולריים',
  loading: 'טעינת מאמרים…',
  articlesFailed: 'לא הצלחנו לטעון את מאמרי העזרה. נציג עדיין יכול לעזור.',
  retryArticles: 'ניסיון נוסף',
  noArticles: 'ספרו לנו מה אתם צריכים: נציג מוכן לעזור.',
  didHelp: 'האם זה עזר?',
  yes: 'כן',
  no: 'לא',
  thanks: 'תודה על המשוב.',
  sorry: 'מצטערים שזה לא עזר. נציג יכול להמשיך מכאן.',
  talkToHuman: 'שיחה עם נציג',
  chatWith: (n) => `צ׳אט עם ${isolate(n)}`,
  contactPerson: 'קבלת עזרה מנציג',
  callAt: (p) => `התקשרו אלינו: ${ltr(p)}.`,
  call: 'התקשרו אל',
  humanIntro: 'אדם אמיתי יעזור לכם, בלי שתצטרכו לחזור על עצמכם.',
  phoneTitle: 'התקשרו אלינו',
  hours: 'שעות פעילות',
  emailTitle: 'כתבו לנו',
  emailSubject: 'בקשת עזרה',
  triedTitle: 'מה כבר ניסיתם',
  triedNote: 'יועבר לנציג שיעזור לכם.',
  triedEmpty: 'עדיין כלום.',
  copy: 'העתקה',
  copied: 'הועתק',
  clear: 'ניקוי',
  removeEntry: (what) => `הסרת "\u2068${what}\u2069"`,
  openOriginal: 'פתיחת המאמר בדף משלו',
  articleMissing: 'המאמר לא נמצא.',
  searchFailed: 'החיפוש אינו זמין כרגע: הנה המאמרים שיש לנו כאן, ונציג יכול לעזור לכם.',
  searchBusy: 'החיפוש עמוס כרגע, וננסה שוב בעוד רגע: הנה המאמרים שיש לנו כאן, ונציג יכול לעזור לכם.',
  // Nouns, not verbs: a line says what happened without guessing the visitor's gender.
  summary: {
    // The parentheses go inside the isolate: a long address that wraps keeps them at its ends.
    page: (title, url) => (title ? `ביקור ב"${isolate(title)}" ${ltr(`(${url})`)}` : `ביקור ב-${ltr(url)}`),
    search: (query, count) =>
      `חיפוש "${isolate(query)}" — ${count === 1 ? 'תוצאה אחת' : plural.select(count) === 'two' ? 'שתי תוצאות' : `${count} תוצאות`}`,
    article: (title) => `קריאת "${isolate(title)}"`,
    feedback: (title, helpful) => `"${isolate(title)}" סומן כ${helpful ? 'מועיל' : 'לא מועיל'}`,
    handoff: (channel) => ({ chat: 'בקשה לצ׳אט עם נציג', callback: 'בקשה לשיחה חוזרת', phone: 'בחירה להתקשר' })[channel],
  },
};

export default strings;
