/**
 * What is open, worked out once: every view of the ways to a person (the notice, the channel
 * list, the slot picker, the phone card, the phone's reference screen) reads this one answer,
 * so no two of them can disagree. Pure: the backend's last word, data-hours and the instant
 * come in; nothing is fetched or stored here.
 *
 * Who is the source for what:
 * - chat and callbacks are run by the backend: its /v1/status says when they are open. A
 *   backend that cannot be reached is not a closed one: what the visitor sends waits in the
 *   outbox, so the channel is `unreachable`, never `closed` because of it, and the wait and
 *   agents online it gave before are dropped (they are no longer known).
 * - the phone line is the site's own: data-hours says when it is answered, when given; else
 *   the backend's word; else (no hours anywhere) it is not known, and no "now" is claimed.
 */
import type { BackendStatus, CallbackSlot } from '../../../protocol/types';
import { availability, candidateSlots, listSlots, type HoursChannel, type Schedule } from '../../../hours';

/** What the backend said, as far as the widget knows now. */
export type BackendWord =
  /** The site has no handoff backend (data-backend not set). */
  | { kind: 'none' }
  /** The first /v1/status is on its way. */
  | { kind: 'loading' }
  | { kind: 'answered'; status: BackendStatus }
  /** It cannot be reached now (the status poll or the session failed); what it said last, if anything. */
  | { kind: 'unreachable'; last: BackendStatus | null };

/**
 * The backend's word from what the widget sees: the status poll (null while loading, 'down'
 * when it failed) and whether the session reaches the server. Unreachable as soon as either
 * finds it so: the poll runs every 30 s, the session knows first, and a wait or "1 online" the
 * poll gave before must not outlive the backend. While the session is connected, a failed poll
 * does not make it unreachable (the last answer stands).
 */
export function backendWord(poll: BackendStatus | null | 'down', last: BackendStatus | null, link: { online: boolean; connected: boolean }): BackendWord {
  if (!link.online || (poll === 'down' && !link.connected)) return { kind: 'unreachable', last };
  if (poll !== null && poll !== 'down') return { kind: 'answered', status: poll };
  return last ? { kind: 'answered', status: last } : { kind: 'loading' };
}

export type ChannelState =
  | { state: 'open'; closesAt: number | null }
  | { state: 'closed'; nextOpening: number | null }
  /** Run by a backend that cannot be reached now: what is sent waits and goes when it is back. */
  | { state: 'unreachable' }
  /** Not known (loading, or no hours anywhere for the phone): nothing is claimed. */
  | { state: 'unknown' };

export interface ChannelsNow {
  chat: ChannelState;
  callback: ChannelState;
  phone: ChannelState;
  /** The chat wait and agents online, only while the backend answers and chat is open. */
  wait: { minutes: number | null; agentsOnline: number } | null;
  /**
   * The callback times to offer (only those the hours allow); null while loading. An empty
   * list: none known (see `slotsKnown`).
   */
  slots: CallbackSlot[] | null;
  /** false when the slots could not be known (backend unreachable, no hours to go on). */
  slotsKnown: boolean;
  /** The zone the backend's hours are written in, when it said. */
  backendZone: string | null;
  /**
   * Chat is open by the hours but the backend says no agent is online: what is written now is
   * answered later (by e-mail), and the view says so before the visitor types (issue 12).
   */
  nobodyOnline: boolean;
}

export type ChannelName = 'chat' | 'callback' | 'phone';

/**
 * The order the ways to a person are offered in, soonest answer first. While a person is on chat
 * (or it is not known): chat, callback, phone, as always. While nobody is (chat closed, or nobody
 * online): the phone when it is answered now, then a callback at a set time, then a message
 * answered by e-mail, then a phone that is not answered now (callable, but nobody picks up).
 */
export function channelOrder(now: Pick<ChannelsNow, 'chat' | 'phone' | 'nobodyOnline'>): ChannelName[] {
  if (now.chat.state !== 'closed' && !now.nobodyOnline) return ['chat', 'callback', 'phone'];
  return now.phone.state === 'open' ? ['phone', 'callback', 'chat'] : ['callback', 'chat', 'phone'];
}

/** data-hours, parsed, in its zone; schedule null when the site gave none. */
export interface LocalHours {
  schedule: Schedule | null;
  zone: string;
}

