/** E-mail: settings, the pure composer, the SMTP mailer, and the outbox's `mail` channel. */
export { composeMail, escapeHtml, handoffMessageIds, oneLine, renderHtml, renderText, type MailBlock, type MailDraft, type OutgoingMail } from './compose';
export { createMailer, mailOutcome, type Mailer } from './mailer';
export { enqueueMail, mailChannel, mailJobs, mailKey, MAIL, MAIL_RETRY } from './channel';
export { readMailSettings, isEmailAddress, type MailSettings } from './settings';
