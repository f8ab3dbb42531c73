/**
 * The server's VAPID keys (RFC 8292): made once, kept in the database as one setting (so the
 * public and private halves always match, and every instance on one database signs with the
 * same pair: a browser subscribed through one instance takes pushes from all), and the subject
 * push services may contact the operator through.
 */
import webpush from 'web-push';
import type { Store } from '../store/types';

export interface VapidKeys {
  /** base64url, an uncompressed P-256 point: what PushManager.subscribe takes as applicationServerKey. */
  publicKey: string;
  privateKey: string;
}

const SETTING = 'vapid_keys';

/** The stored pair, made on first use. */
export async function vapidKeys(store: Store): Promise<VapidKeys> {
  const raw = await store.setting(SETTING, () => JSON.stringify(webpush.generateVAPIDKeys()));
  const parsed = JSON.parse(raw) as Partial<VapidKeys>;
  if (typeof parsed.publicKey !== 'string' || typeof parsed.privateKey !== 'string') {
    throw new Error(`the setting ${SETTING} in the database is not a VAPID key pair`);
  }
  return { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
}

/** The fallback subject when neither LIFELINE_MAIL_FROM nor an https LIFELINE_PUBLIC_URL is set. */
export const DEFAULT_VAPID_SUBJECT = 'mailto:lifeline@localhost';

/**
 * Who runs this server, for push services to write to when its pushes misbehave: the address
 * mail is sent from (LIFELINE_MAIL_FROM, "Name <a@b>" or "a@b"), else the server's https address
 * (LIFELINE_PUBLIC_URL), else DEFAULT_VAPID_SUBJECT. A subject must be mailto: or https:.
 */
export function vapidSubject(settings: { mailFrom?: string | null; publicUrl?: string | null }): string {
  const address = settings.mailFrom ? /<([^<>\s]+@[^<>\s]+)>/.exec(settings.mailFrom)?.[1] ?? settings.mailFrom.trim() : null;
  if (address && /^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `mailto:${address}`;
  if (settings.publicUrl && /^https:\/\//i.test(settings.publicUrl)) {
    const url = new URL(settings.publicUrl);
    // Apple's push service refuses an https://localhost subject.
    if (url.hostname !== 'localhost') return url.origin;
  }
  return DEFAULT_VAPID_SUBJECT;
}
