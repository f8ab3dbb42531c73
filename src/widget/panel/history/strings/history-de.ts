import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Ihre Gespräche',
  loading: 'Ihre Gespräche werden geladen…',
  none: 'Noch keine früheren Gespräche.',
  earlier: 'Ältere Gespräche anzeigen',
  you: 'Sie',
  team: 'Support',
  channel: { chat: 'Chat', callback: 'Rückruf', phone: 'Anruf' },
  ref: (ref) => `Ref. ${ref}`,
  open: 'offen',
  closed: 'beendet',
  file: (name) => `Datei: ${name}`,
  article: (title) => `Artikel: ${title}`,
  refused: {
    identity_expired: 'Ihre Anmeldung ist abgelaufen, daher können wir Ihre Gespräche nicht zeigen. Melden Sie sich erneut an, um sie zu sehen. Sie können uns trotzdem erreichen.',
    identity_not_yet_valid: 'Wir konnten Ihre Anmeldung gerade nicht bestätigen, Ihre Gespräche bleiben privat. Sie können uns trotzdem erreichen.',
    identity_invalid: 'Wir konnten nicht bestätigen, wer Sie sind, Ihre Gespräche bleiben privat. Sie können uns trotzdem erreichen.',
    identity_missing: 'Wir konnten nicht bestätigen, wer Sie sind, Ihre Gespräche bleiben privat. Sie können uns trotzdem erreichen.',
  },
  offline: 'Ihre Gespräche können gerade nicht geladen werden.',
  retry: 'Erneut versuchen',
};

export default words;
