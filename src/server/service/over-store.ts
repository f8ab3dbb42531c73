/**
 * The service over a bare store, with in-memory parts and defaults (hours always open in UTC,
 * no articles known): for the store contract suite and tests that need rows written the way
 * the server writes them, without an app around them.
 */
import { NO_CATALOG } from '../article-catalog';
import { createBus } from '../bus';
import { ALWAYS_OPEN } from '../../hours';
import { DEFAULT_PHRASINGS_PER_ARTICLE } from '../phrasings';
import { createPresence } from '../presence';
import type { Store } from '../store/types';
import { createHandoffService, type HandoffService, type ServiceDeps } from './handoffs';
import type { BusMessage } from './publish';

export function serviceOver(store: Store, options: Partial<Omit<ServiceDeps, 'store'>> = {}): HandoffService {
  const now = options.now ?? Date.now;
  return createHandoffService({
    store,
    bus: createBus<BusMessage>(),
    queue: { moved: () => undefined },
    presence: createPresence(now),
    secret: async () => 'a test secret of 32 characters or more',
    phrasingsPerArticle: DEFAULT_PHRASINGS_PER_ARTICLE,
    hours: { schedule: ALWAYS_OPEN, zone: 'UTC' },
    callbacks: { slotMinutes: 30, perSlot: 2 },
    articles: NO_CATALOG,
    mailDomain: null,
    ...options,
    now,
  });
}
