/** Portuguese for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'pt',
  stop:
    'a ao aos as com da das de do dos e em esta este isto eu ela ele eles elas essa esse isso foi ha me meu ' +
      'minha meus minhas mais mas na nas no nos nao o os ou para pela pelo por que quando se seu sua seus suas ' +
      'so sou tem um uma voce voces onde como porque ola oi obrigado obrigada posso pode estao ja cade qual ' +
      'quero gostaria meu num numa',
  suffixes: [
    ['acoes', ''], ['acao', ''], ['amentos', ''], ['amento', ''], ['imentos', ''], ['imento', ''], ['mente', ''],
    ['ando', ''], ['endo', ''], ['indo', ''], ['ados', ''], ['adas', ''], ['ado', ''], ['ada', ''],
    ['idos', ''], ['idas', ''], ['ido', ''], ['ida', ''], ['oes', ''], ['aes', ''], ['ais', 'al'],
    ['ar', ''], ['er', ''], ['ir', ''], ['es', ''], ['os', ''], ['as', ''], ['a', ''], ['o', ''], ['e', ''], ['s', ''],
  ],
  // Everyday words people use for one another, in Brazil and in Portugal ("senha", "endereco"
  // and "morada"), folded as the stemmer reads them, written as general Portuguese (a
  // thesaurus's commonest entries), not from any set's questions (docs/search.md).
  related:
    'dinheiro fundos|taxa tarifa custo preco|reembolso estorno ressarcimento|cancelar anular|' +
    'comprar adquirir|pagar quitar|loja vendedor comerciante|pedido encomenda compra|erro incorreto engano falha|' +
    'perdido extraviado sumido|roubado furto|entrega envio remessa|' +
    'problema dificuldade|consertar reparar resolver solucionar|quebrado danificado defeituoso estragado|' +
    'ajuda assistencia suporte apoio|rapido urgente expresso|lento atraso demora|comecar iniciar|' +
    'interromper suspender|excluir apagar remover eliminar|fechar encerrar|mudar alterar modificar atualizar editar|' +
    'verificar confirmar conferir checar|mostrar aparecer exibir|exterior estrangeiro internacional|' +
    'permitir autorizar|recusar rejeitar negar|duplo duplicado|adicional extra|' +
    'mensagem email notificacao|telefone celular telemovel smartphone|escolher selecionar|endereco morada|' +
    'limite maximo teto|valor quantia montante soma|obter conseguir|estranho esquisito incomum|' +
    'desconhecido suspeito|fraude golpe burla|identidade documento|conta perfil|senha password|' +
    'entrar acessar aceder login|fatura recibo|pacote embalagem|produto artigo|devolucao troca|' +
    'assinatura subscricao|contato contacto|desconto promocao cupom cupao|' +
    'gratis gratuito|cliente comprador|entregador transportadora',
};

export default table;
