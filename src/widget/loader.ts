/**
 * The loader: everything `dist/lifeline.js` does. It reads and checks the settings, draws the
 * launcher and the phone link at once as plain DOM, replays the page's queued commands, and
 * loads the panel (Preact, search, positioning) only when the visitor shows intent or the page
 * has gone idle after its load event.
 */
import { readSettings, type Settings } from './settings';
import { browserChecks } from './browser-checks';
import { createHost, showOnTop, hideFromTop } from './host';
import { createLauncher, type Launcher } from './launcher/launcher';
import { ENGLISH_LAUNCHER, type LauncherStrings } from './i18n/launcher-strings';
import { directionOf } from '../protocol/bidi';
import { pickLanguage, type Language } from './i18n/locale';
import { createEmitter, EVENTS, type LifelineEvent, type Listener } from './emitter';
import { logPending } from './pending-log';
import { sessionStorageOrNull } from './storage';
import { watchNavigation, transcriptUrl, articleFromHash } from './navigation';
import type { MountPanel, PanelHandle, View, Visitor } from './panel-contract';
import type { TranscriptEntry } from '../protocol/transcript';
import baseCss from './styles/base.css?inline';

/** File name of the panel chunk, set by the build (it carries a content hash). */
declare const __LIFELINE_PANEL__: string;
declare const __LIFELINE_VERSION__: string;
/** The launcher words of a language other than English: "./lifeline-words-%.<hash>.js", % the language. */
declare const __LIFELINE_WORDS__: string;

type Command = [name: string, ...args: unknown[]];
interface Stub {
  (...args: unknown[]): unknown;
  q?: ArrayLike<ArrayLike<unknown>>;
  version?: string;
}
type LifelineWindow = Window & { Lifeline?: Stub; LifelineSettings?: unknown };

const log = (message: string, ...rest: unknown[]): void => console.error(`[Lifeline] ${message}`, ...rest);

export function boot(script: HTMLScriptElement | null): void {
  const w = window as LifelineWindow;
  if (w.Lifeline?.version) {
    console.warn('[Lifeline] included twice; the second copy does nothing.');
    return;
  }
  const queued: Command[] = Array.from(w.Lifeline?.q ?? [], (args) => Array.from(args) as Command);

  const { settings, problems } = readSettings(
    { ...(script?.dataset ?? {}) },
    w.LifelineSettings,
    browserChecks,
    script?.nonce || script?.getAttribute('nonce') || null,
  );
  for (const p of problems) log(`${p.attribute}: ${p.message}`);

  const language = pickLanguage([settings.locale, document.documentElement.lang, ...navigator.languages]);
  const base = script?.src || document.baseURI;
  const panelUrl = new URL(__LIFELINE_PANEL__, base).href;
  // English is in this file; another language's launcher words are a file of their own, fetched
  // now and drawn once they are here (English, never a mix, if that file cannot be had).
  const words: Promise<LauncherStrings> | null =
    language === 'en'
      ? null
      : import(/* @vite-ignore */ new URL(__LIFELINE_WORDS__.replace('%', language), base).href).then(
          (m: { default: LauncherStrings }) => m.default,
          (error: unknown) => (log('the launcher words could not be loaded; using English.', error), ENGLISH_LAUNCHER),
        );
  const widget = createWidget(settings, language, () => import(/* @vite-ignore */ panelUrl), words, () => delete w.Lifeline);

  const api: Stub = (...args: unknown[]) => widget.command(args as Command);
  api.version = __LIFELINE_VERSION__;
  w.Lifeline = api;
  for (const command of queued) widget.command(command);
  widget.ready();
}

/**
 * One widget on the page: the script tag's (boot, above) or an app's (createLifeline, in
 * package.ts). `importPanel` fetches the panel chunk: by URL beside the script, or as a module
 * the app's bundler resolves. `words` are the launcher's words when not English (null: English,
 * drawn at once). `onDestroy` undoes what the caller added (the script's global).
 */
