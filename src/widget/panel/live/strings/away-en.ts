import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Get the answer by e-mail',
  nobody: 'Leave your e-mail address and the answer comes to you, even if you close this page.',
  leaving: 'Can’t wait? If you leave, we’ll e-mail you the answer.',
  label: 'Your e-mail address',
  submit: 'E-mail me the answer',
  saved: (email) => `If you leave before we answer, we’ll e-mail the answer to ${email}.`,
  problem: {
    empty: 'Enter your e-mail address.',
    long: `That address is too long (at most ${EMAIL_MAX} characters).`,
    format: 'Enter one e-mail address, like name@example.com.',
    refused: 'We couldn’t keep that address. Check it and try again.',
    offline: 'We can’t reach our team right now. Try again in a moment.',
  },
  reopen: {
    expired: 'The link in your e-mail has expired. You can ask us again here.',
    invalid: 'That link doesn’t open a conversation. Copy the whole link from the e-mail, or ask us again here.',
    offline: 'We can’t reach our team to reopen your conversation right now. Open the link again in a moment.',
  },
};

export default words;
