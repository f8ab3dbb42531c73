import type { PanelStrings } from './strings';

const BACK = 'M15.4 7.4 14 6l-6 6 6 6 1.4-1.4L10.8 12z';
const CLOSE = 'M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z';

/** `flip`: a directional icon (the back chevron), mirrored right to left; a phone or a cross is not. */
export function Icon({ path, size = 20, flip = false }: { path: string; size?: number; flip?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false" class={flip ? 'll-flip' : undefined}>
      <path d={path} fill="currentColor" />
    </svg>
  );
}

/**
 * `title` is the panel's name (data-title, else "Help"): its heading for screen readers, which
 * names the dialog. `where` is what sighted visitors read in the header: where they are (the
 * title, an article's title, "Talk to a human", "Chat with Sam"). It is hidden from screen
 * readers, who hear each view's own heading when it takes focus and would hear it twice.
 */
export function Header(props: { strings: PanelStrings; title: string; where: string; canGoBack: boolean; onBack(): void; onClose(): void }) {
  const { strings } = props;
  // A <div>, not a <header>: inside the page it would be a second banner landmark beside the
  // site's own (axe: landmark-no-duplicate-banner); the dialog's name already says what this is.
  return (
    <div class="ll-header">
      {props.canGoBack ? (
        <button type="button" class="ll-icon-button" onClick={props.onBack} aria-label={strings.back}>
          <Icon path={BACK} flip />
        </button>
      ) : (
        <span class="ll-header-spacer" />
      )}
      <h2 id="ll-title" class="ll-sr">{props.title}</h2>
      <p class="ll-title" aria-hidden="true" dir="auto">{props.where}</p>
      <button type="button" class="ll-icon-button" onClick={props.onClose} aria-label={strings.close}>
        <Icon path={CLOSE} />
      </button>
    </div>
  );
}
