import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Het antwoord per e-mail ontvangen',
  nobody: 'Laat uw e-mailadres achter, dan komt het antwoord naar u toe, ook als u deze pagina sluit.',
  leaving: 'Kunt u niet wachten? Als u weggaat, mailen we u het antwoord.',
  label: 'Uw e-mailadres',
  submit: 'Mail mij het antwoord',
  saved: (email) => `Als u weggaat voordat we antwoorden, mailen we het antwoord naar ${email}.`,
  problem: {
    empty: 'Vul uw e-mailadres in.',
    long: `Dat adres is te lang (maximaal ${EMAIL_MAX} tekens).`,
    format: 'Vul één e-mailadres in, zoals naam@voorbeeld.nl.',
    refused: 'We konden dat adres niet bewaren. Controleer het en probeer het opnieuw.',
    offline: 'We kunnen ons team nu niet bereiken. Probeer het zo nog eens.',
  },
  reopen: {
    expired: 'De link in uw e-mail is verlopen. U kunt uw vraag hier opnieuw stellen.',
    invalid: 'Die link opent geen gesprek. Kopieer de volledige link uit de e-mail, of stel uw vraag hier opnieuw.',
    offline: 'We kunnen ons team nu niet bereiken om uw gesprek te heropenen. Open de link zo nog eens.',
  },
};

export default words;
