/** French for search: stop words and the suffixes the light stemmer strips (language.ts). */
import type { LanguageTable } from '../language';

const table: LanguageTable = {
  code: 'fr',
  stop:
    'a au aux avec ce ces cette dans de des du elle en est et il ils je j la le les leur lui ma mais me ' +
      'mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un ' +
      'une vos votre vous c d l m n s t y bonjour merci svp est-ce comment quand pourquoi ai as avons avez ont suis ' +
      // Filler that says how someone asks, not what about: "quel est", "je veux être".
      'quel quelle quels quelles etre sommes etes sont veux voudrais',
  suffixes: [
    ['issements', ''], ['issement', ''], ['ements', ''], ['ement', ''], ['ations', ''], ['ation', ''],
    ['euses', ''], ['euse', ''], ['ees', ''], ['ee', ''], ['es', ''], ['er', ''], ['ez', ''], ['e', ''], ['s', ''], ['x', ''],
  ],
  // Elision: "l'adresse" is "adresse".
  elision: /^(?:qu|[ldjnscmt])['’]/,
  // Everyday words people use for one another, folded as the stemmer reads them, written as
  // general French (a thesaurus's commonest entries), not from any set's questions (docs/search.md).
  related:
    'argent especes fonds|frais cout prix tarif|remboursement dedommagement indemnisation|' +
    'annuler resilier|acheter achat|payer reglement paiement|' +
    'boutique magasin vendeur marchand commercant|commande achat|errone incorrect faux|erreur bug|' +
    'perdu egare manquant disparu|vole derobe|livraison expedition envoi acheminement|recevoir recu reception|' +
    'probleme souci difficulte|reparer resoudre corriger depanner|endommage abime defectueux brise|' +
    'aide assistance support|rapide vite urgent express|lent retard delai|commencer debuter demarrer|' +
    'arreter stopper interrompre|supprimer effacer|fermer cloturer|modifier changer actualiser|' +
    'verifier controler confirmer|afficher apparaitre montrer|etranger international|autoriser permettre|' +
    'refuser rejeter decliner|echec echoue|double doublon|supplementaire additionnel|' +
    'message courriel email mail notification|telephone portable mobile smartphone|choisir selectionner|' +
    'adresse domicile|limite plafond maximum|montant somme|envoyer expedier|obtenir recuperer|' +
    'bizarre inhabituel anormal|inconnu suspect|securise protege|fraude arnaque escroquerie|identite cni|' +
    'compte profil|connexion login|facture justificatif|colis paquet|produit article|retour renvoi|' +
    'abonnement souscription|contacter joindre appeler|reduction remise rabais promotion|gratuit offert|' +
    'livreur transporteur coursier|client acheteur|garantie sav|taille pointure',
};

export default table;
