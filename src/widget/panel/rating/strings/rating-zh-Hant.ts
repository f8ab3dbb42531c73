import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: '您對這次對話滿意嗎？',
  good: '滿意',
  bad: '不滿意',
  repeatQuestion: '您是否需要重複說明已經嘗試過的方法？',
  yes: '是',
  no: '否',
  comment: '還有什麼想補充的嗎？（選填）',
  send: '送出',
  chooseFirst: '請先選擇「滿意」或「不滿意」。',
  thanks: '感謝您的回饋。',
  failed: '您的評價未能送出，請再試一次。',
  sendTranscript: '把這次對話寄給我',
  transcriptTo: (email) => `需要副本嗎？我們會把這次對話寄到 ${email}。`,
  transcriptSent: (email) => `對話紀錄正在寄到 ${email}。`,
  transcriptFailed: '未能寄出，請再試一次。',
};

export default strings;
