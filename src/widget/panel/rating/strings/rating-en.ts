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
};

export default strings;
