import type { Settings } from '../settings';
import { telHref } from '../tel';
import type { LauncherStrings } from '../i18n/launcher-strings';
import { HELP_ICON, PHONE_ICON, icon } from './icons';

/**
 * The collapsed widget, drawn as plain DOM the moment the script runs: the phone number as a
 * tel: link and the Help button, so a person is one tap away before any framework loads.
 */
export interface Launcher {
  el: HTMLElement;
  /** Our Help button; null when the site brings its own (data-launcher). */
  button: HTMLButtonElement | null;
  setExpanded(open: boolean): void;
}

export function createLauncher(
  settings: Settings,
  strings: LauncherStrings,
  ownButton: boolean,
  onCall: () => void,
): Launcher {
  const el = document.createElement('div');
  el.className = `ll-launcher ll-${settings.position}`;

  if (settings.phone) {
    const phone = document.createElement('a');
    phone.className = 'll-pill ll-plain';
    phone.href = telHref(settings.phone, settings.phoneDial);
    // The visible text is the number; the name says what the link does.
    phone.setAttribute('aria-label', `${strings.call} ${settings.phone}`);
    const number = document.createElement('span');
    number.textContent = settings.phone;
    number.dir = 'ltr';
    phone.append(icon(PHONE_ICON, 18), number);
    phone.addEventListener('click', onCall);
    el.append(phone);
  }

  let button: HTMLButtonElement | null = null;
  if (ownButton) {
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'll-pill ll-accent';
    button.setAttribute('aria-haspopup', 'dialog');
    button.setAttribute('aria-expanded', 'false');
    const text = document.createElement('span');
    text.textContent = strings.help;
    button.append(icon(HELP_ICON, 20), text);
    el.append(button);
  }

  return {
    el,
    button,
    setExpanded(open) {
      button?.setAttribute('aria-expanded', String(open));
    },
  };
}
