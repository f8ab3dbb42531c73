/** Spanish for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'es',
  stop:
    'a al algo como con de del el ella en es esta este esto estoy ha he la las le les lo los me mi mis ' +
      'muy no nos o para pero por que se si su sus te tu tus un una uno y ya yo hola gracias cuando donde ' +
      'porque puedo hay quiero quisiera necesito',
  suffixes: [
    ['aciones', ''], ['acion', ''], ['amientos', ''], ['amiento', ''], ['mente', ''], ['ando', ''], ['iendo', ''],
    ['ados', ''], ['adas', ''], ['ado', ''], ['ada', ''], ['idos', ''], ['ido', ''], ['es', ''], ['as', ''],
    ['os', ''], ['ar', ''], ['er', ''], ['ir', ''], ['a', ''], ['o', ''], ['e', ''], ['s', ''],
  ],
  // Everyday words people use for one another, folded as the stemmer reads them ("contrasena"
  // is "contraseña"), written as general Spanish (a thesaurus's commonest entries), not from any
  // set's questions (docs/search.md).
  related:
    'dinero efectivo fondos plata|tarifa cargo costo precio comision|reembolso reintegro|' +
    'cancelar anular|comprar adquirir|pagar abonar|tienda comercio vendedor comerciante|pedido orden compra|' +
    'incorrecto equivocado erroneo|error fallo|perdido extraviado|robo hurto|entrega envio reparto|' +
    'recibir recepcion|problema inconveniente dificultad|arreglar reparar solucionar resolver|' +
    'roto danado defectuoso averiado|ayuda asistencia soporte|rapido urgente express|lento retraso demora|' +
    'empezar comenzar iniciar|detener interrumpir|eliminar borrar suprimir|cerrar clausurar|' +
    'cambiar modificar editar actualizar|comprobar verificar confirmar revisar|mostrar aparecer|' +
    'extranjero internacional exterior|permitir autorizar|rechazar denegar|doble duplicado|adicional extra|' +
    'mensaje correo email notificacion|telefono movil celular smartphone|elegir seleccionar escoger|' +
    'direccion domicilio|limite maximo tope|importe cantidad monto suma|obtener conseguir|' +
    'raro extrano inusual|desconocido sospechoso|fraude estafa timo|identidad dni|' +
    'cuenta perfil|contrasena clave|acceder entrar login|factura comprobante ticket|paquete bulto|' +
    'producto articulo|devolver devolucion|suscripcion membresia|contactar comunicarse llamar|' +
    'descuento rebaja cupon promocion|gratis gratuito|cliente comprador|repartidor transportista',
};

export default table;
