import type { PanelStrings } from '../strings';
import { isolate, ltr } from '../../../protocol/bidi';

/** Arabic counts have six forms (Intl.PluralRules: zero, one, two, few, many, other). */
const plural = new Intl.PluralRules('ar');

const strings: PanelStrings = {
  title: 'المساعدة',
  close: 'إغلاق المساعدة',
  back: 'رجوع',
  searchLabel: 'البحث في المساعدة',
  searchPlaceholder: 'ابحث عن إجابة',
  results: (n) =>
    ({
      zero: 'لم يُعثر على أي مقال',
      one: 'تم العثور على مقال واحد',
      two: 'تم العثور على مقالين',
      few: `تم العثور على ${n} مقالات`,
      many: `تم العثور على ${n} مقالًا`,
      other: `تم العثور على ${n} مقال`,
    })[plural.select(n)] ?? `تم العثور على ${n} مقال`,
  noResults: (q) => `لم نجد إجابة مناسبة عن «${isolate(q)}».`,
  noResultsHint: 'يمكن لأحد أفراد فريقنا مساعدتك الآن، أو جرّب كلمات أخرى.',
  popular: 'المقالات الأكثر قراءة',
  loading: 'جارٍ تحميل المقالات…',
  articlesFailed: 'تعذّر تحميل مقالات المساعدة. لا يزال بإمكان أحد أفراد فريقنا مساعدتك.',
  retryArticles: 'إعادة المحاولة',
  noArticles: 'أخبرنا بما تحتاج إليه: أحد أفراد فريقنا جاهز لمساعدتك.',
  didHelp: 'هل أفادك هذا المقال؟',
  yes: 'نعم',
  no: 'لا',
  thanks: 'شكرًا لإخبارنا.',
  sorry: 'نأسف لأنه لم يُفدك. يمكن لأحد أفراد فريقنا متابعة الأمر معك.',
  talkToHuman: 'التحدث إلى شخص',
  chatWith: (n) => `محادثة مع ${isolate(n)}`,
  contactPerson: 'الحصول على مساعدة من شخص',
  callAt: (p) => `اتصل بنا على ${ltr(p)}.`,
  call: 'اتصل على',
  humanIntro: 'سيساعدك شخص حقيقي، دون أن تضطر إلى تكرار ما قلته.',
  phoneTitle: 'اتصل بنا',
  hours: 'ساعات العمل',
  emailTitle: 'راسلنا',
  emailSubject: 'طلب مساعدة',
  triedTitle: 'ما جرّبته',
  triedNote: 'نشاركه مع الشخص الذي يساعدك.',
  triedEmpty: 'لا شيء بعد.',
  copy: 'نسخ',
  copied: 'تم النسخ',
  clear: 'مسح',
  removeEntry: (what) => `إزالة «\u2068${what}\u2069»`,
  openOriginal: 'فتح هذا المقال في صفحته الخاصة',
  articleMissing: 'تعذّر العثور على هذا المقال.',
  searchFailed: 'البحث غير متاح الآن: إليك المقالات المتوفرة هنا، ويمكن لأحد موظفينا مساعدتك.',
  searchBusy: 'البحث مشغول الآن وسنحاول مجددًا بعد لحظات: إليك المقالات المتوفرة هنا، ويمكن لأحد موظفينا مساعدتك.',
  // Nouns, not verbs: a line says what happened without guessing the visitor's gender.
  summary: {
    // The parentheses go inside the isolate: a long address that wraps keeps them at its ends.
    page: (title, url) => (title ? `زيارة «${isolate(title)}» ${ltr(`(${url})`)}` : `زيارة ${ltr(url)}`),
    search: (query, count) =>
      `البحث عن «${isolate(query)}» — ${
        ({ zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: `${count} نتائج`, many: `${count} نتيجة`, other: `${count} نتيجة` })[plural.select(count)] ??
        `${count} نتيجة`
      }`,
    article: (title) => `قراءة «${isolate(title)}»`,
    feedback: (title, helpful) => `تقييم «${isolate(title)}» بأنه ${helpful ? 'مفيد' : 'غير مفيد'}`,
    handoff: (channel) => ({ chat: 'طلب المحادثة مع شخص', callback: 'طلب معاودة الاتصال', phone: 'اختيار الاتصال هاتفيًا' })[channel],
  },
};

export default strings;
