import type { LiveStrings } from '../../strings';
import { isolate, ltr, oneLine } from '../../../../protocol/bidi';

const plural = new Intl.PluralRules('ar');
/** "N minutes" with Arabic's six plural forms. */
const minutes = (n: number): string =>
  ({ zero: `${n} دقيقة`, one: 'دقيقة واحدة', two: 'دقيقتان', few: `${n} دقائق`, many: `${n} دقيقة`, other: `${n} دقيقة` })[plural.select(n)] ?? `${n} دقيقة`;
/** "N online": agents, counted. */
const online = (n: number): string =>
  ({ zero: 'لا أحد متصل الآن', one: 'شخص واحد متصل', two: 'شخصان متصلان', few: `${n} أشخاص متصلون`, many: `${n} شخصًا متصلًا`, other: `${n} شخص متصل` })[plural.select(n)] ??
  `${n} متصل`;

const strings: LiveStrings = {
  choose: 'كيف تفضّل التواصل معنا؟',
  chat: 'المحادثة مع شخص',
  chatNote: (wait, agents) => `${wait !== null ? `الانتظار نحو ${minutes(wait)}` : 'مدة الانتظار غير معروفة'} · ${agents > 0 ? online(agents) : 'لا أحد متصل الآن'}`,
  callback: 'طلب معاودة الاتصال',
  callbackNote: 'نتصل بك في الوقت الذي يناسبك',
  phone: 'اتصل بنا الآن',
  phoneLater: (p) => `اتصل بنا على ${ltr(p)}`,
  phoneNote: 'احصل على رقم مرجعي تذكره لنا، لنرى ما جرّبته',
  closed: 'مغلق الآن',
  offline: 'لا يمكننا الوصول إلى فريقنا الآن. ما ترسله محفوظ وسيصل فور عودتنا.',
  offlineCall: 'يمكنك أيضًا الاتصال بنا الآن.',
  queued: (position, wait) =>
    position
      ? `ترتيبك ${position} في قائمة الانتظار${wait !== null ? `، نحو ${minutes(wait)}` : ''}. ابقَ هنا أو تابع التصفح: المحادثة ترافقك.`
      : 'في انتظار أحد أفراد فريقنا.',
  joined: (name) => `انضم ${isolate(name)} إلى المحادثة.`,
  typing: (name) => `${isolate(name)} يكتب…`,
  ended: 'انتهت هذه المحادثة.',
  again: 'بدء محادثة جديدة',
  message: 'الرسالة',
  send: 'إرسال',
  you: 'أنت',
  support: 'الدعم',
  sending: 'جارٍ الإرسال…',
  notSent: 'لم تُرسَل.',
  retry: 'إعادة المحاولة',
  waitingToSend: 'ستُرسَل فور عودتنا',
  callbackTitle: 'متى نتصل بك؟',
  yourPhone: 'رقم هاتفك',
  phoneInvalid: 'أدخل رقم هاتف: أرقام ومسافات و+ ( ) . - فقط، و3 أرقام على الأقل.',
  slotDay: 'اليوم',
  slotsLegend: 'اختر وقتًا (بحسب منطقتك الزمنية)',
  nextFree: (when) => `أقرب وقت متاح: ${isolate(oneLine(when))}`,
  noSlots: 'لا توجد أوقات متاحة خلال الأسبوعين القادمين. يُرجى الاتصال بنا.',
  slotsUnknown: 'لا يمكننا عرض الأوقات المتاحة الآن. يُرجى الاتصال بنا أو المحاولة بعد قليل.',
  chatClosed: (back) => `المحادثة مغلقة الآن${back ? `، ${back}` : ''}.`,
  closedQueued: 'رسالتك بانتظار أول من يصل من فريقنا؛ للحصول على رد أسرع، اطلب معاودة الاتصال أو اتصل بنا.',
  callMeAt: (when) => `اتصلوا بي ${oneLine(when)}`,
  nobody: 'لا أحد متاح للمحادثة الآن.',
  callInstead: 'يمكننا معاودة الاتصال بك بدلًا من ذلك:',
  byEmail: 'سنرد عليك عبر البريد الإلكتروني',
  endChat: 'إنهاء المحادثة',
  article: 'مقال',
  openArticle: (t) => `فتح المقال: ${isolate(t)}`,
  placeholder: 'اكتب رسالة…',
  seen: 'تمت القراءة',
  jump: 'الانتقال إلى الأحدث',
  endQuestion: 'هل تريد إنهاء هذه المحادثة؟',
  endNote: 'لن تتمكن من إرسال رسائل أخرى فيها، ويمكنك دائمًا بدء محادثة جديدة.',
  keepChatting: 'متابعة المحادثة',
  note: 'هل هناك ما ينبغي أن نعرفه؟ (اختياري)',
  requestCall: 'طلب الاتصال',
  callbackConfirmed: (phone, when) => `سنتصل بك على ${ltr(phone)}، ${oneLine(when)}.`,
  cancelRequest: 'إلغاء هذا الطلب',
  cancelled: 'تم إلغاء طلبك.',
  ref: (ref) => `رقمك المرجعي: ${ltr(ref)}`,
  quoteRef: 'اذكره عند الاتصال: سيرى من يرد عليك ما جرّبته من قبل.',
  otherWays: 'طرق أخرى للتواصل معنا',
  failed: (reason) => `لم ينجح ذلك (${isolate(reason)}). يُرجى الاتصال بنا.`,
  problems: {
    slot: 'حُجز هذا الموعد للتو. يُرجى اختيار موعد آخر.',
    ended: 'انتهت هذه المحادثة بالفعل',
    refused: 'لم يُقبل ما أُرسل',
    lost: 'لم يعد بالإمكان فتح هذه المحادثة هنا',
    other: 'مشكلة من جهتنا',
  },
};

export default strings;
