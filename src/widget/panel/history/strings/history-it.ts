import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Le Sue conversazioni',
  loading: 'Caricamento delle Sue conversazioni precedenti…',
  none: 'Ancora nessuna conversazione precedente.',
  earlier: 'Mostra le conversazioni precedenti',
  you: 'Lei',
  team: 'Assistenza',
  channel: { chat: 'Chat', callback: 'Richiamata', phone: 'Telefonata' },
  ref: (ref) => `cod. ${ref}`,
  open: 'aperta',
  closed: 'chiusa',
  file: (name) => `Allegato: ${name}`,
  article: (title) => `Articolo: ${title}`,
  refused: {
    identity_expired: 'Il Suo accesso è scaduto, quindi non possiamo mostrarLe le conversazioni precedenti. Acceda di nuovo per vederle. Può comunque contattarci.',
    identity_not_yet_valid: 'Non siamo riusciti a confermare il Suo accesso in questo momento, quindi le Sue conversazioni restano private. Può comunque contattarci.',
    identity_invalid: 'Non siamo riusciti a confermare la Sua identità, quindi le Sue conversazioni restano private. Può comunque contattarci.',
    identity_missing: 'Non siamo riusciti a confermare la Sua identità, quindi le Sue conversazioni restano private. Può comunque contattarci.',
  },
  offline: 'Al momento non è possibile caricare le Sue conversazioni precedenti.',
  retry: 'Riprova',
};

export default words;
