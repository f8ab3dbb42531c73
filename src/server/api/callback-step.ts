/**
 * The body of POST /v1/agent/handoffs/:id/callback: the console's own API, so it is checked
 * here rather than in the handoff protocol's validators (src/protocol/validate.ts).
 */
import type { Validation } from '../../protocol/validate';
import type { CallbackState } from './agent-types';

export const CALLBACK_STATES: readonly CallbackState[] = ['called', 'no_answer', 'done'];

export interface CallbackStepRequest {
  state: CallbackState;
}

export function validateCallbackStep(body: unknown): Validation<CallbackStepRequest> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, path: '', error: 'The body must be a JSON object.' };
  }
  const state: unknown = (body as Record<string, unknown>).state;
  const found = CALLBACK_STATES.find((s) => s === state);
  if (found === undefined) {
    return { ok: false, path: 'state', error: 'state must be one of "called", "no_answer", "done"' };
  }
  return { ok: true, value: { state: found } };
}
