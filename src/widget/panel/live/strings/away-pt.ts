import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Receber a resposta por e-mail',
  nobody: 'Deixe seu e-mail e a resposta chega até você, mesmo que feche esta página.',
  leaving: 'Não pode esperar? Se sair, enviaremos a resposta por e-mail.',
  label: 'Seu endereço de e-mail',
  submit: 'Enviar a resposta por e-mail',
  saved: (email) => `Se você sair antes da nossa resposta, ela será enviada para ${email}.`,
  problem: {
    empty: 'Digite seu endereço de e-mail.',
    long: `Esse endereço é longo demais (no máximo ${EMAIL_MAX} caracteres).`,
    format: 'Digite um único endereço de e-mail, como nome@exemplo.com.br.',
    refused: 'Não conseguimos guardar esse endereço. Confira e tente de novo.',
    offline: 'Não conseguimos falar com a equipe agora. Tente de novo em instantes.',
  },
  reopen: {
    expired: 'O link do seu e-mail expirou. Você pode perguntar de novo aqui.',
    invalid: 'Esse link não abre nenhuma conversa. Copie o link inteiro do e-mail ou pergunte de novo aqui.',
    offline: 'Não conseguimos falar com a equipe para reabrir sua conversa agora. Abra o link de novo em instantes.',
  },
};

export default words;
