/**
 * The machine side of an error answer: `code` in every error body (ErrorBody), so a client says
 * what went wrong in its own words and language, while `error` stays an English sentence for
 * people reading the API (docs/protocol.md, "Error codes"). Codes are never renamed.
 */
export const ERROR_CODES = [
  // By status, when nothing more precise applies.
  'invalid', // 400: the body or a parameter; `path` names the field
  'unauthorized', // 401: no token, or not this handoff's
  'forbidden', // 403: an origin or an agent that may not
  'not_found', // 404
  'conflict', // 409
  'gone', // 410
  'too_large', // 413
  'unsupported_type', // 415
  'rate_limited', // 429, with Retry-After
  'server_error', // 500
  'unavailable', // 503: the database cannot be reached
  // A handoff's state refuses it (the store's refusals).
  'closed',
  'taken',
  'not_chat',
  'not_callback',
  'not_closed',
  'not_sent',
  'rated',
  // Callbacks.
  'slot_unfree',
  'slot_taken',
  'token_lost',
  // E-mail and reopen links.
  'no_mail',
  'no_address',
  'link_expired',
  'link_invalid',
  // Files.
  'attachment_refused',
  // A refused identity token (IdentityErrorCode in types.ts, docs/protocol.md "Verified visitors").
  'identity_invalid',
  'identity_expired',
  'identity_not_yet_valid',
  'identity_missing',
  'identity_off',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  413: 'too_large',
  415: 'unsupported_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The code an answer of `status` has when nothing more precise is said (and for servers that send none). */
export const codeForStatus = (status: number): ErrorCode => BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'invalid');
