import type { Words } from '../attach-words';

const words: Words = {
  attach: '附加檔案',
  drop: '將檔案拖放到這裡即可傳送',
  problem: { type: '只能傳送圖片（PNG、JPEG、WebP、GIF）和 PDF 檔案。', empty: '這個檔案是空的。' },
  tooBig: (mb) => `檔案太大：上限為 ${mb} MB。`,
  lost: '未傳送：請重新附加檔案。',
  view: (name) => `查看 ${name} 的原始圖片`,
  download: (name) => `下載 ${name}`,
  close: '關閉',
};

export default words;
