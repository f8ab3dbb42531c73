/**
 * The history card's words in the four languages, kept in its chunk (they are few): a language
 * the chunk does not speak yet reads English.
 */
import type { IdentityErrorCode } from '../../../protocol/types';

export interface HistoryWords {
  title: string;
  loading: string;
  none: string;
  /** Older conversations than those listed exist. */
  more: string;
  you: string;
  /** An agent's message without a name. */
  team: string;
  channel: Record<'chat' | 'callback' | 'phone', string>;
  ref(ref: string): string;
  open: string;
  closed: string;
  file(name: string): string;
  article(title: string): string;
  /** Why the list is not shown; the visitor can still reach a person below. */
  refused: Record<Exclude<IdentityErrorCode, 'identity_off'>, string>;
  offline: string;
  retry: string;
}

const en: HistoryWords = {
  title: 'Your conversations',
  loading: 'Loading your earlier conversations…',
  none: 'No earlier conversations yet.',
  more: 'Older conversations are not shown.',
  you: 'You',
  team: 'Support',
  channel: { chat: 'Chat', callback: 'Callback', phone: 'Phone call' },
  ref: (ref) => `ref. ${ref}`,
  open: 'open',
  closed: 'closed',
  file: (name) => `File: ${name}`,
  article: (title) => `Article: ${title}`,
  refused: {
    identity_expired: 'Your sign-in has expired, so we can’t show your earlier conversations. Sign in again to see them. You can still talk to us.',
    identity_not_yet_valid: 'We couldn’t confirm your sign-in just now, so your earlier conversations stay private. You can still talk to us.',
    identity_invalid: 'We couldn’t confirm who you are, so your earlier conversations stay private. You can still talk to us.',
    identity_missing: 'We couldn’t confirm who you are, so your earlier conversations stay private. You can still talk to us.',
  },
  offline: 'Your earlier conversations can’t be loaded right now.',
  retry: 'Try again',
};

const fr: HistoryWords = {
  title: 'Vos conversations',
  loading: 'Chargement de vos conversations…',
  none: 'Aucune conversation pour l’instant.',
  more: 'Les conversations plus anciennes ne sont pas affichées.',
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

const de: HistoryWords = {
  title: 'Ihre Gespräche',
  loading: 'Ihre Gespräche werden geladen…',
  none: 'Noch keine früheren Gespräche.',
  more: 'Ältere Gespräche werden nicht angezeigt.',
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

const es: HistoryWords = {
  title: 'Tus conversaciones',
  loading: 'Cargando tus conversaciones…',
  none: 'Aún no hay conversaciones anteriores.',
  more: 'No se muestran las conversaciones más antiguas.',
  you: 'Tú',
  team: 'Soporte',
  channel: { chat: 'Chat', callback: 'Devolución de llamada', phone: 'Llamada' },
  ref: (ref) => `ref. ${ref}`,
  open: 'abierta',
  closed: 'cerrada',
  file: (name) => `Archivo: ${name}`,
  article: (title) => `Artículo: ${title}`,
  refused: {
    identity_expired: 'Tu sesión ha caducado, así que no podemos mostrar tus conversaciones. Vuelve a iniciar sesión para verlas. Puedes seguir contactándonos.',
    identity_not_yet_valid: 'No pudimos confirmar tu sesión ahora mismo, así que tus conversaciones siguen privadas. Puedes seguir contactándonos.',
    identity_invalid: 'No pudimos confirmar quién eres, así que tus conversaciones siguen privadas. Puedes seguir contactándonos.',
    identity_missing: 'No pudimos confirmar quién eres, así que tus conversaciones siguen privadas. Puedes seguir contactándonos.',
  },
  offline: 'Tus conversaciones no se pueden cargar ahora.',
  retry: 'Reintentar',
};

const WORDS: Record<string, HistoryWords> = { en, fr, de, es };

export const historyWords = (language: string): HistoryWords => WORDS[language] ?? en;
