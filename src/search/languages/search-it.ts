/** Italian for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'it',
  stop:
    'a ad al allo ai agli alla alle con col da dal dallo dai dagli dalla dalle di del dello dei degli della ' +
      'delle e ed il in lo la le li gli i nel nello nei negli nella nelle ma mi me mio mia miei mie non o per ' +
      'perche piu che chi ci come cosa dove ho ha hai hanno sono sei si su sul sulla suo sua tu ti un uno una vi ' +
      'voi noi io lei lui loro ciao grazie posso puo anche se gia ancora molto quando quale qual questo questa ' +
      'salve buongiorno vorrei voglio',
  // Elision: "l'ordine", "dell'ordine", "un'ora".
  elision: /^(?:dell|dall|nell|sull|all|l|un|d|c|quest|po)['’]/,
  suffixes: [
    ['azioni', ''], ['azione', ''], ['izioni', ''], ['izione', ''], ['zioni', ''], ['zione', ''],
    ['amenti', ''], ['amento', ''], ['imenti', ''], ['imento', ''], ['mente', ''], ['ando', ''], ['endo', ''],
    ['ati', ''], ['ate', ''], ['ato', ''], ['ata', ''], ['iti', ''], ['ite', ''], ['ito', ''], ['ita', ''],
    ['uti', ''], ['uto', ''], ['uta', ''], ['are', ''], ['ere', ''], ['ire', ''],
    ['i', ''], ['e', ''], ['o', ''], ['a', ''],
  ],
  // Everyday words people use for one another, folded as the stemmer reads them, written as
  // general Italian (a thesaurus's commonest entries), not from any set's questions (docs/search.md).
  related:
    'soldi denaro contanti fondi|costo spesa prezzo tariffa commissione|rimborso risarcimento|' +
    'annullare disdire revocare|comprare acquistare|pagare versare saldare|negozio venditore commerciante|' +
    'ordine acquisto|sbagliato errato scorretto|errore sbaglio|perso smarrito mancante|rubato furto|' +
    'consegna spedizione invio recapito|arrivare pervenire|problema difficolta inconveniente|' +
    'riparare risolvere sistemare aggiustare|rotto danneggiato difettoso guasto|aiuto assistenza supporto|' +
    'veloce rapido urgente express|lento ritardo|iniziare cominciare avviare|fermare interrompere bloccare|' +
    'eliminare cancellare rimuovere|chiudere chiusura|cambiare modificare aggiornare|' +
    'controllare verificare confermare|mostrare apparire visualizzare|estero internazionale|' +
    'permettere consentire autorizzare|rifiutare respingere negare|doppio duplicato|aggiuntivo extra supplementare|' +
    'messaggio email mail notifica|telefono cellulare smartphone|scegliere selezionare|indirizzo domicilio|' +
    'limite massimo tetto|importo somma cifra|ottenere ricevere|strano insolito|' +
    'sconosciuto sospetto|sicuro protetto|frode truffa|identita documento|account profilo|' +
    'accedere entrare login|fattura scontrino|pacco pacchetto|prodotto articolo|reso restituzione|' +
    'abbonamento iscrizione|contattare chiamare|sconto promozione coupon|gratis gratuito|cliente acquirente|' +
    'corriere fattorino',
};

export default table;
