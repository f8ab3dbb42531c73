import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'これまでのお問い合わせ',
  loading: 'これまでのお問い合わせを読み込んでいます…',
  none: 'これまでのお問い合わせはまだありません。',
  earlier: '以前のお問い合わせを表示',
  you: 'あなた',
  team: 'サポート',
  channel: { chat: 'チャット', callback: '折り返し電話', phone: 'お電話' },
  ref: (ref) => `番号：${ref}`,
  open: '対応中',
  closed: '完了',
  file: (name) => `ファイル：${name}`,
  article: (title) => `記事：${title}`,
  refused: {
    identity_expired: 'ログインの有効期限が切れているため、これまでのお問い合わせを表示できません。もう一度ログインするとご覧いただけます。このままお問い合わせいただくこともできます。',
    identity_not_yet_valid: '現在ログイン情報を確認できないため、これまでのお問い合わせは表示されません。このままお問い合わせいただくこともできます。',
    identity_invalid: 'ご本人であることを確認できないため、これまでのお問い合わせは表示されません。このままお問い合わせいただくこともできます。',
    identity_missing: 'ご本人であることを確認できないため、これまでのお問い合わせは表示されません。このままお問い合わせいただくこともできます。',
  },
  offline: '現在、これまでのお問い合わせを読み込めません。',
  retry: '再読み込み',
};

export default words;
