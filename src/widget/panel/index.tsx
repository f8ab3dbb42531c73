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
import { sessionStorageOrNull } from '../storage';
import { loadStrings } from './strings';
import { TIME_ZONE_EXPECTED } from '../time-zone';

export const mount: MountPanel = async (ctx) => {
  const strings = await loadStrings(ctx.language);
  // The full check of data-timezone (the loader checked its shape): here, because the first Intl
  // call with a zone loads its data (tens of ms), which the loader must not spend at page load.
  const zone = ctx.settings.timezone;
  if (zone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
    } catch {
      console.error(`[Lifeline] data-timezone: expected ${TIME_ZONE_EXPECTED}, got "${zone}"`);
      ctx.settings.timezone = null; // RangeError: a zone this browser does not know; the visitor's own
    }
  }
  const removeStyles = ctx.addStyles(panelCss);
  // What outlives the views' effects (the chat's session) registers its end here; something
  // that starts after destroy (a chunk that was still loading) is ended at once.
  let cleanups: Array<() => void> | null = [];
  const full: PanelCtx = {
    ...ctx,
    transcript: createTranscriptStore(sessionStorageOrNull()),
    onDestroy: (cleanup) => void (cleanups ? cleanups.push(cleanup) : cleanup()),
  };
  const slot = document.createElement('div');
  slot.className = 'll-slot';
  ctx.container.append(slot);
  let controls: AppControls | null = null;
  let pending: View | undefined | null = null; // an open() that came before the first render

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

  const handle: PanelHandle = {
    open(view) {
      if (controls) controls.open(view);
      else pending = view;
    },
    close: () => controls?.close(),
    isOpen: () => controls?.isOpen() ?? false,
    sync: () => full.transcript.sync(),
    destroy() {
      render(null, slot);
      cleanups!.map((cleanup) => cleanup());
      cleanups = null;
      slot.remove();
      removeStyles();
    },
  };
  return handle;
};
