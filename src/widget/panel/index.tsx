/**
 * Entry of the lazily loaded panel chunk. The loader imports it on the visitor's first sign of
 * intent (or when the page is idle) and calls `mount` once; nothing runs at import time.
 */
import { render } from 'preact';
import type { MountPanel, PanelHandle, View } from '../panel-contract';
import { App, type AppControls } from './App';
import panelCss from '../styles/panel.css?inline';
import { createTranscriptStore } from '../transcript-store';
import { gateStorage, sessionStorageOrNull } from '../storage';
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
  // Stored only while allowed (data-consent): asked at each use, so consent given later starts it.
  gateStorage(ctx.canStore);
  const full = { ...ctx, transcript: createTranscriptStore(sessionStorageOrNull) };
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
      slot.remove();
      removeStyles();
    },
  };
  return handle;
};
