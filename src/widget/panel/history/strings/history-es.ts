import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Tus conversaciones',
  loading: 'Cargando tus conversaciones…',
  none: 'Aún no hay conversaciones anteriores.',
  earlier: 'Mostrar conversaciones anteriores',
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

export default words;
