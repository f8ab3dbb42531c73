import type { Language } from '../i18n/locale';

/** Every word the panel shows, per language: named, so nothing visible is a stray literal. */
export interface PanelStrings {
  title: string;
  close: string;
  back: string;
  searchLabel: string;
  searchPlaceholder: string;
  results(count: number): string;
  noResults(query: string): string;
  noResultsHint: string;
  popular: string;
  loading: string;
  articlesFailed: string;
  noArticles: string;
  didHelp: string;
  yes: string;
  no: string;
  thanks: string;
  sorry: string;
  talkToHuman: string;
  /** A second way to the human view inside a view; named apart from the bar's button. */
  contactPerson: string;
  callAt(phone: string): string;
  call: string;
  humanIntro: string;
  phoneTitle: string;
  hours: string;
  emailTitle: string;
  emailSubject: string;
  triedTitle: string;
  triedNote: string;
  triedEmpty: string;
  copy: string;
  copied: string;
  clear: string;
  openOriginal: string;
  articleMissing: string;
}

const en: PanelStrings = {
  title: 'Help',
  close: 'Close help',
  back: 'Back',
  searchLabel: 'Search help',
  searchPlaceholder: 'Search for answers',
  results: (n) => (n === 1 ? '1 article found' : `${n} articles found`),
  noResults: (q) => `No articles match “${q}”.`,
  noResultsHint: 'A person can help with this right away, or try other words.',
  popular: 'Popular articles',
  loading: 'Loading articles…',
  articlesFailed: 'The help articles could not be loaded. A person can still help you.',
  noArticles: 'Tell us what you need: a person is ready to help.',
  didHelp: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Thanks for letting us know.',
  sorry: 'Sorry it didn’t help. A person can take it from here.',
  talkToHuman: 'Talk to a human',
  contactPerson: "Get help from a person",
  callAt: (p) => `Call us at ${p}, using the call button below.`,
  call: 'Call',
  humanIntro: 'A real person will help, and you won’t have to repeat yourself.',
  phoneTitle: 'Call us',
  hours: 'Hours',
  emailTitle: 'Write to us',
  emailSubject: 'Help request',
  triedTitle: 'What you tried',
  triedNote: 'Shared with the person who helps you.',
  triedEmpty: 'Nothing yet.',
  copy: 'Copy',
  copied: 'Copied',
  clear: 'Clear',
  openOriginal: 'Open this article on its own page',
  articleMissing: 'That article could not be found.',
};

const fr: PanelStrings = {
  title: 'Aide',
  close: "Fermer l'aide",
  back: 'Retour',
  searchLabel: "Rechercher dans l'aide",
  searchPlaceholder: 'Rechercher une réponse',
  results: (n) => (n === 1 ? '1 article trouvé' : `${n} articles trouvés`),
  noResults: (q) => `Aucun article ne correspond à « ${q} ».`,
  noResultsHint: "Une personne peut vous aider tout de suite, ou essayez d'autres mots.",
  popular: 'Articles populaires',
  loading: 'Chargement des articles…',
  articlesFailed: "Les articles d'aide n'ont pas pu être chargés. Une personne peut quand même vous aider.",
  noArticles: 'Dites-nous ce dont vous avez besoin : une personne est prête à vous aider.',
  didHelp: 'Cet article vous a-t-il aidé ?',
  yes: 'Oui',
  no: 'Non',
  thanks: 'Merci de votre retour.',
  sorry: "Désolés. Une personne peut prendre le relais.",
  talkToHuman: 'Parler à une personne',
  contactPerson: "Obtenir l'aide d'une personne",
  callAt: (p) => `Appelez-nous au ${p}, avec le bouton d'appel ci-dessous.`,
  call: 'Appeler le',
  humanIntro: "Une vraie personne va vous aider, sans que vous ayez à vous répéter.",
  phoneTitle: 'Appelez-nous',
  hours: 'Horaires',
  emailTitle: 'Écrivez-nous',
  emailSubject: "Demande d'aide",
  triedTitle: 'Ce que vous avez essayé',
  triedNote: 'Transmis à la personne qui vous aide.',
  triedEmpty: 'Rien pour le moment.',
  copy: 'Copier',
  copied: 'Copié',
  clear: 'Effacer',
  openOriginal: 'Ouvrir cet article sur sa propre page',
  articleMissing: "Cet article est introuvable.",
};

