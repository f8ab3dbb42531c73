/**
 * The rule for a visitor's e-mail address, shared by the widget (which says what is wrong in
 * the visitor's language before sending) and the server (which refuses what breaks it). Pure.
 *
 * Deliberately plain, not RFC 5322: one address a person types (`name@example.com`), nothing a
 * mail header could read as more than one recipient or as another header (no spaces, line
 * breaks, commas, semicolons, angle brackets or quotes), a domain with a dot.
 */

/** Longest address (RFC 5321's path limit less its angle brackets). */
export const EMAIL_MAX = 254;

const EMAIL = /^[^\s@<>()[\]",;:\\]{1,64}@(?=.{3,253}$)[^\s@<>()[\]",;:\\.]+(?:\.[^\s@<>()[\]",;:\\.]+)+$/u;

/** What is wrong with an address, or null when it is one: `empty`, `long`, `format`. */
export type EmailProblem = 'empty' | 'long' | 'format';

/** The address as it is kept: trimmed; `problem` says why it is refused. */
export function checkEmail(raw: string): { email: string; problem: EmailProblem | null } {
  const email = raw.trim();
  const problem = email === '' ? 'empty' : email.length > EMAIL_MAX ? 'long' : EMAIL.test(email) ? null : 'format';
  return { email, problem };
}
