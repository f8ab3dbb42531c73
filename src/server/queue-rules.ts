/**
 * The rules of the agents' queue (GET /v1/agent/queue), over plain data: which phone references
 * have expired, when a callback is due, who is really waiting, and how a long section is cut so
 * that the newest visitor is never the one left out.
 */
import { localTime, wallToInstant } from '../hours';
import type { HandoffRecord } from './store/types';

/**
 * Phone references given before this instant have expired: the start of today in the business
 * zone. A reference is read out on the phone the day it is given; after that it only adds noise
 * to the queue, and its number is better freed for someone else.
 */
export function phoneRefsExpireBefore(now: number, zone: string): number {
  return wallToInstant(zone, localTime(zone, now).day, 0);
}

/** Handoffs listed per queue section unless the query says `limit` (GET /v1/agent/queue). */
export const QUEUE_LIMIT = 500;
/** The most a queue section lists, whatever the query asks. */
export const MAX_QUEUE_LIMIT = 5000;

/** A callback is due once its booked window has begun. */
export const callbackDue = (window: { from: string } | null, now: number): boolean => window !== null && Date.parse(window.from) <= now;

/** Open callbacks by booked time, soonest first (then by when they were asked for). */
export function byBookedTime<T extends Pick<HandoffRecord, 'callback' | 'createdAt'>>(callbacks: readonly T[]): T[] {
  const booked = (h: T): number => (h.callback ? Date.parse(h.callback.from) : Number.POSITIVE_INFINITY);
  return [...callbacks].sort((a, b) => booked(a) - booked(b) || a.createdAt.localeCompare(b.createdAt));
}

/**
 * People really waiting for an agent: chats nobody has answered yet, and callbacks nobody has
 * taken whose time has come. Phone references are not: the visitor calls us, the reference only
 * tells us who they are.
 */
export function waitingCount(
  queuedChats: number,
  callbacks: ReadonlyArray<{ status: HandoffRecord['status']; callbackWindow: { from: string } | null }>,
  now: number,
): number {
  return queuedChats + callbacks.filter((h) => h.status === 'queued' && callbackDue(h.callbackWindow, now)).length;
}

/** Handoffs always shown at the end of a cut section: the newest, so a new visitor is never hidden. */
export const NEWEST_KEPT = 50;

/** A section as listed: its rows, how many it has in all, and where rows were left out. */
export interface Cut<T> {
  rows: T[];
  total: number;
  /** Rows left out after the first `after` rows; null when every row is listed. */
  gap: { after: number; left: number } | null;
}

/**
 * A section oldest first, cut to `limit` rows when longer: the longest waiting and the
 * NEWEST_KEPT newest (`oldest` and `newest` as the store lists them, each at most `limit`), so
 * neither the visitor waiting longest nor the one who just arrived is hidden.
 */
export function cutSection<T extends { id: string }>(oldest: readonly T[], newest: readonly T[], total: number, limit: number): Cut<T> {
  if (total <= limit) return { rows: oldest.slice(0, limit), total, gap: null };
  const tail = Math.min(NEWEST_KEPT, Math.floor(limit / 2));
  const head = oldest.slice(0, limit - tail);
  const seen = new Set(head.map((h) => h.id));
  const end = newest.slice(0, tail).filter((h) => !seen.has(h.id)).reverse();
  return { rows: [...head, ...end], total, gap: { after: head.length, left: total - head.length - end.length } };
}
