import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Channel } from '../../protocol/types';
import type { PanelCtx } from './context';
import type { LiveStrings, PanelStrings } from './strings';
import { HumanView } from './HumanView';
import { OPEN_KEY, SESSION_KEY } from '../transport/keys';
import { sessionStorageOrNull } from '../storage';
import { loadHours, type HoursModule } from './useHours';

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

/**
 * Loads the live ways to a person (chat, callback) as their own chunk. If that chunk cannot be
 * loaded, the visitor still gets the phone and e-mail view: never less than a way to a human.
 */
export function LiveLoader(props: LiveProps) {
  const [Live, setLive] = useState<ComponentType<LiveProps & { live: LiveStrings; hours: HoursModule }> | 'failed' | null>(null);
  const [loaded, setLoaded] = useState<{ live: LiveStrings; hours: HoursModule } | null>(null);
  useEffect(() => {
    // The live chunk and the hours chunk side by side, not one after the other.
    Promise.all([import('./live/LiveHuman'), loadHours()])
      .then(async ([m, hours]) => {
        setLoaded({ live: await m.loadLiveStrings(props.ctx.language), hours });
        setLive(() => m.default);
      })
      .catch((error: unknown) => {
        console.error('[Lifeline] the chat could not be loaded; offering the phone and e-mail.', error);
        setLive('failed');
      });
  }, []);
  if (Live === 'failed') return <HumanView ctx={props.ctx} strings={props.strings} />;
  // The view's heading from the start, so focus has somewhere to go while the chunk loads.
  if (!Live || !loaded) {
    return (
      <div class="ll-view ll-human">
        <h3 class="ll-view-title" tabIndex={-1} data-view-heading>{props.strings.talkToHuman}</h3>
        <p class="ll-note">{props.strings.loading}</p>
      </div>
    );
  }
  return <Live {...props} {...loaded} />;
}
