import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Vos conversations',
  loading: 'Chargement de vos conversations…',
  none: 'Aucune conversation pour l’instant.',
  earlier: 'Afficher les conversations précédentes',
  you: 'Vous',
  team: 'Assistance',
  channel: { chat: 'Discussion', callback: 'Rappel', phone: 'Appel' },
  ref: (ref) => `réf. ${ref}`,
  open: 'en cours',
  closed: 'terminée',
  file: (name) => `Fichier : ${name}`,
  article: (title) => `Article : ${title}`,
  refused: {
    identity_expired: 'Votre session a expiré : nous ne pouvons pas afficher vos conversations. Reconnectez-vous pour les voir. Vous pouvez toujours nous contacter.',
    identity_not_yet_valid: 'Nous n’avons pas pu confirmer votre connexion : vos conversations restent privées. Vous pouvez toujours nous contacter.',
    identity_invalid: 'Nous n’avons pas pu confirmer qui vous êtes : vos conversations restent privées. Vous pouvez toujours nous contacter.',
    identity_missing: 'Nous n’avons pas pu confirmer qui vous êtes : vos conversations restent privées. Vous pouvez toujours nous contacter.',
  },
  offline: 'Vos conversations ne peuvent pas être chargées pour le moment.',
  retry: 'Réessayer',
};

export default words;
