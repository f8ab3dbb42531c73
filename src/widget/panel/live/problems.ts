/**
 * What the visitor is told when the backend refuses something for good (Link.error): the server's
 * code (src/protocol/error-codes.ts) as one of a few things a visitor can understand and act on,
 * said by the live pack in their language; never the server's English sentence.
 */
import type { ErrorCode } from '../../../protocol/error-codes';
import type { LiveStrings } from '../strings';

export type VisitorProblem = keyof LiveStrings['problems'];

const BY_CODE: Partial<Record<ErrorCode, VisitorProblem>> = {
  slot_unfree: 'slot',
  slot_taken: 'slot',
  closed: 'ended',
  not_closed: 'ended',
  rated: 'ended',
  invalid: 'refused',
  too_large: 'refused',
  unsupported_type: 'refused',
  attachment_refused: 'refused',
  unauthorized: 'lost',
  forbidden: 'lost',
  not_found: 'lost',
  gone: 'lost',
  token_lost: 'lost',
  link_expired: 'lost',
  link_invalid: 'lost',
};

export const problemOf = (code: ErrorCode): VisitorProblem => BY_CODE[code] ?? 'other';

/** The sentence to show: a taken callback time asks for another; anything else says what failed, and the phone. */
export const problemText = (s: LiveStrings, code: ErrorCode): string => {
  const problem = problemOf(code);
  return problem === 'slot' ? s.problems.slot : s.failed(s.problems[problem]);
};
