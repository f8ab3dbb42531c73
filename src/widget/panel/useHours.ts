import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../i18n/locale';

/** The hours chunk (hours/Availability.tsx): the hours grammar and availability views. */
export type HoursModule = typeof import('./hours/Availability');

let loading: Promise<HoursModule> | undefined;

/** Loads the hours chunk, once per page, and the hours words of `language` (a chunk each) before it is used. */
export const loadHours = (language: Language): Promise<HoursModule> =>
  (loading ??= import('./hours/Availability')).then((hours) => hours.loadWords(language).then(() => hours));

/** The hours chunk once loaded; null meanwhile, or if it cannot load (the plain hours text stays). */
export function useHours(language: Language): HoursModule | null {
  const [hours, setHours] = useState<HoursModule | null>(null);
  useEffect(() => void loadHours(language).then(setHours, (error: unknown) => console.error('[Lifeline] the opening hours could not be loaded.', error)), []);
  return hours;
}
