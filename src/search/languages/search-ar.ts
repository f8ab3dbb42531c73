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
  normalize: (word) =>
    word
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)),
  stem(word) {
    // light10: "و" if three letters are left, then one article form if two are left, then each
    // suffix found, in order, if two are left (three for the possessives كم ك نا: "بنك" stays).
    if (word.startsWith('و') && word.length > 3) word = word.slice(1);
    const article = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'].find((p) => word.startsWith(p) && word.length - p.length >= 2);
    if (article) word = word.slice(article.length);
    for (const [suffix, , min = 2] of table.suffixes) if (word.endsWith(suffix) && word.length - suffix.length >= min) word = word.slice(0, -suffix.length);
    return word;
  },
  suffixes: [
    ['كم', '', 3], ['ك', '', 3], ['نا', '', 3], ['ها', ''], ['ان', ''], ['ات', ''], ['ون', ''], ['ين', ''],
    ['يه', ''], ['ه', ''], ['ي', ''],
  ],
  // Everyday words people use for one another, written as general Modern Standard Arabic with a
  // few words of everyday speech ("فلوس", "موبايل", "باسورد"), not from any set's questions
  // (docs/search.md); read normalised and stemmed like any word.
  related:
    'مال نقود فلوس أموال|رسوم تكلفة سعر ثمن|استرداد استرجاع تعويض|إلغاء إبطال|شراء اشتري|دفع سداد تسديد|' +
    'متجر محل بائع تاجر|طلب أوردر|خطأ غلط|مفقود ضائع ناقص|مسروق سرقة|توصيل شحن تسليم|استلام وصول|' +
    'مشكلة عطل خلل|إصلاح حل معالجة|مكسور تالف معطوب|مساعدة دعم|سريع عاجل فوري|بطيء تأخير متأخر|' +
    'إيقاف توقف|حذف مسح إزالة|تغيير تعديل تحديث|تحقق تأكيد|الخارج دولي|مكرر مزدوج|إضافي زيادة|' +
    'رسالة بريد إيميل إشعار|هاتف جوال موبايل|اختيار تحديد|مبلغ قيمة|غريب مريب|احتيال نصب|' +
    'المرور باسورد|فاتورة إيصال|منتج سلعة|إرجاع استبدال|اشتراك عضوية|تواصل اتصال|خصم تخفيض كوبون|' +
    'مجاني مجانا|عميل زبون|ضمان كفالة|حساب بروفايل|دخول لوجين',
};

export default table;
