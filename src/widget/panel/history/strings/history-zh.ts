import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: '您的对话记录',
  loading: '正在加载您之前的对话…',
  none: '暂无之前的对话。',
  earlier: '显示更早的对话',
  you: '您',
  team: '客服',
  channel: { chat: '在线交谈', callback: '预约回电', phone: '电话' },
  ref: (ref) => `编号：${ref}`,
  open: '进行中',
  closed: '已结束',
  file: (name) => `文件：${name}`,
  article: (title) => `文章：${title}`,
  refused: {
    identity_expired: '您的登录已过期，因此无法显示之前的对话。请重新登录后查看。您仍然可以联系我们。',
    identity_not_yet_valid: '目前无法确认您的登录状态，因此之前的对话不予显示。您仍然可以联系我们。',
    identity_invalid: '无法确认您的身份，因此之前的对话不予显示。您仍然可以联系我们。',
    identity_missing: '无法确认您的身份，因此之前的对话不予显示。您仍然可以联系我们。',
  },
  offline: '目前无法加载您之前的对话。',
  retry: '重试',
};

export default words;
