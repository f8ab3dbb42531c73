import type { Words } from '../attach-words';

const words: Words = {
  attach: '添加附件',
  drop: '将文件拖放到此处即可发送',
  problem: { type: '只能发送图片（PNG、JPEG、WebP、GIF）和 PDF 文件。', empty: '此文件为空。' },
  tooBig: (mb) => `文件太大：最大 ${mb} MB。`,
  lost: '未发送：请重新添加文件。',
  view: (name) => `查看 ${name} 原图`,
  download: (name) => `下载 ${name}`,
  close: '关闭',
};

export default words;
