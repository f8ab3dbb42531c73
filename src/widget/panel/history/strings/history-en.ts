import type { HistoryWords } from '../words';

const words: HistoryWords = {
  title: 'Your conversations',
  loading: 'Loading your earlier conversations…',
  none: 'No earlier conversations yet.',
  earlier: 'Show earlier conversations',
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

export default words;
