import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Suas conversas',
  loading: 'Carregando suas conversas anteriores…',
  none: 'Nenhuma conversa anterior ainda.',
  earlier: 'Mostrar conversas anteriores',
  you: 'Você',
  team: 'Suporte',
  channel: { chat: 'Chat', callback: 'Retorno de ligação', phone: 'Ligação' },
  ref: (ref) => `cód. ${ref}`,
  open: 'em aberto',
  closed: 'encerrada',
  file: (name) => `Arquivo: ${name}`,
  article: (title) => `Artigo: ${title}`,
  refused: {
    identity_expired: 'Seu login expirou, por isso não podemos mostrar suas conversas anteriores. Entre de novo para vê-las. Você ainda pode falar com a gente.',
    identity_not_yet_valid: 'Não conseguimos confirmar seu login agora, então suas conversas anteriores continuam privadas. Você ainda pode falar com a gente.',
    identity_invalid: 'Não conseguimos confirmar quem você é, então suas conversas anteriores continuam privadas. Você ainda pode falar com a gente.',
    identity_missing: 'Não conseguimos confirmar quem você é, então suas conversas anteriores continuam privadas. Você ainda pode falar com a gente.',
  },
  offline: 'Não é possível carregar suas conversas anteriores agora.',
  retry: 'Tentar de novo',
};

export default words;
