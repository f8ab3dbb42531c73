import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: '通过电子邮件接收答复',
  nobody: '留下您的电子邮件地址，即使您关闭此页面，答复也会发送给您。',
  leaving: '不方便等待？如果您离开，我们会通过电子邮件把答复发给您。',
  label: '您的电子邮件地址',
  submit: '通过电子邮件发送答复',
  saved: (email) => `如果您在我们答复前离开，我们会把答复发送到 ${email}。`,
  problem: {
    empty: '请输入您的电子邮件地址。',
    long: `该地址太长（最多 ${EMAIL_MAX} 个字符）。`,
    format: '请输入一个电子邮件地址，例如 name@example.cn。',
    refused: '无法保存该地址。请检查后重试。',
    offline: '目前无法连接到我们的团队。请稍后再试。',
  },
  reopen: {
    expired: '您邮件中的链接已过期。您可以在这里重新咨询。',
    invalid: '该链接无法打开对话。请从邮件中复制完整链接，或在这里重新咨询。',
    offline: '目前无法连接到我们的团队来恢复您的对话。请稍后再次打开该链接。',
  },
};

export default words;
