import { useLayoutEffect, useState } from 'preact/hooks';
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import type { Position } from '../settings';

/** Below these sizes the panel takes the whole screen instead of floating. */
const NARROW = '(max-width: 480px), (max-height: 460px)';
const MAX_WIDTH = 400;
const MAX_HEIGHT = 640;
const GAP = 8;

/**
 * Floats the open panel beside its anchor (our Help button or the site's), kept inside the
 * viewport on scroll and resize (autoUpdate with flip, shift and size); full-screen on narrow
 * viewports. Returns whether it is full-screen. autoUpdate's cleanup is the effect's cleanup.
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
    if (fullScreen || !reference || !reference.isConnected) {
      clear(); // CSS places it: full-screen, or in the corner when there is nothing to float by
      return;
    }
    const update = (): void => {
      void computePosition(reference, panel, {
        strategy: 'fixed',
        placement: position === 'bottom-left' ? 'top-start' : 'top-end',
        middleware: [
          offset(12),
          flip({ padding: GAP }),
          shift({ padding: GAP }),
          size({
            padding: GAP,
            apply({ availableWidth, availableHeight, elements }) {
              elements.floating.style.setProperty('max-width', `${Math.min(MAX_WIDTH, availableWidth)}px`);
              elements.floating.style.setProperty('max-height', `${Math.max(240, Math.min(MAX_HEIGHT, availableHeight))}px`);
            },
          }),
        ],
      }).then(({ x, y }) => {
        panel.style.setProperty('left', `${x}px`);
        panel.style.setProperty('top', `${y}px`);
      });
    };
    const stop = autoUpdate(reference, panel, update);
    return () => {
      stop();
      clear();
    };
  }, [open, panel, fullScreen, position]);

  return fullScreen;
}
