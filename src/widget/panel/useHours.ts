import { useEffect, useState } from 'preact/hooks';

/** The hours chunk (hours/Availability.tsx): the hours grammar and availability views. */
export type HoursModule = typeof import('./hours/Availability');

let loading: Promise<HoursModule> | undefined;

/** Loads the hours chunk, once per page. */
export const loadHours = (): Promise<HoursModule> => (loading ??= import('./hours/Availability'));

/** The hours chunk once loaded; null meanwhile, or if it cannot load (the plain hours text stays). */
export function useHours(): HoursModule | null {
  const [hours, setHours] = useState<HoursModule | null>(null);
  useEffect(() => void loadHours().then(setHours, (error: unknown) => console.error('[Lifeline] the opening hours could not be loaded.', error)), []);
  return hours;
}
