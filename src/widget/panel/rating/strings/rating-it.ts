import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Com’è andata questa conversazione?',
  good: 'Bene',
  bad: 'Male',
  repeatQuestion: 'Ha dovuto ripetere qualcosa che aveva già provato?',
  yes: 'Sì',
  no: 'No',
  comment: 'Vuole aggiungere qualcosa? (facoltativo)',
  send: 'Invia',
  chooseFirst: 'Scelga prima Bene o Male.',
  thanks: 'Grazie per avercelo detto.',
  failed: 'Non è stato possibile inviare la risposta. Riprovi.',
  sendTranscript: 'Inviami questa conversazione',
  transcriptTo: (email) => `Vuole una copia? Invieremo questa conversazione a ${email}.`,
  transcriptSent: (email) => `La conversazione è in arrivo a ${email}.`,
  transcriptFailed: 'Non è stato possibile inviarla. Riprovi.',
};

export default strings;
