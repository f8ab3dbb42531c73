/**
 * Direction: which languages read right to left, and how a value (a visitor's query, an
 * article's title, a name, a phone number, a reference) is isolated when a language pack puts
 * it inside a sentence. A string cannot hold a <bdi>, so the packs use the Unicode isolates that
 * <bdi> and dir="auto" stand for: FSI ... PDI takes the value's own direction from its first
 * strong letter, LRI ... PDI forces left to right (a phone number, a reference). Without them
 * "Where is my order?" inside an Arabic sentence reads "?Where is my order".
 */
import type { Language } from './languages';

export type Direction = 'ltr' | 'rtl';

/** The direction a language is written in (the loader sets it on the widget's root: kept tiny). */
export const directionOf = (language: Language): Direction => (language === 'ar' || language === 'he' ? 'rtl' : 'ltr');

/** First-strong isolate: the value keeps its own direction, whatever the sentence around it. */
export const isolate = (value: string): string => `\u2068${value}\u2069`;

/**
 * A time or a time range kept on one line ("9:00–9:30 ص"): its spaces do not break, nor does the
 * line after its dash. A range split over two lines reads as two times, right to left worst of all.
 */
export const oneLine = (value: string): string => String(value).replace(/ /g, '\u00a0').replace(/–/g, '–\u2060');

/**
 * Left-to-right isolate: phone numbers, references and addresses read left to right in every
 * language, and a phone number never breaks across lines (its spaces do not break).
 */
export const ltr = (value: string): string => `\u2066${value.replace(/ /g, '\u00a0')}\u2069`;
