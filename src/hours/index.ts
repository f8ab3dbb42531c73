/**
 * Opening hours, pure (no DOM, no network, no date library): the grammar (parse.ts), questions
 * at an instant (schedule.ts), wall time in a zone (zone.ts) and the visitor's words (format.ts).
 * Shared by the widget (data-hours) and the server (LIFELINE_HOURS).
 */
export { ALWAYS_OPEN, HOURS_CHANNELS, parseHours, type HoursChannel, type Period, type Rules, type Schedule } from './parse';
export { HORIZON_DAYS, availability, isOpen, nextClosing, nextOpening, openPeriods, type Availability, type Interval } from './schedule';
export { DATES_AHEAD_DAYS, dayName, describeDates, describeWeek, formatBack, formatSlot, formatTime, formatTimeRange, formatUntil, otherClock, type Reader } from './format';
// Every language's words are in ./lang (HOURS_WORDS), not here: the widget fetches one language.
export { comma, type HoursLanguage, type HoursWords } from './words';
export { isTimeZone, localTime, offsetAt, wallToInstant } from './zone';
export { SLOT_DAYS_LISTED, SLOT_HORIZON_DAYS, SLOT_LEAD_MS, SLOTS_LISTED_MAX, candidateSlots, listSlots, type SlotRules } from './slots';
