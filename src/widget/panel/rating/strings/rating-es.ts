import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: '¿Qué tal ha ido esta conversación?',
  good: 'Bien',
  bad: 'Mal',
  repeatQuestion: '¿Tuvo que repetir algo que ya había intentado?',
  yes: 'Sí',
  no: 'No',
  comment: '¿Algo que añadir? (opcional)',
  send: 'Enviar',
  chooseFirst: 'Elija primero Bien o Mal.',
  thanks: 'Gracias por contárnoslo.',
  failed: 'No se pudo enviar su respuesta. Inténtelo de nuevo.',
  sendTranscript: 'Enviarme esta conversación',
  transcriptTo: (email) => `¿Quiere una copia? Enviaremos esta conversación a ${email}.`,
  transcriptSent: (email) => `La conversación va de camino a ${email}.`,
  transcriptFailed: 'No se pudo enviar. Inténtelo de nuevo.',
};

export default strings;
