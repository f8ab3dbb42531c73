import type { PanelStrings } from '../strings';
import { plural } from '../../../protocol/plural';

/** Brazilian Portuguese, the Portuguese most visitors read; "você" reads naturally in Portugal too. */
const strings: PanelStrings = {
  title: 'Ajuda',
  close: 'Fechar a ajuda',
  back: 'Voltar',
  searchLabel: 'Pesquisar na ajuda',
  searchPlaceholder: 'Pesquise uma resposta',
  results: (n) => plural('pt', n, { one: '# artigo encontrado', other: '# artigos encontrados' }),
  noResults: (q) => `Nenhuma resposta boa para “${q}”.`,
  noResultsHint: 'Uma pessoa pode ajudar você agora mesmo, ou tente outras palavras.',
  popular: 'Artigos mais lidos',
  loading: 'Carregando artigos…',
  articlesFailed: 'Não foi possível carregar os artigos de ajuda. Uma pessoa ainda pode ajudar você.',
  retryArticles: 'Tentar de novo',
  noArticles: 'Conte do que você precisa: uma pessoa está pronta para ajudar.',
  didHelp: 'Isto ajudou?',
  yes: 'Sim',
  no: 'Não',
  thanks: 'Obrigado por nos avisar.',
  sorry: 'Que pena que não ajudou. Uma pessoa pode continuar daqui.',
  talkToHuman: 'Falar com uma pessoa',
  chatWith: (n) => `Conversa com ${n}`,
  contactPerson: 'Receber ajuda de uma pessoa',
  callAt: (p) => `Ligue para nós: ${p}.`,
  call: 'Ligar para',
  humanIntro: 'Uma pessoa de verdade vai ajudar, sem que você precise repetir nada.',
  phoneTitle: 'Ligue para nós',
  hours: 'Horário',
  emailTitle: 'Escreva para nós',
  emailSubject: 'Pedido de ajuda',
  triedTitle: 'O que você já tentou',
  triedNote: 'Compartilhado com a pessoa que vai ajudar você.',
  triedEmpty: 'Nada ainda.',
  copy: 'Copiar',
  copied: 'Copiado',
  clear: 'Limpar',
  removeEntry: (what) => `Remover “${what}”`,
  openOriginal: 'Abrir este artigo na própria página',
  articleMissing: 'Esse artigo não foi encontrado.',
  searchFailed: 'A busca não está disponível agora: aqui estão os artigos que temos, e uma pessoa pode ajudar você.',
  summary: {
    page: (title, url) => (title ? `Visitou “${title}” (${url})` : `Visitou ${url}`),
    search: (query, count) => `Pesquisou “${query}” — ${plural('pt', count, { one: '# resultado', other: '# resultados' })}`,
    article: (title) => `Leu “${title}”`,
    feedback: (title, helpful) => `Marcou “${title}” como ${helpful ? 'útil' : 'não útil'}`,
    handoff: (channel) =>
      ({ chat: 'Pediu para conversar com uma pessoa', callback: 'Pediu uma ligação de volta', phone: 'Escolheu ligar por telefone' })[channel],
  },
};

export default strings;
