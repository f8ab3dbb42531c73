import type { RatingStrings } from '../rating';

const strings: RatingStrings = {
  question: 'Como foi esta conversa?',
  good: 'Boa',
  bad: 'Ruim',
  repeatQuestion: 'Você teve que repetir algo que já tinha tentado?',
  yes: 'Sim',
  no: 'Não',
  comment: 'Algo a acrescentar? (opcional)',
  send: 'Enviar',
  chooseFirst: 'Escolha Boa ou Ruim primeiro.',
  thanks: 'Obrigado por nos contar.',
  failed: 'Não foi possível enviar sua resposta. Tente de novo.',
  sendTranscript: 'Enviar esta conversa para mim',
  transcriptTo: (email) => `Quer uma cópia? Enviaremos esta conversa para ${email}.`,
  transcriptSent: (email) => `A conversa está a caminho de ${email}.`,
  transcriptFailed: 'Não foi possível enviá-la. Tente de novo.',
};

export default strings;
