import type { RatingStrings } from '../rating';
import { ltr } from '../../../../protocol/bidi';

const strings: RatingStrings = {
  question: 'كيف كانت هذه المحادثة؟',
  good: 'جيدة',
  bad: 'سيئة',
  repeatQuestion: 'هل اضطررت إلى تكرار شيء سبق أن جرّبته؟',
  yes: 'نعم',
  no: 'لا',
  comment: 'هل تودّ إضافة شيء؟ (اختياري)',
  send: 'إرسال',
  chooseFirst: 'اختر «جيدة» أو «سيئة» أولًا.',
  thanks: 'شكرًا لإخبارنا.',
  failed: 'تعذّر إرسال إجابتك. يُرجى المحاولة مرة أخرى.',
  sendTranscript: 'أرسلوا لي هذه المحادثة',
  transcriptTo: (email) => `هل تريد نسخة؟ سنرسل هذه المحادثة إلى ${ltr(email)}.`,
  transcriptSent: (email) => `المحادثة في طريقها إلى ${ltr(email)}.`,
  transcriptFailed: 'تعذّر إرسالها. يُرجى المحاولة مرة أخرى.',
};

export default strings;
