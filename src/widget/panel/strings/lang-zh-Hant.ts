import type { PanelStrings } from '../strings';

/**
 * Traditional Chinese (Taiwan and Hong Kong): our Simplified Chinese through OpenCC's
 * Simplified-to-Taiwan conversion with phrases, then reread for the words a Taiwanese support
 * site uses (說明 for Help, 搜尋, 聯絡, 回饋, 真人客服). Polite register (您), full-width
 * punctuation, 「」 quotes as Taiwan and Hong Kong write them. Not yet reviewed by a native speaker.
 */
const strings: PanelStrings = {
  title: '說明',
  close: '關閉說明',
  back: '返回',
  searchLabel: '搜尋說明',
  searchPlaceholder: '輸入您的問題',
  results: (n) => `找到 ${n} 篇文章`,
  noResults: (q) => `找不到與「${q}」相符的答案。`,
  noResultsHint: '客服人員可以馬上為您解答，您也可以換個說法再試一次。',
  popular: '熱門文章',
  loading: '正在載入文章…',
  articlesFailed: '說明文章無法載入。客服人員仍然可以為您提供協助。',
  retryArticles: '重試',
  searchFailed: '搜尋暫時無法使用：以下是這裡已有的文章，客服人員也可以為您提供協助。',
  searchBusy: '搜尋忙碌中，稍後會自動重試：以下是這裡已有的文章，客服人員也可以為您提供協助。',
  noArticles: '請告訴我們您需要什麼協助，客服人員隨時為您服務。',
  didHelp: '這篇文章對您有幫助嗎？',
  yes: '有幫助',
  no: '沒有幫助',
  thanks: '感謝您的回饋。',
  sorry: '很抱歉沒能幫上忙。接下來由客服人員為您服務。',
  talkToHuman: '聯絡真人客服',
  chatWith: (n) => `與${n}對話`,
  contactPerson: '向客服人員求助',
  callAt: (p) => `請撥打 ${p}。`,
  call: '撥打',
  humanIntro: '客服人員會為您提供協助，您不必重複說明。',
  phoneTitle: '電話聯絡',
  hours: '服務時間',
  emailTitle: '電子郵件聯絡',
  emailSubject: '協助請求',
  triedTitle: '您已嘗試過的方法',
  triedNote: '會提供給為您服務的客服人員。',
  triedEmpty: '尚無。',
  copy: '複製',
  copied: '已複製',
  clear: '清除',
  removeEntry: (what) => `移除「${what}」`,
  openOriginal: '在獨立頁面中開啟這篇文章',
  articleMissing: '找不到這篇文章。',
  summary: {
    page: (title, url) => (title ? `瀏覽了「${title}」（${url}）` : `瀏覽了 ${url}`),
    search: (query, count) => `搜尋了「${query}」— ${count} 個結果`,
    article: (title) => `閱讀了「${title}」`,
    feedback: (title, helpful) => `認為「${title}」${helpful ? '有幫助' : '沒有幫助'}`,
    handoff: (channel) => ({ chat: '要求與客服人員對話', callback: '要求回電', phone: '選擇了電話聯絡' })[channel],
  },
};

export default strings;
