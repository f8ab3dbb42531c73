import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'How was this conversation?',
  good: 'Good',
  bad: 'Bad',
  repeatQuestion: 'Did you have to repeat anything you had already tried?',
  yes: 'Yes',
  no: 'No',
  comment: 'Anything to add? (optional)',
  send: 'Send',
  chooseFirst: 'Choose Good or Bad first.',
  thanks: 'Thank you for telling us.',
  failed: 'Your answer could not be sent. Please try again.',
  sendTranscript: 'Send me this conversation',
  transcriptTo: (email) => `Want a copy? We’ll e-mail this conversation to ${email}.`,
  transcriptSent: (email) => `The conversation is on its way to ${email}.`,
  transcriptFailed: 'It could not be sent. Please try again.',
};

export default strings;
