/**
 * The widget's own view of the hours: data-hours in data-timezone (parsed once, a malformed
 * string reported once, naming the part), the visitor's zone and locale, and what to show for
 * a channel when the backend has not said (or cannot be reached).
 */
import type { BackendStatus, CallbackSlot, Channel } from '../../../protocol/types';
import { availability, candidateSlots, listSlots, parseHours, type Availability, type Reader, type Schedule } from '../../../hours';
import type { Language } from '../../i18n/locale';
import type { Settings } from '../../settings';

export type StatusState = BackendStatus | null | 'down';

/** The slot length the widget assumes when it has only data-hours (the server's default). */
const LOCAL_SLOT_MINUTES = 30;

const parsed = new Map<string, Schedule>();

export function visitorZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC'; // an engine without zone data: times are then shown in UTC
  }
}

/** data-hours as a schedule (always open when absent or malformed) in its zone. */
export function localHours(settings: Settings): { schedule: Schedule | null; zone: string } {
  const zone = settings.timezone ?? visitorZone();
  if (!settings.hours) return { schedule: null, zone };
  let schedule = parsed.get(settings.hours);
  if (!schedule) {
    const result = parseHours(settings.hours);
    if (result.problems.length) {
      console.error(`[Lifeline] data-hours: ${result.problems.join('; ')}. Every channel is shown as open until this is fixed.`);
    }
    parsed.set(settings.hours, (schedule = result.schedule));
  }
  return { schedule, zone };
}

/** The visitor's zone, and the locale of their language (data-locale or the browser's, when they match). */
export function readerFor(settings: Settings, language: Language): Reader {
  const locale = [settings.locale, typeof navigator === 'undefined' ? null : navigator.language].find(
    (tag) => tag && tag.toLowerCase().split(/[-_]/)[0] === language,
  );
  return { zone: visitorZone(), locale: locale ?? language, language };
}

/** The zone the business's clocks show: data-timezone, else the backend's, else the visitor's. */
export const businessZone = (settings: Settings, status: StatusState, reader: Reader): string =>
  settings.timezone ?? (typeof status === 'object' && status?.timezone ? status.timezone : reader.zone);

const time = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

/**
 * The backend's word when it answered (it runs chat and callbacks); else data-hours; else open.
 * The phone line is the site's own, so data-hours, when given, says when it is answered.
 */
export function channelAvailability(channel: Channel, status: StatusState, settings: Settings, now: number): Availability {
  if (typeof status === 'object' && status && !(channel === 'phone' && settings.hours)) {
    const c = status.channels[channel];
    return { open: c.open, nextOpening: time(c.nextOpening), closesAt: time(c.closesAt) };
  }
  const { schedule, zone } = localHours(settings);
  return schedule ? availability(schedule, channel, now, zone) : { open: true, nextOpening: null, closesAt: null };
}

/**
 * The callback times to offer: the backend's free slots; the slots of data-hours when the
 * backend lists none or cannot be reached (a request then waits in the outbox); null while
 * the status is loading.
 */
export function callbackSlots(status: StatusState, settings: Settings, now: number): CallbackSlot[] | null {
  if (status === null) return null;
  if (typeof status === 'object' && status.callbackSlots) return status.callbackSlots;
  const { schedule, zone } = localHours(settings);
  const slots = candidateSlots(schedule ?? { chat: null, callback: null, phone: null }, zone, now, { slotMinutes: LOCAL_SLOT_MINUTES });
  return listSlots(slots, zone).map((s) => ({ from: new Date(s.from).toISOString(), to: new Date(s.to).toISOString() }));
}
