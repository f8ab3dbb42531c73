import { useEffect, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { Channel } from '../../protocol/types';
import type { PanelCtx } from './context';
import type { LiveStrings, PanelStrings } from './strings';
import { HumanView } from './HumanView';
import { OPEN_KEY, SESSION_KEY } from '../transport/keys';
import { sessionStorageOrNull } from '../storage';

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

type LiveProps = { ctx: PanelCtx; strings: PanelStrings; onHandoff(channel: Channel): void };

/**
 * Loads the live ways to a person (chat, callback) as their own chunk. If that chunk cannot be
 * loaded, the visitor still gets the phone and e-mail view: never less than a way to a human.
 */
export function LiveLoader(props: LiveProps) {
  const [Live, setLive] = useState<ComponentType<LiveProps & { live: LiveStrings }> | 'failed' | null>(null);
  const [live, setLiveStrings] = useState<LiveStrings | null>(null);
  useEffect(() => {
    import('./live/LiveHuman')
      .then(async (m) => {
        setLiveStrings(await m.loadLiveStrings(props.ctx.language));
        setLive(() => m.default);
      })
      .catch((error: unknown) => {
        console.error('[Lifeline] the chat could not be loaded; offering the phone and e-mail.', error);
        setLive('failed');
      });
  }, []);
  if (Live === 'failed') return <HumanView ctx={props.ctx} strings={props.strings} />;
  if (!Live || !live) return <p class="ll-note">{props.strings.loading}</p>;
  return <Live {...props} live={live} />;
}
