import type { HistoryWords } from '../words';
import { isolate, ltr } from '../../../i18n/bidi';

const words: HistoryWords = {
  title: 'محادثاتك',
  loading: 'جارٍ تحميل محادثاتك السابقة…',
  none: 'لا توجد محادثات سابقة بعد.',
  earlier: 'عرض المحادثات الأقدم',
  you: 'أنت',
  team: 'الدعم',
  channel: { chat: 'محادثة', callback: 'معاودة اتصال', phone: 'مكالمة هاتفية' },
  ref: (ref) => `الرقم المرجعي ${ltr(ref)}`,
  open: 'مفتوحة',
  closed: 'مغلقة',
  file: (name) => `ملف: ${isolate(name)}`,
  article: (title) => `مقال: ${isolate(title)}`,
  refused: {
    identity_expired: 'انتهت صلاحية تسجيل دخولك، لذا لا يمكننا عرض محادثاتك السابقة. سجّل الدخول مرة أخرى لرؤيتها. لا يزال بإمكانك التواصل معنا.',
    identity_not_yet_valid: 'تعذّر علينا تأكيد تسجيل دخولك الآن، لذا تبقى محادثاتك السابقة خاصة. لا يزال بإمكانك التواصل معنا.',
    identity_invalid: 'تعذّر علينا التأكد من هويتك، لذا تبقى محادثاتك السابقة خاصة. لا يزال بإمكانك التواصل معنا.',
    identity_missing: 'تعذّر علينا التأكد من هويتك، لذا تبقى محادثاتك السابقة خاصة. لا يزال بإمكانك التواصل معنا.',
  },
  offline: 'لا يمكن تحميل محادثاتك السابقة الآن.',
  retry: 'إعادة المحاولة',
};

export default words;
