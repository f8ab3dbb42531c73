import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Uw gesprekken',
  loading: 'Uw eerdere gesprekken worden geladen…',
  none: 'Nog geen eerdere gesprekken.',
  earlier: 'Eerdere gesprekken tonen',
  you: 'U',
  team: 'Klantenservice',
  channel: { chat: 'Chatgesprek', callback: 'Terugbelverzoek', phone: 'Telefoongesprek' },
  ref: (ref) => `ref. ${ref}`,
  open: 'lopend',
  closed: 'afgesloten',
  file: (name) => `Bestand: ${name}`,
  article: (title) => `Artikel: ${title}`,
  refused: {
    identity_expired: 'Uw inlogsessie is verlopen, daarom kunnen we uw eerdere gesprekken niet tonen. Log opnieuw in om ze te zien. U kunt ons nog steeds bereiken.',
    identity_not_yet_valid: 'We konden uw inlog nu niet bevestigen, dus uw eerdere gesprekken blijven privé. U kunt ons nog steeds bereiken.',
    identity_invalid: 'We konden niet bevestigen wie u bent, dus uw eerdere gesprekken blijven privé. U kunt ons nog steeds bereiken.',
    identity_missing: 'We konden niet bevestigen wie u bent, dus uw eerdere gesprekken blijven privé. U kunt ons nog steeds bereiken.',
  },
  offline: 'Uw eerdere gesprekken kunnen nu niet worden geladen.',
  retry: 'Opnieuw proberen',
};

export default words;
