import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Channel } from '../../protocol/types';
import type { PanelCtx } from './context';
import type { PanelStrings } from './strings';
import { OPEN_KEY, SESSION_KEY } from '../transport/keys';
import { sessionStorageOrNull } from '../storage';
import { loadHours } from './useHours';

export { OPEN_KEY };

const stored = (key: string): boolean => {
  try {
    return !!sessionStorageOrNull()?.getItem(key);
  } catch {
    return false; // blocked storage: nothing could have been kept
  }
};
export const hasLiveSession = (): boolean => stored(SESSION_KEY);
export const wasOpenOnLive = (): boolean => stored(OPEN_KEY);

type LiveProps = { ctx: PanelCtx; strings: PanelStrings; open: boolean; onHandoff(channel: Channel): void };
type Draw = (props: LiveProps) => JSX.Element;

/**
 * Loads the human view as chunks of its own, so the search path does not carry it: the live
 * ways to a person (chat, callback) on a site with a backend, else the phone and e-mail view
 * (HumanView, with the summary of what the visitor tried). If the live chunk cannot be loaded,
 * the visitor still gets the phone and e-mail view; if nothing can, the view says to call (and
 * the phone is in the bar below): never less than a way to a human.
 */
export function LiveLoader(props: LiveProps) {
  const [draw, setDraw] = useState<Draw | 'failed' | null>(null);
  useEffect(() => {
    let shown = true;
    let removeCss: (() => void) | undefined;
    const plain = import('./HumanView').then((m): Draw => {
      if (shown) removeCss = props.ctx.addStyles(m.humanCss);
      return (p) => <m.HumanView ctx={p.ctx} strings={p.strings} />;
    });
    const live = props.ctx.settings.backend
      ? // The live chunk, the hours chunk and the human view side by side, not one after the other.
        Promise.all([import('./live/LiveHuman'), loadHours(props.ctx.language), plain])
          .then(async ([m, hours]): Promise<Draw> => {
            const strings = await m.loadLiveStrings(props.ctx.language, props.ctx.settings.strings);
            return (p) => <m.default {...p} live={strings} hours={hours} />;
          })
          .catch((error: unknown) => {
            console.error('[Lifeline] the chat could not be loaded; offering the phone and e-mail.', error);
            return plain;
          })
      : plain;
    live.then((d) => setDraw(() => d), (error: unknown) => {
      console.error('[Lifeline] the ways to a person could not be loaded; offering the phone.', error);
      setDraw('failed');
    });
    return () => {
      shown = false;
      removeCss?.();
    };
  }, []);
  if (draw && draw !== 'failed') return draw(props);
  // The view's heading from the start, so focus has somewhere to go while the chunk loads.
  return (
    <div class="ll-view ll-human">
      <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{props.strings.talkToHuman}</h3>
      <p class="ll-note">{draw ? props.ctx.settings.phone && props.strings.callAt(props.ctx.settings.phone) : props.strings.loading}</p>
    </div>
  );
}
