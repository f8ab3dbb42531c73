import type { Words } from '../attach-words';

const words: Words = {
  attach: 'ファイルを添付',
  drop: 'ここにファイルをドロップして送信',
  problem: { type: '送信できるのは画像（PNG、JPEG、WebP、GIF）とPDFファイルのみです。', empty: 'このファイルは空です。' },
  tooBig: (mb) => `ファイルが大きすぎます（${mb} MBまで）。`,
  lost: '送信できませんでした。もう一度ファイルを添付してください。',
  view: (name) => `${name}を原寸で開く`,
  download: (name) => `${name}をダウンロード`,
  close: '閉じる',
};

export default words;
