import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: '今回の対応はいかがでしたか？',
  good: '良い',
  bad: '悪い',
  repeatQuestion: 'すでにお試しいただいたことを、もう一度説明する必要がありましたか？',
  yes: 'はい',
  no: 'いいえ',
  comment: 'ご意見があればご記入ください（任意）',
  send: '送信',
  chooseFirst: '先に「良い」か「悪い」をお選びください。',
  thanks: 'ご回答ありがとうございます。',
  failed: '回答を送信できませんでした。もう一度お試しください。',
  sendTranscript: 'この会話をメールで受け取る',
  transcriptTo: (email) => `控えが必要ですか？この会話を ${email} にメールでお送りします。`,
  transcriptSent: (email) => `この会話を ${email} にお送りしています。`,
  transcriptFailed: '送信できませんでした。もう一度お試しください。',
};

export default strings;
