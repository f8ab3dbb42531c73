/**
 * Entry of the npm package's ES module (README, "In an app"): `createLifeline(settings)` mounts
 * the same widget as the script tag, without a global, and hands back a typed handle. The panel
 * and its chunks are the CDN files beside it, imported as modules so the app's bundler splits
 * them out as it does its own lazy code.
 */
import { readSettings } from './settings';
import { browserChecks } from './browser-checks';
import { pickLanguage } from './i18n/locale';
import { createWidget } from './loader';
import { LAUNCHER_STRINGS } from './i18n/launcher-strings';
import type { MountPanel } from './panel-contract';
import type { LifelineHandle, LifelineSettings } from './package-types';

export type * from './package-types';

/** The panel chunk's path beside this module, set by the build (src/build/package.ts). */
declare const __LIFELINE_PANEL_MODULE__: string;
declare const __LIFELINE_VERSION__: string;

/** Whether a handle is alive: the widget is one per page (one element, one set of listeners). */
let alive = false;

/**
 * Mounts the widget (the launcher at once, the panel on the visitor's first sign of intent).
 * Throws when a widget is already on the page, from this package or a script tag: destroy the
 * other first (a component that mounts it in an effect destroys it in the effect's cleanup).
 */
export function createLifeline(settings: LifelineSettings): LifelineHandle {
  if (typeof document === 'undefined') throw new Error('[Lifeline] createLifeline needs a browser: call it in an effect, not while rendering on the server');
  const w = window as Window & { Lifeline?: { version?: string } };
  if (alive || w.Lifeline?.version) {
    throw new Error('[Lifeline] a widget is already on this page: call destroy() on it before createLifeline again');
  }
  if (typeof settings !== 'object' || settings === null) throw new TypeError('[Lifeline] createLifeline: expected settings, like { phone: "+1 800 555 0199" }');
  const { nonce, ...rest } = settings;
  const read = readSettings({}, rest, browserChecks, nonce ?? null);
  // The settings' names as the app wrote them (settings.phoneDial), not the script tag's attributes.
  for (const p of read.problems) {
    const name = p.attribute.replace(/^window\.LifelineSettings\.?|^data-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    console.error(`[Lifeline] settings${name ? '.' + name : ''}: ${p.message}`);
  }
  const language = pickLanguage([read.settings.locale, document.documentElement.lang, ...navigator.languages]);
  const importPanel = (): Promise<{ mount: MountPanel }> => import(__LIFELINE_PANEL_MODULE__);
  let destroyed = false;
  // An app's bundle carries every language's launcher words (a few bytes each): no file to fetch.
  const words = language === 'en' ? null : Promise.resolve(LAUNCHER_STRINGS[language]);
  const widget = createWidget(read.settings, language, importPanel, words, () => {
    destroyed = true;
    alive = false;
  });
  alive = true;
  // Listeners added right after createLifeline still hear `ready`.
  queueMicrotask(() => destroyed || widget.ready());

  const run = (...command: [string, ...unknown[]]): void => void widget.command(command);
  return {
    version: __LIFELINE_VERSION__,
    open: () => run('open'),
    close: () => run('close'),
    search: (query) => run('search', query),
    article: (id) => run('article', id),
    human: () => run('human'),
    identify: (visitor) => run('identify', visitor),
    consent: (given) => run('consent', given),
    on(event, listener) {
      if (destroyed) return () => undefined;
      return widget.command(['on', event, listener]) as () => void;
    },
    destroy: () => run('destroy'),
  };
}
