import type { Settings } from '../settings';
import { telHref } from '../tel';
import { PHONE_ICON } from '../launcher/icons';
import { Icon } from './Header';
import type { PanelStrings } from './strings';

const PERSON = 'M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2.2c-3.3 0-9 1.7-9 5v1.8h18v-1.8c0-3.3-5.7-5-9-5z';

/**
 * The footer that never scrolls away: the phone number as a tel: link and "Talk to a human",
 * in every state of the panel (promise 1).
 */
export function HumanBar(props: { settings: Settings; strings: PanelStrings; onHuman(): void; onCall(): void }) {
  const { settings, strings } = props;
  return (
    // A <div>, not a <footer>: that would be a second contentinfo landmark beside the site's.
    <div class="ll-bar">
      {settings.phone && (
        <a class="ll-pill ll-plain" href={telHref(settings.phone, settings.phoneDial)} onClick={props.onCall}>
          <Icon path={PHONE_ICON} size={18} />
          <span class="ll-sr">{strings.call} </span>
          <span dir="ltr">{settings.phone}</span>
        </a>
      )}
      <button type="button" class="ll-pill ll-accent" onClick={props.onHuman}>
        <Icon path={PERSON} size={18} />
        <span>{strings.talkToHuman}</span>
      </button>
    </div>
  );
}
