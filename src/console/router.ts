/** The console's screens live in the location hash, so the server serves one shell for all. */
export type Route = { page: 'queue' } | { page: 'reports' } | { page: 'phrasings' } | { page: 'webhooks' } | { page: 'handoff'; id: string };

export function readRoute(hash: string): Route {
  if (hash === '#/reports') return { page: 'reports' };
  if (hash === '#/phrasings') return { page: 'phrasings' };
  if (hash === '#/webhooks') return { page: 'webhooks' };
  const match = /^#\/handoff\/([\w-]+)$/.exec(hash);
  return match?.[1] ? { page: 'handoff', id: match[1] } : { page: 'queue' };
}

export const goToQueue = (): void => {
  location.hash = '#/';
};

export const goToHandoff = (id: string): void => {
  location.hash = `#/handoff/${id}`;
};
