import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: '您的對話紀錄',
  loading: '正在載入您之前的對話…',
  none: '尚無之前的對話。',
  earlier: '顯示更早的對話',
  you: '您',
  team: '客服',
  channel: { chat: '線上交談', callback: '預約回電', phone: '電話' },
  ref: (ref) => `編號：${ref}`,
  open: '進行中',
  closed: '已結束',
  file: (name) => `檔案：${name}`,
  article: (title) => `文章：${title}`,
  refused: {
    identity_expired: '您的登入狀態已過期，因此無法顯示之前的對話。請重新登入後查看。您仍然可以聯絡我們。',
    identity_not_yet_valid: '目前無法確認您的登入狀態，因此不會顯示之前的對話。您仍然可以聯絡我們。',
    identity_invalid: '無法確認您的身分，因此不會顯示之前的對話。您仍然可以聯絡我們。',
    identity_missing: '無法確認您的身分，因此不會顯示之前的對話。您仍然可以聯絡我們。',
  },
  offline: '目前無法載入您之前的對話。',
  retry: '重試',
};

export default words;
