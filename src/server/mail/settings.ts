/**
 * E-mail settings (config.ts reads them with the others): LIFELINE_SMTP_URL, the server mail
 * goes out through, and LIFELINE_MAIL_FROM, the sender. A bad value stops the start with a
 * message naming the variable; a password is never repeated in it.
 */

export interface MailSettings {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS on connect). */
  smtpUrl: string;
  /** The address without its password, for messages and logs. */
  shown: string;
  /** LIFELINE_MAIL_FROM as written: `help@example.com` or `Example Help <help@example.com>`. */
  from: string;
  /** The address part of `from`. */
  fromAddress: string;
}

/** What readMailSettings throws: the variable and the problem (config.ts turns it into a SettingError). */
export class MailSettingProblem extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(problem);
  }
}

const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** A plain e-mail address (no name, no angle brackets). */
export const isEmailAddress = (text: string): boolean => text.length <= 254 && ADDRESS.test(text);

/** `url` with its password replaced by ***. */
export function redactSmtpUrl(url: string): string {
  return url.replace(/^(smtps?:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

export function readMailSettings(smtp: string | undefined, from: string | undefined): MailSettings | null {
  if (smtp === undefined) {
    if (from !== undefined) throw new MailSettingProblem('LIFELINE_SMTP_URL', 'must be set for LIFELINE_MAIL_FROM to be used (the SMTP server mail goes out through)');
    return null;
  }
  const shown = redactSmtpUrl(smtp);
  let url: URL | null = null;
  try {
    url = new URL(smtp);
  } catch {
    // named below
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '') {
    throw new MailSettingProblem(
      'LIFELINE_SMTP_URL',
      `must be an address like smtp://user:password@mail.example.com:587 (STARTTLS when offered) or smtps://user:password@mail.example.com:465 (TLS), got "${shown}"`,
    );
  }
  if (url.pathname !== '' && url.pathname !== '/') {
    throw new MailSettingProblem('LIFELINE_SMTP_URL', `must have no path after the host and port, got "${shown}"`);
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new MailSettingProblem('LIFELINE_SMTP_URL', `has a user or password that is not percent-encoded properly (write @ as %40, : as %3A), got "${shown}"`);
  }
  if (from === undefined) throw new MailSettingProblem('LIFELINE_MAIL_FROM', 'must be set with LIFELINE_SMTP_URL: the sender of the mails, like "Example Help <help@example.com>"');
  const fromAddress = senderAddress(from);
  if (fromAddress === null) {
    throw new MailSettingProblem('LIFELINE_MAIL_FROM', `must be an e-mail address, or a name and one in angle brackets like "Example Help <help@example.com>", got "${from}"`);
  }
  return { smtpUrl: smtp, shown, from, fromAddress };
}

/** The address of `help@example.com` or `Name <help@example.com>`; null when it is neither. */
function senderAddress(from: string): string | null {
  const named = /^([^<>]*)<([^<>]+)>$/.exec(from);
  if (named) return /[\r\n]/.test(named[1]!) || !isEmailAddress(named[2]!.trim()) ? null : named[2]!.trim();
  return isEmailAddress(from) ? from : null;
}

/** A comma-separated list of addresses, each checked; `variable` names it when one is not an address. */
export function readAddressList(variable: string, text: string | undefined): string[] {
  if (text === undefined) return [];
  const list = text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const address of list) {
    if (!isEmailAddress(address)) throw new MailSettingProblem(variable, `must be e-mail addresses separated by commas, like "ada@example.com, sam@example.com"; "${address}" is not one`);
  }
  return [...new Set(list.map((a) => a.toLowerCase()))];
}
