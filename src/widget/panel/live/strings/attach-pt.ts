import type { Words } from '../attach-words';

const words: Words = {
  attach: 'Anexar um arquivo',
  drop: 'Solte um arquivo para enviá-lo',
  problem: { type: 'Só é possível enviar imagens (PNG, JPEG, WebP, GIF) e arquivos PDF.', empty: 'Este arquivo está vazio.' },
  tooBig: (mb) => `Este arquivo é grande demais: no máximo ${mb} MB.`,
  lost: 'Não enviado: anexe o arquivo de novo.',
  view: (name) => `Abrir ${name} em tamanho real`,
  download: (name) => `Baixar ${name}`,
  close: 'Fechar',
};

export default words;
