import type { Language } from './locale';

/** The few words the loader draws before the panel exists; kept tiny for the first load. */
export interface LauncherStrings {
  help: string;
  /** Accessible prefix of the phone link: "Call" +1 800 555 0199. */
  call: string;
  /** Said when the panel could not be loaded at all; the phone is still there. */
  panelFailed: string;
}

const en: LauncherStrings = { help: 'Help', call: 'Call', panelFailed: 'Help could not load. Please call us.' };

export const LAUNCHER_STRINGS: Record<Language, LauncherStrings> = {
  en,
  fr: { help: 'Aide', call: 'Appeler le', panelFailed: "L'aide n'a pas pu se charger. Appelez-nous." },
  de: { help: 'Hilfe', call: 'Anrufen:', panelFailed: 'Die Hilfe lädt nicht. Bitte rufen Sie uns an.' },
  es: { help: 'Ayuda', call: 'Llamar al', panelFailed: 'La ayuda no se pudo cargar. Llámenos.' },
  // Japanese and Chinese cost three bytes a character, which the loader's 6 KB cannot spare: the
  // phone link is "TEL" (as Japanese and Chinese business cards write it), and when the panel
  // cannot load at all (rare) they say it in English, beside the phone number.
  ja: { help: 'ヘルプ', call: 'TEL', panelFailed: en.panelFailed },
  zh: { help: '帮助', call: 'TEL', panelFailed: en.panelFailed },
};
