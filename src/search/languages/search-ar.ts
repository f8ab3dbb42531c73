/**
 * Arabic for search (language.ts): each word normalised (tashkeel and tatweel gone, alef forms
 * أ إ آ ٱ read as ا, taa marbuta ة as ه, alef maqsura ى as ي, Arabic-Indic digits as 0–9), then
 * stemmed as Larkey's light10 does: "و" (and) and the article "ال" with its prefixes go, then the
 * common suffixes, each once, so "طلبي", "طلبك", "الطلبات" and "وطلباتكم" meet at "طلب".
 */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'ar',
  stop:
    'في من على الى عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم انا انت انتم نحن كيف اين متى ماذا لماذا ' +
      'لم لن لا ما هل قد كان كانت يكون او ثم ان كل بعد قبل عند حتى اي شيء مرحبا شكرا لو يا هناك هنا اريد ' +
      'ممكن يمكن لدي لي عندي',
  letters: 'أاإاآاٱاةهىي٠0١1٢2٣3٤4٥5٦6٧7٨8٩9',
  minStem: 2,
  prefixes: [['وال', 2], ['بال', 2], ['كال', 2], ['فال', 2], ['لل', 2], ['ال', 2], ['و', 3]],
  // Each found is stripped once, in this order, if two letters are left: possessives, plurals, then the rest.
  everySuffix: true,
  suffixes: [
    ['كم', '', 3], ['ك', '', 3], ['نا', '', 3], ['ها', ''], ['ان', ''], ['ات', ''], ['ون', ''], ['ين', ''],
    ['يه', ''], ['ه', ''], ['ي', ''],
  ],
};

export default table;
