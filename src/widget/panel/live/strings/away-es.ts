import type { Words } from '../Away';
import { EMAIL_MAX } from '../../../../protocol/email';

const words: Words = {
  offer: 'Recibir la respuesta por correo',
  nobody: 'Deje su correo electrónico y la respuesta le llegará allí, aunque cierre esta página.',
  leaving: '¿No puede esperar? Si se va, le enviaremos la respuesta por correo.',
  label: 'Su correo electrónico',
  submit: 'Enviarme la respuesta',
  saved: (email) => `Si se va antes de que respondamos, enviaremos la respuesta a ${email}.`,
  problem: {
    empty: 'Escriba su correo electrónico.',
    long: `Esa dirección es demasiado larga (${EMAIL_MAX} caracteres como máximo).`,
    format: 'Escriba una sola dirección de correo, como nombre@ejemplo.es.',
    refused: 'No pudimos guardar esa dirección. Revísela e inténtelo de nuevo.',
    offline: 'Ahora no podemos contactar con nuestro equipo. Inténtelo de nuevo en un momento.',
  },
  reopen: {
    expired: 'El enlace de su correo ha caducado. Puede volver a preguntarnos aquí.',
    invalid: 'Ese enlace no abre ninguna conversación. Copie el enlace completo del correo o vuelva a preguntarnos aquí.',
    offline: 'Ahora no podemos contactar con nuestro equipo para reabrir su conversación. Abra el enlace de nuevo en un momento.',
  },
};

export default words;
