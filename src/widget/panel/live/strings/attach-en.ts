import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Attach a file',
  drop: 'Drop a file to send it',
  problem: { type: 'Only images (PNG, JPEG, WebP, GIF) and PDF files can be sent.', empty: 'This file is empty.' },
  tooBig: (mb) => `This file is too large: ${mb} MB at most.`,
  lost: 'Not sent: please attach the file again.',
  view: (name) => `Open ${name} at full size`,
  download: (name) => `Download ${name}`,
  close: 'Close',
};

export default words;
