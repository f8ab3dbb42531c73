import { useEffect, useState } from 'preact/hooks';
import type { PanelCtx } from './context';

/**
 * The name of the agent who joined the visitor's chat, for the header ("Chat with Sam"), while
 * `watch` (the human view is showing) and the chat goes on; null otherwise. It reads the live
 * chunk's session (already fetched by the view that shows the chat) and unsubscribes on cleanup.
 */
export function useAgentName(ctx: PanelCtx, watch: boolean): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    if (!watch || !ctx.settings.backend) return setName(null);
    let stop: (() => void) | undefined;
    let live = true;
    import('./live/LiveHuman').then((m) => {
      if (!live) return;
      const session = m.sessionFor(ctx);
      const read = (): void => {
        const c = session.conversation();
        setName(c?.channel === 'chat' && c.status !== 'resolved' && c.status !== 'cancelled' ? c.agentName : null);
      };
      read();
      stop = session.subscribe(read);
    }, () => undefined /* LiveLoader reports a chunk that cannot load; the header then says "Talk to a human" */);
    return () => {
      live = false;
      stop?.();
    };
  }, [watch]);
  return name;
}
