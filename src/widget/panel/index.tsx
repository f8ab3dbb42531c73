/**
 * Entry of the lazily loaded panel chunk. The loader imports it on the visitor's first sign of
 * intent (or when the page is idle) and calls `mount` once; nothing runs at import time.
 */
import { render } from 'preact';
import type { MountPanel, PanelHandle, View } from '../panel-contract';
import { App, type AppControls } from './App';
import type { PanelCtx } from './context';
import panelCss from '../styles/panel.css?inline';
import { createTranscriptStore } from '../transcript-store';
import { gateStorage, sessionStorageOrNull } from '../storage';
import { loadStrings } from './strings';
import { directionOf } from '../../protocol/bidi';
import { TIME_ZONE_EXPECTED, isKnownTimeZone } from '../time-zone';
import { yieldToHost } from './yield-to-host';

export const mount: MountPanel = async (ctx) => {
  const site = ctx.settings.strings;
  // The site's own words are checked once, here; a mistake is named in the console, never shown.
  if (site) void import('../i18n/overrides').then((m) => m.reportSiteStrings(site), () => undefined /* loadStrings says it */);
  const strings = await loadStrings(ctx.language, site);
  // The full check of data-timezone (the loader checked its shape): here, not at page load, and
  // without a first DateTimeFormat where the list of zones answers (isKnownTimeZone).
  const zone = ctx.settings.timezone;
  if (zone && !isKnownTimeZone(zone)) {
    console.error(`[Lifeline] data-timezone: expected ${TIME_ZONE_EXPECTED}, got "${zone}"`);
    ctx.settings.timezone = null; // a zone this browser does not know: the visitor's own
  }
  const removeStyles = ctx.addStyles(panelCss);
  // Stored only while allowed (data-consent): asked at each use, so consent given later starts it.
  gateStorage(ctx.canStore);
  // What outlives the views' effects (the chat's session) registers its end here; something
  // that starts after destroy (a chunk that was still loading) is ended at once.
  let cleanups: Array<() => void> | null = [];
  const full: PanelCtx = {
    ...ctx,
    transcript: createTranscriptStore(sessionStorageOrNull),
    onDestroy: (cleanup) => void (cleanups ? cleanups.push(cleanup) : cleanup()),
  };
  const slot = document.createElement('div');
  slot.className = 'll-slot';
  // The loader set the root's dir; the panel says it again on its own root, so it never depends
  // on where it is mounted (and the packs' isolate helpers ride in this chunk, not one of their own).
  slot.dir = directionOf(ctx.language);
  ctx.container.append(slot);
  let controls: AppControls | null = null;
  let pending: View | undefined | null = null; // an open() that came before the first render

  // The rest of the start in tasks of its own, none long, so a key or click in between is
  // handled at once (issue 15: no task over 50 ms on opening Help): the first render (Preact
  // and the views compiled and run, the panel still hidden); then, once this resolves, the
  // loader's open() (the visible render, its layout and placement); then the first plural.
  await yieldToHost();
  render(
    <App
      ctx={full}
      strings={strings}
      bind={(c) => {
        controls = c;
        if (pending !== null) c.open(pending);
        pending = null;
      }}
    />,
    slot,
  );
  await yieldToHost();
  const handle: PanelHandle = {
    open(view) {
      if (controls) controls.open(view);
      else pending = view;
    },
    close: () => controls?.close(),
    isOpen: () => controls?.isOpen() ?? false,
    sync: () => full.transcript.sync(),
    forget() {
      // Straight to sessionStorage: the gate says no by now (consent is withdrawn), and this removes.
      try {
        for (const key in sessionStorage) if (key.startsWith('lifeline:')) sessionStorage.removeItem(key);
      } catch {
        // Storage blocked: nothing was stored.
      }
    },
    destroy() {
      render(null, slot);
      cleanups!.map((cleanup) => cleanup());
      cleanups = null;
      slot.remove();
      removeStyles();
    },
  };
  // Intl's first PluralRules and NumberFormat load the language's data (about 16 ms of CPU): in
  // a task of its own, after an open() waiting for this handle, and not in the keystroke that
  // shows the first results and their count. (At idle, with no open, not in any interaction.)
  void yieldToHost().then(() => strings.results(2));
  return handle;
};
