/**
 * The one element Lifeline adds to a page: <lifeline-widget> with an open shadow root. All of
 * the widget's CSS lives in that root, so nothing leaks out and the page's rules cannot reach in
 * (only inherited properties cross the boundary, and :host resets them).
 */
export interface Host {
  element: HTMLElement;
  root: ShadowRoot;
  /** Adds CSS to the shadow root; returns its removal. */
  addStyles(css: string): () => void;
}

export const HOST_TAG = 'lifeline-widget';

export function createHost(nonce: string | null): Host {
  // Not a registered custom element on purpose: registering would be a global side effect,
  // and an unknown element with a shadow root needs no class.
  const element = document.createElement(HOST_TAG);
  const root = element.attachShadow({ mode: 'open' });
  const addStyles = (css: string): (() => void) => {
    // Constructable stylesheets need no nonce and no <style> element; fall back to a <style>
    // carrying the script's nonce where adoptedStyleSheets is missing or frozen.
    if ('adoptedStyleSheets' in root && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    root.prepend(style);
    return () => style.remove();
  };
  return { element, root, addStyles };
}

/** Shows an element in the browser's top layer when it can, so no z-index war with the page. */
export function showOnTop(el: HTMLElement): void {
  try {
    el.popover = 'manual';
    el.showPopover();
  } catch {
    // No Popover API (or already shown): the CSS fallback, a fixed z-index, applies.
    el.classList.add('ll-no-top-layer');
  }
}

export function hideFromTop(el: HTMLElement): void {
  try {
    el.hidePopover();
  } catch {
    // Not shown, or no Popover API: nothing to undo.
  }
}
