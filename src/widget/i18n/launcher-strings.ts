import type { Language } from './locale';

/** The few words the loader draws before the panel exists; kept tiny for the first load. */
export interface LauncherStrings {
  help: string;
  /** Accessible prefix of the phone link: "Call" +1 800 555 0199. */
  call: string;
  /** Said when the panel could not be loaded at all; the phone is still there. */
  panelFailed: string;
}

export const LAUNCHER_STRINGS: Record<Language, LauncherStrings> = {
  en: { help: 'Help', call: 'Call', panelFailed: 'Help could not load. Please call us.' },
  fr: { help: 'Aide', call: 'Appeler le', panelFailed: "L'aide n'a pas pu se charger. Appelez-nous." },
  de: { help: 'Hilfe', call: 'Anrufen:', panelFailed: 'Die Hilfe lädt nicht. Bitte rufen Sie uns an.' },
  es: { help: 'Ayuda', call: 'Llamar al', panelFailed: 'La ayuda no se pudo cargar. Llámenos.' },
  ar: { help: 'مساعدة', call: 'اتصل', panelFailed: 'تعذّر التحميل. اتصل بنا.' },
  he: { help: 'עזרה', call: 'חיוג', panelFailed: 'שגיאה בטעינה. התקשרו אלינו.' },
};