/** The slot length the widget assumes when it has only data-hours (the server's default). */
export const LOCAL_SLOT_MINUTES = 30;
/** A slot starts at least this long after now (as the server's SLOT_LEAD_MS). */
const LEAD_MS = 15 * 60_000;

const time = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

function fromBackend(c: BackendStatus['channels'][HoursChannel]): ChannelState {
  return c.open ? { state: 'open', closesAt: time(c.closesAt) } : { state: 'closed', nextOpening: time(c.nextOpening) };
}

function fromHours(local: LocalHours, channel: HoursChannel, now: number): ChannelState {
  if (!local.schedule) return { state: 'open', closesAt: null };
  const a = availability(local.schedule, channel, now, local.zone);
  return a.open ? { state: 'open', closesAt: a.closesAt } : { state: 'closed', nextOpening: a.nextOpening };
}

/**
 * The backend's word on the phone, said at an earlier instant: still true until the change it
 * announced; after that, not known.
 */
function aged(state: ChannelState, now: number): ChannelState {
  if (state.state === 'open' && state.closesAt !== null && state.closesAt <= now) return { state: 'unknown' };
  if (state.state === 'closed' && (state.nextOpening === null || state.nextOpening <= now)) return { state: 'unknown' };
  return state;
}

function phoneState(word: BackendWord, local: LocalHours, now: number): ChannelState {
  if (local.schedule) return fromHours(local, 'phone', now);
  if (word.kind === 'answered') return fromBackend(word.status.channels.phone);
  if (word.kind === 'unreachable' && word.last) return aged(fromBackend(word.last.channels.phone), now);
  return { state: 'unknown' };
}

/** The slots data-hours allows (always-open without it), as the server would cut them. */
function localSlots(local: LocalHours, now: number): CallbackSlot[] {
  const schedule = local.schedule ?? { chat: null, callback: null, phone: null };
  return listSlots(candidateSlots(schedule, local.zone, now, { slotMinutes: LOCAL_SLOT_MINUTES }), local.zone).map((s) => ({
    from: new Date(s.from).toISOString(),
    to: new Date(s.to).toISOString(),
  }));
}

export function channelsNow(word: BackendWord, local: LocalHours, now: number): ChannelsNow {
  const phone = phoneState(word, local, now);
  switch (word.kind) {
    case 'none':
      return {
        chat: fromHours(local, 'chat', now),
        callback: fromHours(local, 'callback', now),
        phone,
        wait: null,
        slots: null,
        slotsKnown: false,
        backendZone: null,
        nobodyOnline: false,
      };
    case 'loading':
      return { chat: { state: 'unknown' }, callback: { state: 'unknown' }, phone, wait: null, slots: null, slotsKnown: false, backendZone: null, nobodyOnline: false };
    case 'answered': {
      const { status } = word;
      const chat = fromBackend(status.channels.chat);
      return {
        chat,
        callback: fromBackend(status.channels.callback),
        phone,
        wait: chat.state === 'open' ? { minutes: status.chatWaitSeconds === null ? null : Math.max(1, Math.round(status.chatWaitSeconds / 60)), agentsOnline: status.agentsOnline } : null,
        // No list from the backend: any window may be asked for; the site's hours cut them.
        slots: status.callbackSlots ?? localSlots(local, now),
        slotsKnown: true,
        backendZone: status.timezone ?? null,
        nobodyOnline: chat.state === 'open' && status.agentsOnline === 0,
      };
    }
    case 'unreachable': {
      // The times the site's own hours allow; else the backend's last free times still ahead;
      // else none is offered (a time nobody can take is not offered).
      const ahead = (word.last?.callbackSlots ?? []).filter((s) => Date.parse(s.from) >= now + LEAD_MS);
      const slots = local.schedule ? localSlots(local, now) : ahead;
      return {
        chat: { state: 'unreachable' },
        callback: { state: 'unreachable' },
        phone,
        wait: null,
        slots,
        slotsKnown: local.schedule !== null || ahead.length > 0,
        backendZone: word.last?.timezone ?? null,
        // Not known while it cannot be reached: its last word on who was online is dropped too.
        nobodyOnline: false,
      };
    }
  }
}
