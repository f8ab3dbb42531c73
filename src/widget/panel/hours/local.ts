/**
 * The widget's own view of the hours: data-hours in data-timezone (parsed once, a malformed
 * string reported once, naming the part), the visitor's zone and locale, and what is open now
 * (channels.ts) with data-hours read from the settings.
 */
import { parseHours, type Reader, type Schedule } from '../../../hours';
import { hoursWords } from './words';
import { channelsNow, type BackendWord, type ChannelsNow } from './channels';
import type { Language } from '../../i18n/locale';
import type { Settings } from '../../settings';

export type { BackendWord, ChannelsNow };

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

/**
 * The visitor's zone, and the locale of their language: data-locale, the browser's (the visitor's
 * own clock: en-GB says 17:00) or the page's lang, the first whose language is the widget's (a
 * pt-PT page read in an English browser writes dates as Portugal does).
 */
export function readerFor(settings: Settings, language: Language): Reader {
  const locale = [
    settings.locale,
    typeof navigator === 'undefined' ? null : navigator.language,
    typeof document === 'undefined' ? null : document.documentElement.lang,
  ].find((tag) => tag && tag.toLowerCase().split(/[-_]/)[0] === language);
  // The language's words (fetched before the hours chunk is used: words.ts), with the site's own
  // for the four plain ones (LifelineSettings.strings, hours.open...).
  const own = settings.strings?.[language];
  const words = { ...hoursWords(language) };
  for (const key of ['today', 'tomorrow', 'open', 'closed'] as const) {
    const value = own?.[`hours.${key}`];
    if (typeof value === 'string') words[key] = value;
  }
  return { zone: visitorZone(), locale: locale ?? language, language, words };
}

/** The zone the business's clocks show: data-timezone, else the backend's, else the visitor's. */
export const businessZone = (settings: Settings, now: ChannelsNow, reader: Reader): string => settings.timezone ?? now.backendZone ?? reader.zone;

/** What is open now (channels.ts), from the backend's word and data-hours: the one answer every view reads. */
export const channelsFor = (word: BackendWord, settings: Settings, now: number): ChannelsNow => channelsNow(word, localHours(settings), now);
