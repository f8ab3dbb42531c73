import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Recevoir la réponse par e-mail',
  nobody: 'Laissez votre adresse e-mail : la réponse vous y parviendra, même si vous fermez cette page.',
  leaving: 'Pas le temps d’attendre ? Si vous partez, nous vous enverrons la réponse par e-mail.',
  label: 'Votre adresse e-mail',
  submit: 'M’envoyer la réponse',
  saved: (email) => `Si vous partez avant notre réponse, nous l’enverrons à ${email}.`,
  problem: {
    empty: 'Saisissez votre adresse e-mail.',
    long: `Cette adresse est trop longue (${EMAIL_MAX} caractères au plus).`,
    format: 'Saisissez une seule adresse e-mail, comme nom@exemple.fr.',
    refused: 'Nous n’avons pas pu garder cette adresse. Vérifiez-la et réessayez.',
    offline: 'Nous ne joignons pas notre équipe pour le moment. Réessayez dans un instant.',
  },
  reopen: {
    expired: 'Le lien de votre e-mail a expiré. Vous pouvez nous écrire à nouveau ici.',
    invalid: 'Ce lien n’ouvre aucune conversation. Copiez le lien entier depuis l’e-mail, ou écrivez-nous à nouveau ici.',
    offline: 'Nous ne joignons pas notre équipe pour rouvrir votre conversation. Rouvrez le lien dans un instant.',
  },
};

export default words;
