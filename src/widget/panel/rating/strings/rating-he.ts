import type { RatingStrings } from '../rating';
import { ltr } from '../../../../protocol/bidi';

const strings: RatingStrings = {
  question: 'איך הייתה השיחה?',
  good: 'טובה',
  bad: 'לא טובה',
  repeatQuestion: 'האם נאלצתם לחזור על משהו שכבר ניסיתם?',
  yes: 'כן',
  no: 'לא',
  comment: 'רוצים להוסיף משהו? (לא חובה)',
  send: 'שליחה',
  chooseFirst: 'בחרו קודם "טובה" או "לא טובה".',
  thanks: 'תודה ששיתפתם אותנו.',
  failed: 'לא הצלחנו לשלוח את התשובה. נא לנסות שוב.',
  sendTranscript: 'שלחו לי את השיחה',
  transcriptTo: (email) => `רוצים עותק? נשלח את השיחה לכתובת ${ltr(email)}.`,
  transcriptSent: (email) => `השיחה בדרך לכתובת ${ltr(email)}.`,
  transcriptFailed: 'לא הצלחנו לשלוח אותה. נא לנסות שוב.',
};

export default strings;
