/**
 * A view's heading takes the focus when the view appears (after sign-in, opening a handoff,
 * going back), and is scrolled into view: otherwise the link or button that led there is gone
 * and the keyboard and screen reader fall to the page's top (<body>).
 */
import { useEffect, useRef } from 'preact/hooks';

/** A ref for the view's <h1 tabIndex={-1}>; focused once, the first render it is there. */
export function useViewHeading<T extends HTMLElement = HTMLHeadingElement>() {
  const ref = useRef<T>(null);
  const done = useRef(false);
  // No dependencies: a view that loads first (a handoff) renders its heading a little later.
  useEffect(() => {
    const heading = ref.current;
    if (done.current || !heading) return;
    done.current = true;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'nearest' });
  });
  return ref;
}
