import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: '您对这次对话满意吗？',
  good: '满意',
  bad: '不满意',
  repeatQuestion: '您是否需要重复说明已经尝试过的操作？',
  yes: '是',
  no: '否',
  comment: '还有什么想补充的吗？（选填）',
  send: '发送',
  chooseFirst: '请先选择“满意”或“不满意”。',
  thanks: '感谢您的反馈。',
  failed: '您的评价未能发送，请重试。',
  sendTranscript: '把这次对话发给我',
  transcriptTo: (email) => `需要副本吗？我们会把这次对话发送到 ${email}。`,
  transcriptSent: (email) => `对话记录正在发送到 ${email}。`,
  transcriptFailed: '未能发送，请重试。',
};

export default strings;
