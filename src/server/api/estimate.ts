/** The chat wait estimate as of now (../wait.ts), from the store's recent first replies. */
import { WAIT_WINDOW_MS, estimateWaitSeconds } from '../wait';
import type { ApiDeps } from './deps';
import { iso } from './http';

/** Reads the recent samples once; the answer estimates any queue position. */
export async function waitEstimator(deps: Pick<ApiDeps, 'store' | 'presence' | 'now'>): Promise<(position: number) => number | null> {
  const samples = await deps.store.firstReplySeconds(iso(deps.now() - WAIT_WINDOW_MS));
  const agents = deps.presence.online();
  return (position) => estimateWaitSeconds(samples, position, agents);
}
