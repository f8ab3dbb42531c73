const PROPS = ['top', 'left', 'width', 'height'] as const;

/**
 * Sizes and places the full-screen panel to the visual viewport: the part of the page the
 * visitor sees. When a phone's on-screen keyboard opens, iOS keeps the layout viewport and pans
 * it under the keyboard (Android may too), so a panel sized to the layout viewport would have
 * its composer and its phone under the keyboard; sized to the visual viewport, both stay above
 * it. Returns the cleanup: the listeners go and CSS places the panel again.
 */
export function followVisualViewport(panel: HTMLElement): () => void {
  const viewport = window.visualViewport;
  if (!viewport) return () => undefined; // an old browser: the CSS full-screen still applies
  const fit = (): void => {
    const { style } = panel;
    style.top = `${viewport.offsetTop}px`;
    style.left = `${viewport.offsetLeft}px`;
    style.width = `${viewport.width}px`;
    style.height = `${viewport.height}px`;
    // The field being typed in stays in sight as the keyboard takes the room below it.
    (panel.getRootNode() as ShadowRoot).activeElement?.scrollIntoView({ block: 'nearest' });
  };
  fit();
  viewport.addEventListener('resize', fit);
  viewport.addEventListener('scroll', fit);
  return () => {
    viewport.removeEventListener('resize', fit);
    viewport.removeEventListener('scroll', fit);
    for (const prop of PROPS) panel.style.removeProperty(prop);
  };
}
