import type { Language } from './locale';

/** The few words the launcher shows before the panel exists. */
export interface LauncherStrings {
  help: string;
  /** Accessible prefix of the phone link: "Call" +1 800 555 0199. */
  call: string;
  /** Said when the panel could not be loaded at all; the phone is still there. */
  panelFailed: string;
}

/** English, the one language the loader carries itself (see LAUNCHER_STRINGS). */
export const ENGLISH_LAUNCHER: LauncherStrings = { help: 'Help', call: 'Call', panelFailed: 'Help could not load. Please call us.' };

/**
 * Every language's launcher words. The loader carries only English (6 KB leave no room for thirteen
 * languages); the build writes each other language as a file of its own,
 * dist/lifeline-words-<lang>.<hash>.js, which the loader fetches before it draws the launcher.
 */
export const LAUNCHER_STRINGS: Record<Language, LauncherStrings> = {
  en: ENGLISH_LAUNCHER,
  fr: { help: 'Aide', call: 'Appeler le', panelFailed: "L'aide n'a pas pu se charger. Appelez-nous." },
  de: { help: 'Hilfe', call: 'Anrufen:', panelFailed: 'Die Hilfe lädt nicht. Bitte rufen Sie uns an.' },
  es: { help: 'Ayuda', call: 'Llamar al', panelFailed: 'La ayuda no se pudo cargar. Llámenos.' },
  it: { help: 'Aiuto', call: 'Chiama il', panelFailed: 'Non è stato possibile caricare l’aiuto. Ci chiami.' },
  pt: { help: 'Ajuda', call: 'Ligar para', panelFailed: 'Não foi possível carregar a ajuda. Ligue para nós.' },
  nl: { help: 'Hulp', call: 'Bel', panelFailed: 'De hulp kon niet worden geladen. Bel ons.' },
  pl: { help: 'Pomoc', call: 'Zadzwoń:', panelFailed: 'Nie udało się wczytać pomocy. Zadzwoń do nas.' },
  ar: { help: 'مساعدة', call: 'اتصل', panelFailed: 'تعذّر تحميل المساعدة. يُرجى الاتصال بنا.' },
  he: { help: 'עזרה', call: 'חיוג', panelFailed: 'לא הצלחנו לטעון את העזרה. אנא התקשרו אלינו.' },
  ja: { help: 'ヘルプ', call: 'お電話:', panelFailed: 'ヘルプを読み込めませんでした。お電話ください。' },
  zh: { help: '帮助', call: '致电', panelFailed: '帮助无法加载，请致电我们。' },
  'zh-Hant': { help: '說明', call: '致電', panelFailed: '說明無法載入，請打電話給我們。' },
};
