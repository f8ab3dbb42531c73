import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Ricevi la risposta via e-mail',
  nobody: 'Lasci il Suo indirizzo e-mail e la risposta Le arriverà lì, anche se chiude questa pagina.',
  leaving: 'Non può aspettare? Se va via, Le invieremo la risposta via e-mail.',
  label: 'Il Suo indirizzo e-mail',
  submit: 'Inviami la risposta via e-mail',
  saved: (email) => `Se va via prima della nostra risposta, la invieremo a ${email}.`,
  problem: {
    empty: 'Inserisca il Suo indirizzo e-mail.',
    long: `Questo indirizzo è troppo lungo (massimo ${EMAIL_MAX} caratteri).`,
    format: 'Inserisca un solo indirizzo e-mail, come nome@esempio.it.',
    refused: 'Non siamo riusciti a salvare questo indirizzo. Lo controlli e riprovi.',
    offline: 'Al momento non riusciamo a raggiungere il nostro team. Riprovi tra poco.',
  },
  reopen: {
    expired: 'Il link nella Sua e-mail è scaduto. Può scriverci di nuovo qui.',
    invalid: 'Questo link non apre nessuna conversazione. Copi il link completo dall’e-mail, oppure ci scriva di nuovo qui.',
    offline: 'Al momento non riusciamo a raggiungere il nostro team per riaprire la conversazione. Riapra il link tra poco.',
  },
};

export default words;