const de: PanelStrings = {
  title: 'Hilfe',
  close: 'Hilfe schließen',
  back: 'Zurück',
  searchLabel: 'Hilfe durchsuchen',
  searchPlaceholder: 'Nach Antworten suchen',
  results: (n) => (n === 1 ? '1 Artikel gefunden' : `${n} Artikel gefunden`),
  noResults: (q) => `Keine Artikel zu „${q}“.`,
  noResultsHint: 'Ein Mensch hilft Ihnen sofort weiter, oder versuchen Sie andere Wörter.',
  popular: 'Beliebte Artikel',
  loading: 'Artikel werden geladen…',
  articlesFailed: 'Die Hilfeartikel konnten nicht geladen werden. Ein Mensch hilft Ihnen trotzdem.',
  noArticles: 'Sagen Sie uns, was Sie brauchen: Ein Mensch hilft Ihnen gern.',
  didHelp: 'Hat das geholfen?',
  yes: 'Ja',
  no: 'Nein',
  thanks: 'Danke für Ihre Rückmeldung.',
  sorry: 'Schade. Ein Mensch übernimmt gern.',
  talkToHuman: 'Mit einem Menschen sprechen',
  contactPerson: "Hilfe von einem Menschen",
  callAt: (p) => `Rufen Sie uns unter ${p} an, mit der Anruftaste unten.`,
  call: 'Anrufen:',
  humanIntro: 'Ein echter Mensch hilft Ihnen, ohne dass Sie sich wiederholen müssen.',
  phoneTitle: 'Rufen Sie uns an',
  hours: 'Zeiten',
  emailTitle: 'Schreiben Sie uns',
  emailSubject: 'Hilfeanfrage',
  triedTitle: 'Was Sie versucht haben',
  triedNote: 'Wird an die Person weitergegeben, die Ihnen hilft.',
  triedEmpty: 'Noch nichts.',
  copy: 'Kopieren',
  copied: 'Kopiert',
  clear: 'Löschen',
  openOriginal: 'Diesen Artikel auf eigener Seite öffnen',
  articleMissing: 'Dieser Artikel wurde nicht gefunden.',
};

const es: PanelStrings = {
  title: 'Ayuda',
  close: 'Cerrar la ayuda',
  back: 'Atrás',
  searchLabel: 'Buscar en la ayuda',
  searchPlaceholder: 'Buscar respuestas',
  results: (n) => (n === 1 ? '1 artículo encontrado' : `${n} artículos encontrados`),
  noResults: (q) => `Ningún artículo coincide con «${q}».`,
  noResultsHint: 'Una persona puede ayudarle ahora mismo, o pruebe con otras palabras.',
  popular: 'Artículos populares',
  loading: 'Cargando artículos…',
  articlesFailed: 'No se pudieron cargar los artículos de ayuda. Una persona puede ayudarle igualmente.',
  noArticles: 'Díganos qué necesita: una persona está lista para ayudarle.',
  didHelp: '¿Le ha sido útil?',
  yes: 'Sí',
  no: 'No',
  thanks: 'Gracias por su opinión.',
  sorry: 'Lo sentimos. Una persona puede seguir desde aquí.',
  talkToHuman: 'Hablar con una persona',
  contactPerson: "Recibir ayuda de una persona",
  callAt: (p) => `Llámenos al ${p}, con el botón de llamada de abajo.`,
  call: 'Llamar al',
  humanIntro: 'Le ayudará una persona real, sin que tenga que repetirse.',
  phoneTitle: 'Llámenos',
  hours: 'Horario',
  emailTitle: 'Escríbanos',
  emailSubject: 'Solicitud de ayuda',
  triedTitle: 'Lo que ha intentado',
  triedNote: 'Se comparte con la persona que le ayuda.',
  triedEmpty: 'Nada todavía.',
  copy: 'Copiar',
  copied: 'Copiado',
  clear: 'Borrar',
  openOriginal: 'Abrir este artículo en su propia página',
  articleMissing: 'No se encontró ese artículo.',
};

export const PANEL_STRINGS: Record<Language, PanelStrings> = { en, fr, de, es };
