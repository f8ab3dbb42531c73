import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Wie war dieses Gespräch?',
  good: 'Gut',
  bad: 'Schlecht',
  repeatQuestion: 'Mussten Sie etwas wiederholen, das Sie schon versucht hatten?',
  yes: 'Ja',
  no: 'Nein',
  comment: 'Möchten Sie etwas hinzufügen? (optional)',
  send: 'Senden',
  chooseFirst: 'Wählen Sie zuerst Gut oder Schlecht.',
  thanks: 'Danke für Ihre Rückmeldung.',
  failed: 'Ihre Antwort konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
  sendTranscript: 'Diese Unterhaltung an mich senden',
  transcriptTo: (email) => `Eine Kopie? Wir senden diese Unterhaltung an ${email}.`,
  transcriptSent: (email) => `Die Unterhaltung ist unterwegs an ${email}.`,
  transcriptFailed: 'Sie konnte nicht gesendet werden. Bitte versuchen Sie es erneut.',
};

export default strings;
