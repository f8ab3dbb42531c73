/**
 * The package's public types against the widget's own: a setting added to settings.ts (a new
 * data-* attribute) must be added to LifelineSettings too, and a new event to LifelineEvents, or
 * this file does not type-check (npm run typecheck). The factory itself runs in a browser:
 * e2e/package.spec.ts drives it from a packed tarball in a Vite app.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { EVENTS, type LifelineEvent as WidgetEvent } from './emitter';
import type { LifelineEvent, LifelineSettings } from './package-types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// Each line fails to compile when the two sides differ; the test below says the same at run time.
const settingsMatch: Same<keyof LifelineSettings, keyof Settings> = true;
const eventsMatch: Same<LifelineEvent, WidgetEvent> = true;

describe('the package types', () => {
  it('name every setting and every event of the widget', () => {
    expect(settingsMatch && eventsMatch).toBe(true);
    const documented: Record<keyof LifelineSettings, true> = {
      phone: true, phoneDial: true, phoneRef: true, articles: true, backend: true, email: true, hours: true, timezone: true,
      locale: true, position: true, launcher: true, theme: true, accent: true, title: true, greeting: true, nonce: true, strings: true, consent: true,
    };
    // consent is the one setting without a default (absent: the widget stores as it needs).
    expect(Object.keys(documented).sort()).toEqual([...Object.keys(DEFAULT_SETTINGS), 'consent'].sort());
    const events: Record<LifelineEvent, true> = { ready: true, open: true, close: true, search: true, article: true, handoff: true, message: true };
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });
});
