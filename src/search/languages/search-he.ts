/**
 * Hebrew for search (language.ts): niqqud and cantillation go, final letters ך ם ן ף ץ are read
 * as כ מ נ פ צ, then the one-letter prefixes (ה ו ב ל מ ש כ: the, and, in, to, from, that, as)
 * go while three letters are left, then a plural or feminine ending, so "ההזמנה", "הזמנה" and
 * "הזמנות" meet. Light: a word whose own first letter is one of the prefixes loses it too, the
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
    while (/^[הובלמשכ]/.test(word) && word.length > 3) word = word.slice(1);
    return suffixes(word);
  },
  suffixes: [['ים', ''], ['ות', ''], ['ה', '']],
};

export default table;
