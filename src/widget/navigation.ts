/**
 * Tells when a single-page app changes route, without patching history.pushState (the page's
 * globals are not ours to touch): the Navigation API where the browser has it, and popstate
 * and hashchange everywhere. Returns its cleanup.
 */
export function watchNavigation(onChange: (url: string) => void): () => void {
  let last = location.href;
  const check = (): void => {
    if (location.href === last) return;
    last = location.href;
    onChange(last);
  };
  // The current entry changes on pushState too; check a tick later, since
  // frameworks often update the URL after the event.
  const later = (): void => void setTimeout(check, 0);
  const nav = (window as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('currententrychange', later);
  addEventListener('popstate', later);
  addEventListener('hashchange', later);
  return () => {
    nav?.removeEventListener('currententrychange', later);
    removeEventListener('popstate', later);
    removeEventListener('hashchange', later);
  };
}

/** A page's URL as it goes in the transcript: without the query string, which may hold tokens. */
export function transcriptUrl(href: string): string {
  try {
    const url = new URL(href);
    return url.origin + url.pathname + url.hash;
  } catch {
    return ''; // not a URL: nothing worth keeping
  }
}

const ARTICLE_HASH = /^#lifeline-article=([\w-]+)$/;

/** `#lifeline-article=ID` deep links open that article (the panel's article links use them). */
export function articleFromHash(hash: string): string | null {
  return ARTICLE_HASH.exec(hash)?.[1] ?? null;
}
