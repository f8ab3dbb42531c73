import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Comment s’est passée cette conversation ?',
  good: 'Bien',
  bad: 'Mal',
  repeatQuestion: 'Avez-vous dû répéter ce que vous aviez déjà essayé ?',
  yes: 'Oui',
  no: 'Non',
  comment: 'Un commentaire ? (facultatif)',
  send: 'Envoyer',
  chooseFirst: 'Choisissez d’abord Bien ou Mal.',
  thanks: 'Merci de nous l’avoir dit.',
  failed: 'Votre réponse n’a pas pu être envoyée. Veuillez réessayer.',
  sendTranscript: 'M’envoyer cette conversation',
  transcriptTo: (email) => `Une copie ? Nous enverrons cette conversation à ${email}.`,
  transcriptSent: (email) => `La conversation part vers ${email}.`,
  transcriptFailed: 'Elle n’a pas pu être envoyée. Veuillez réessayer.',
};

export default strings;
