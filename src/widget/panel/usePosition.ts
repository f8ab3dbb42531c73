import { useLayoutEffect, useState } from 'preact/hooks';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Position } from '../settings';
import { followVisualViewport } from './followVisualViewport';

/** Below these sizes the panel takes the whole screen instead of floating. */
const NARROW = '(max-width: 480px), (max-height: 460px)';
const MAX_WIDTH = 400;
const MAX_HEIGHT = 640;
const GAP = 8;
const OFFSET = 12;
/**
 * Below this much room above or below the anchor, a panel beside it would show two or three
 * lines (a site's button in the middle of a short window): the corner's full height is better.
 */
const COMFORTABLE = 460;

/**
 * Floats the open panel beside its anchor (our Help button or the site's), kept inside the
 * viewport on scroll and resize (autoUpdate with flip, shift and size); in its corner while
 * neither side of the anchor has comfortable room; full-screen on narrow viewports, sized to
 * the visual viewport so the on-screen keyboard covers nothing of it. Returns
 * whether it is full-screen. autoUpdate's (or the visual viewport's) cleanup is the effect's cleanup.
 */
export function usePosition(
  open: boolean,
  panel: HTMLElement | null,
  anchor: () => Element | null,
  position: Position,
): boolean {
  const [fullScreen, setFullScreen] = useState(() => matchMedia(NARROW).matches);

  useLayoutEffect(() => {
    const query = matchMedia(NARROW);
    const onChange = (): void => setFullScreen(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  useLayoutEffect(() => {
    const reference = anchor();
    if (!open || !panel) return;
    const clear = (): void => {
      for (const prop of ['left', 'top', 'max-width', 'max-height']) panel.style.removeProperty(prop);
    };
    clear();
    // Full-screen, it follows the visual viewport (the on-screen keyboard); in the corner when
    // there is nothing to float by, CSS places it.
    if (fullScreen) return followVisualViewport(panel);
    if (!reference || !reference.isConnected) return;
    let latest = 0; // a placement that resolves late must not undo a newer one
    const update = (): void => {
      const run = ++latest;
      const rect = reference.getBoundingClientRect();
      if (Math.max(rect.top, innerHeight - rect.bottom) - OFFSET - GAP < COMFORTABLE) return clear();
      void computePosition(reference, panel, {
        strategy: 'fixed',
        placement: position === 'bottom-left' ? 'top-start' : 'top-end',
        middleware: [
          offset(OFFSET),
          flip({ padding: GAP }),
          shift({ padding: GAP }),
          size({
            padding: GAP,
            apply({ availableWidth, availableHeight, elements }) {
              if (run !== latest) return;
              elements.floating.style.setProperty('max-width', `${Math.min(MAX_WIDTH, availableWidth)}px`);
              elements.floating.style.setProperty('max-height', `${Math.max(240, Math.min(MAX_HEIGHT, availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        if (run !== latest) return;
        panel.style.setProperty('left', `${x}px`);
        panel.style.setProperty('top', `${y}px`);
      });
    };
    const stop = autoUpdate(reference, panel, update);
    return () => {
      stop();
      latest++;
      clear();
    };
  }, [open, panel, fullScreen, position]);

  return fullScreen;
}
