/**
 * Hebrew for search (language.ts): niqqud and cantillation go, final letters ך ם ן ף ץ are read
 * as כ מ נ פ צ, then a plural or feminine ending goes, then the one-letter prefixes (ה ו ב ל מ
 * ש כ: the, and, in, to, from, that, as) while three letters are left, so "ההזמנה", "הזמנה" and
 * "הזמנות" meet, and "מוצרים" and "מוצר". Light: a word whose own first letter is one of the prefixes loses it too, the
 * same way in a question and in an article, so they still meet.
 */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'he',
  stop:
    'של את על עם זה זו זאת הוא היא אני אתה אנחנו הם הן מה איך איפה מתי למה האם לא כן או גם כי אם יש אין ' +
      'כל שלי שלך שלו שלה שלנו שלכם אל עד רק אבל אחר אחרי היה הייתה יהיה שלום תודה בבקשה אפשר רוצה צריך',
  normalize: (word) => word.replace(/[ךםןףץ]/g, (f) => 'כמנפצ'['ךםןףץ'.indexOf(f)]!),
  stem(word, suffixes) {
    // The ending first, then the prefixes: "מוצרים" and "מוצר" (products, product) both keep
    // three letters, where prefixes first left "צרימ", too short to lose its plural.
    word = suffixes(word);
    while (/^[הובלמשכ]/.test(word) && word.length > 3) word = word.slice(1);
    return word;
  },
  // Read after the final letters are made plain: the plural "ים" is "ימ" by then.
  suffixes: [['ימ', ''], ['ות', ''], ['ה', '']],
  // Everyday words people use for one another, written as general Hebrew (with everyday
  // spellings: "סיסמא" beside "סיסמה"), not from any set's questions (docs/search.md); read
  // normalised and stemmed like any word, so no two of a group meet once their prefixes go.
  related:
    'כסף מזומנים|ביטול לבטל|חבילה דואר|נציג סוכן|שליח מוביל|עמלה עלות מחיר תעריף|החזר זיכוי|קנייה רכישה|תשלום חיוב|חנות מוכר ספק|הזמנה רכישה|' +
    'שגיאה טעות|אבד חסר נעלם|גניבה נגנב|משלוח אספקה מסירה|בעיה תקלה|תיקון פתרון|שבור פגום תקול|' +
    'עזרה תמיכה סיוע|מהיר דחוף אקספרס|איטי עיכוב איחור|מחיקה הסרה|שינוי עדכון עריכה|בדיקה אימות אישור|' +
    'חול בינלאומי|כפול כפילות|נוסף תוספת|הודעה מייל אימייל התראה|טלפון נייד סלולרי פלאפון|כתובת מען|' +
    'מגבלה תקרה|מוזר חשוד|הונאה עוקץ תרמית|חשבון פרופיל|סיסמה סיסמא|כניסה התחברות|חשבונית קבלה|' +
    'מוצר פריט|מנוי הרשמה|הנחה קופון מבצע|לקוח קונה',
};

export default table;
