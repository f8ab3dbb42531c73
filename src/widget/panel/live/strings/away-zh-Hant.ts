import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: '透過電子郵件接收回覆',
  nobody: '留下您的電子郵件地址，即使您關閉這個頁面，回覆也會寄給您。',
  leaving: '不方便等待嗎？如果您離開，我們會透過電子郵件把回覆寄給您。',
  label: '您的電子郵件地址',
  submit: '透過電子郵件寄送回覆',
  saved: (email) => `如果您在我們回覆前離開，我們會把回覆寄到 ${email}。`,
  problem: {
    empty: '請輸入您的電子郵件地址。',
    long: `這個地址太長（最多 ${EMAIL_MAX} 個字元）。`,
    format: '請輸入電子郵件地址，例如 name@example.com。',
    refused: '無法儲存這個地址。請檢查後再試一次。',
    offline: '目前無法連線到我們的團隊。請稍後再試。',
  },
  reopen: {
    expired: '您電子郵件中的連結已過期。您可以在這裡重新提問。',
    invalid: '這個連結無法開啟對話。請從電子郵件中複製完整的連結，或在這裡重新提問。',
    offline: '目前無法連線到我們的團隊來恢復您的對話。請稍後再開啟一次這個連結。',
  },
};

export default words;
