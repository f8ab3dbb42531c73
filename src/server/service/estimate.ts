/** The chat wait estimate as of now (../wait.ts), from the store's recent first replies. */
import { WAIT_WINDOW_MS, estimateWaitSeconds } from '../wait';
import type { Presence } from '../presence';
import type { Store } from '../store/types';

const iso = (t: number): string => new Date(t).toISOString();

/** Reads the recent samples once; the answer estimates any queue position. */
export async function waitEstimator(deps: {
  store: Pick<Store, 'firstReplySeconds'>;
  presence: Pick<Presence, 'online'>;
  now: () => number;
}): Promise<(position: number) => number | null> {
  const samples = await deps.store.firstReplySeconds(iso(deps.now() - WAIT_WINDOW_MS));
  const agents = await deps.presence.online();
  return (position) => estimateWaitSeconds(samples, position, agents);
}