export function createWidget(
  settings: Settings,
  language: Language,
  importPanel: () => Promise<{ mount: MountPanel }>,
  words: Promise<LauncherStrings> | null,
  onDestroy: () => void,
) {
  let strings = ENGLISH_LAUNCHER;
  // The site's own launcher words (launcher.help, launcher.call, launcher.panelFailed); the panel
  // checks every key of LifelineSettings.strings and names any it does not know.
  const own = Object(settings.strings?.[language]) as Record<string, unknown>;
  const useWords = (w: LauncherStrings): void => {
    strings = { ...w };
    for (const key in w) if (typeof own['launcher.' + key] == 'string') strings[key as keyof LauncherStrings] = own['launcher.' + key] as string;
  };
  const emitter = createEmitter();
  const cleanups: Array<() => void> = [];
  const host = createHost(settings.nonce);
  const container = document.createElement('div');
  container.className = 'll-root';
  // "auto" follows the visitor's system, live; the CSS then only needs one dark block.
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const applyTheme = (): void => {
    container.classList.toggle('ll-dark', settings.theme === 'dark' || (settings.theme === 'auto' && dark.matches));
  };
  applyTheme();
  dark.addEventListener('change', applyTheme);
  cleanups.push(() => dark.removeEventListener('change', applyTheme));
  container.lang = language;
  // The language's direction, not the page's: an English widget on an Arabic page stays left to
  // right, an Arabic one on an English page mirrors (the CSS is written in logical properties).
  container.dir = directionOf(language);
  host.root.append(container);
  cleanups.push(host.addStyles(baseCss));
  let visitor: Visitor | null = null; // read from storage on first use, not at page load
  // A link from an e-mailed reply (#lifeline-reopen=...): its key leaves the address bar (and
  // the history, and the transcript's page entry) at once, and goes to the panel, whose live
  // chunk trades it for the conversation when the panel opens on it (in mount, below).
  const reopen = location.hash.split('lifeline-reopen=')[1];
  if (reopen) history.replaceState(history.state, '', location.href.split('#')[0]);
  let launcher: Launcher | null = null;
  let panel: Promise<PanelHandle> | null = null;
  let destroyed = false;
  let mounted = false;

  const siteButton = (): Element | null =>
    settings.launcher ? document.querySelector(settings.launcher) : null;
  const anchor = (): Element | null => launcher?.button ?? siteButton();

  /** Runs `task` once the page has loaded and the main thread is idle; cancelled by destroy. */
  const afterLoadIdle = (task: () => void): void => {
    const schedule = (): void => {
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(task, { timeout: 4000 });
        cleanups.push(() => cancelIdleCallback(id));
      } else {
        const id = setTimeout(task, 1500);
        cleanups.push(() => clearTimeout(id));
      }
    };
    if (document.readyState === 'complete') schedule();
    else {
      addEventListener('load', schedule, { once: true });
      cleanups.push(() => removeEventListener('load', schedule));
    }
  };

  const loadPanel = (): Promise<PanelHandle> => {
    flush(); // the panel's transcript store must see what the loader recorded
    panel ??= importPanel()
      .then((module) => {
        if (destroyed) throw new Error('destroyed');
        return module.mount({
          root: host.root,
          container,
          settings,
          language,
          emitter,
          anchor,
          visitor: () => (visitor ??= readVisitor()),
          canStore,
          reopen,
          addStyles: host.addStyles,
          open,
          onClosed(returnFocus) {
            launcher?.setExpanded(false);
            emitter.emit('close');
            if (returnFocus) (anchor() as HTMLElement | null)?.focus?.();
          },
        });
      })
      .catch((error: unknown) => {
        panel = null; // let the next click try again
        if (!destroyed) log('the help panel could not be loaded:', error);
        throw error;
      });
    return panel;
  };
  const prefetch = (): void => void loadPanel().catch(() => undefined /* reported above */);

  // A panel that could not be loaded is told to the visitor only when they asked for it: a fetch
  // on a mere hover (or when the page was idle) that failed is tried again by the click.
  const open = (view?: View): void => {
    loadPanel().then((handle) => {
      const wasOpen = handle.isOpen();
      handle.open(view);
      launcher?.setExpanded(true);
      if (!wasOpen) emitter.emit('open', view);
    }, () => destroyed || showNote(strings.panelFailed));
  };
  const close = (): void => {
    if (!panel) return;
    panel.then((handle) => {
      if (!handle.isOpen()) return;
      handle.close();
    }, () => undefined);
  };
  // data-consent="required": nothing is stored until the visitor opens the panel themselves (a
  // click on the launcher: the only caller of toggle) or the page consents. `consent` is what the
  // page or the visitor said on this page; else the tab's earlier consent (CONSENT_KEY) counts.
  let consent: boolean | undefined;
  const canStore = (): boolean => consent ?? (!settings.consent || !!sessionStorageOrNull()?.getItem(CONSENT_KEY));
  const consentTo = (yes: unknown): void => {
    // Withdrawn: the panel clears what the widget stored (its keys only, not the site's).
    if ((consent = !!yes)) keep(CONSENT_KEY, '1');
    else void loadPanel().then((handle) => handle.forget());
    flush();
  };
  const toggle = (): void => {
    // Opening the panel is consent, unless the page said no (Lifeline('consent', false)).
    if (consent !== false) consentTo(1);
    if (!panel) return open();
    panel.then((handle) => (handle.isOpen() ? handle.close() : open()), () => open());
  };

  let noteTimer = 0;
  const showNote = (text: string): void => {
    if (!launcher) return;
    launcher.el.querySelector('.ll-launcher-note')?.remove();
    const note = document.createElement('p');
    note.className = 'll-launcher-note';
    note.setAttribute('role', 'status');
    note.textContent = text;
    launcher.el.append(note);
    clearTimeout(noteTimer);
    noteTimer = window.setTimeout(() => note.remove(), 8000);
  };

  const mount = (): void => {
    if (mounted || destroyed) return;
    mounted = true;
    if (settings.accent) {
      // Text on the accent is black or white, whichever passes AA: at CIE L* 49.4 both have
      // a contrast of 4.58:1, so clamp the lightness to 0 or 100 on either side of it.
      // (The accent passed CSS.supports('color'), so it cannot break out of the rule.)
      const a = settings.accent;
      cleanups.push(host.addStyles(`:host{--lifeline-accent:${a};--lifeline-on-accent:lch(from ${a} calc((49.4 - l) * 1000) 0 0)}`));
    }
    const ownButton = !settings.launcher;
    launcher = createLauncher(settings, strings, ownButton, () => {
      record({ type: 'handoff', at: new Date().toISOString(), channel: 'phone' });
      flush(); // a tel: link may leave the page
      emitter.emit('handoff', { channel: 'phone' });
    });
    container.append(launcher.el);
    document.body.append(host.element);
    showOnTop(launcher.el);

    const button = launcher.button;
    if (button) {
      button.addEventListener('click', toggle);
      button.addEventListener('pointerenter', prefetch);
      button.addEventListener('focus', prefetch);
    } else if (settings.launcher) {
      if (!siteButton()) log(`data-launcher: nothing matches "${settings.launcher}" yet`);
      // Delegated, so a button that a single-page app draws later (or redraws) still works.
      const selector = settings.launcher;
      const onClick = (event: Event): void => {
        if (!(event.target instanceof Element) || !event.target.closest(selector)) return;
        event.preventDefault();
        toggle();
      };
      const onIntent = (event: Event): void => {
        if (event.target instanceof Element && event.target.closest(selector)) prefetch();
      };
      document.addEventListener('click', onClick);
      document.addEventListener('pointerover', onIntent);
      document.addEventListener('focusin', onIntent);
      cleanups.push(() => {
        document.removeEventListener('click', onClick);
        document.removeEventListener('pointerover', onIntent);
        document.removeEventListener('focusin', onIntent);
      });
    }

    afterLoadIdle(prefetch);

    const deepLink = articleFromHash(location.hash);
    if (deepLink) open({ kind: 'article', id: deepLink });
    if (reopen) open({ kind: 'human' });
  };

  // What the loader logs waits for an idle moment after the load event: the first touch of
  // sessionStorage costs a synchronous read, which must not land on page load.
  const unwritten: TranscriptEntry[] = [];
  const flush = (): void => {
    if (!unwritten.length || !canStore()) return;
    for (const entry of unwritten.splice(0)) logPending(sessionStorageOrNull(), entry);
    panel?.then((handle) => handle.sync(), () => undefined);
  };
  const record = (entry: TranscriptEntry): void => {
    if (destroyed) return; // a route change's late title (below) after destroy
    unwritten.push(entry);
    afterLoadIdle(flush);
  };
  addEventListener('pagehide', flush);
  cleanups.push(() => removeEventListener('pagehide', flush));
  const recordPage = (): void => {
    const url = transcriptUrl(location.href);
    if (url) record({ type: 'page', at: new Date().toISOString(), url, title: document.title });
  };
  recordPage();
  cleanups.push(
    watchNavigation(() => {
      // Frameworks set the new title just after the route changes.
      setTimeout(recordPage, 300);
      const id = articleFromHash(location.hash);
      if (id) open({ kind: 'article', id });
    }),
  );

  const draw = (): void => {
    if (document.body) mount();
    else {
      document.addEventListener('DOMContentLoaded', mount, { once: true });
      cleanups.push(() => document.removeEventListener('DOMContentLoaded', mount));
    }
  };
  if (words) words.then((w) => destroyed || (useWords(w), draw()));
  else (useWords(strings), draw());

  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    panel?.then((handle) => handle.destroy(), () => undefined);
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    clearTimeout(noteTimer);
    if (launcher) hideFromTop(launcher.el);
    host.element.remove();
    emitter.clear();
    onDestroy();
  };

  const command = ([name, ...args]: Command): unknown => {
    if (destroyed) return undefined;
    switch (name) {
      case 'open':
        return open();
      case 'close':
        return close();
      case 'search':
        return open({ kind: 'search', query: typeof args[0] === 'string' ? args[0] : '' });
      case 'article':
        if (typeof args[0] !== 'string' && typeof args[0] !== 'number') return log(`article: expected an article id`);
        return open({ kind: 'article', id: String(args[0]) });
      case 'human':
        return open({ kind: 'human' });
      case 'identify': {
        const next = args[0];
        if (typeof next !== 'object' || !next) return log(`identify: expected an object {name, email, phone, id, attributes}`);
        visitor = { ...(visitor ?? readVisitor()), ...next };
        if (canStore()) keep(VISITOR_KEY, JSON.stringify(visitor));
        return undefined;
      }
      case 'consent':
        return consentTo(args[0]);
      case 'on': {
        const [event, fn] = args;
        if (!EVENTS.includes(event as LifelineEvent) || typeof fn !== 'function') {
          log(`on: expected an event (${EVENTS.join(', ')}) and a function`);
          return () => undefined;
        }
        return emitter.on(event as LifelineEvent, fn as Listener);
      }
      case 'destroy':
        return destroy();
      default:
        return log(`unknown command "${String(name)}"`);
    }
  };

  return {
    command,
    ready: () => emitter.emit('ready'),
  };
}

const VISITOR_KEY = 'lifeline:visitor';
const CONSENT_KEY = 'lifeline:consent';

/** identify() data, kept for the tab; the panel checks its fields before anything is sent. */
function readVisitor(): Visitor {
  try {
    return JSON.parse(sessionStorageOrNull()?.getItem(VISITOR_KEY) ?? '{}') as Visitor;
  } catch {
    return {}; // unreadable storage or JSON: start with an unknown visitor
  }
}

/** Stores `value` for the tab when it can; storage full or blocked: it is kept in memory for this page only. */
function keep(key: string, value: string): void {
  try {
    sessionStorageOrNull()?.setItem(key, value);
  } catch {
    // Storage full or blocked: the caller keeps what it needs in memory.
  }
}
