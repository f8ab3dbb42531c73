import { useLayoutEffect, useRef } from 'preact/hooks';

/**
 * Within a view, when what it shows changes (`key`; not on its first render, where the panel
 * focuses the view's heading): focus `target()`, the new part's heading or first control, and
 * scroll it into view with the card it belongs to. Without this, the button just pressed is
 * gone, focus falls to the page's <body>, and the new part may sit out of sight below (a
 * confirmation under the long form it replaced).
 */
export function useFocusOnChange(key: unknown, target: () => HTMLElement | null | undefined): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    if (first.current) return void (first.current = false);
    const el = target();
    if (!el) return;
    el.focus({ preventScroll: true });
    el.closest('.ll-card, .ll-feedback')?.scrollIntoView?.({ block: 'nearest' });
    el.scrollIntoView?.({ block: 'nearest' });
  }, [key]);
}
