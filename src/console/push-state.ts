/**
 * Browser notifications in the console: where they stand in this browser, and what the agent is
 * told about it, plainly. Pure (the browser's facts are passed in), so it is unit-tested in Node;
 * usePush.ts asks the browser and the server.
 */
import en from './strings/en';
import type { ConsoleStrings } from './strings/types';

/** What this browser offers, checked before anything is asked. */
export interface PushPlatform {
  /** window.isSecureContext: https, or http on localhost. */
  secure: boolean;
  /** 'serviceWorker' in navigator, PushManager and Notification exist. */
  hasPush: boolean;
  /** Notification.permission, when there is Notification. */
  permission: NotificationPermission | null;
}

export type PushState =
  | { kind: 'checking' }
  /** Cannot be turned on here: no https, or no Web Push in this browser. */
  | { kind: 'unavailable'; why: 'insecure' | 'unsupported' }
  /** The agent (or a policy) blocked notifications for this site. */
  | { kind: 'blocked' }
  /** Off; `said` is what the last attempt met, if anything (the question dismissed, an error). */
  | { kind: 'off'; said: string | null }
  | { kind: 'busy'; turning: 'on' | 'off' }
  /** On in this browser; `justTurnedOn` while the confirmation is worth showing. */
  | { kind: 'on'; justTurnedOn: boolean };

/** Where things stand before asking the browser for its subscription. */
export function initialState(platform: PushPlatform): PushState {
  if (!platform.secure) return { kind: 'unavailable', why: 'insecure' };
  if (!platform.hasPush) return { kind: 'unavailable', why: 'unsupported' };
  if (platform.permission === 'denied') return { kind: 'blocked' };
  return { kind: 'checking' };
}

/** The sentences under the toggle, in English (the agent's own language: useStrings().push). */
export const SAID: PushWords = en.push;
export type PushWords = ConsoleStrings['push'];

/** The sentence under the toggle, or null when the toggle says it all. */
export function pushSentence(state: PushState, said: PushWords = SAID): string | null {
  switch (state.kind) {
    case 'unavailable':
      return state.why === 'insecure' ? said.insecure : said.unsupported;
    case 'blocked':
      return said.blocked;
    case 'off':
      return state.said;
    case 'on':
      return state.justTurnedOn ? said.turnedOn : null;
    default:
      return null;
  }
}

/** base64url (the server's VAPID key) to the bytes PushManager.subscribe takes. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const text = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(text.length));
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** Whether a subscription was made with this server key (a new database makes a new key). */
export function sameKey(a: ArrayBuffer | null | undefined, b: Uint8Array): boolean {
  if (!a || a.byteLength !== b.length) return false;
  const x = new Uint8Array(a);
  return x.every((v, i) => v === b[i]);
}
