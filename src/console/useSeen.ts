import { useEffect, useRef } from 'preact/hooks';
import type { AgentHandoffDetail } from '../server/api/agent-types';
import { api } from './api';

/**
 * The visitor's "Seen": while this chat is on screen (the tab visible), the visitor's latest
 * message is told read (POST .../seen), once per message. A hidden tab tells it when it is shown
 * again. The server keeps it only for the agent who has the chat (or an unclaimed one).
 */
export function useSeen(handoff: AgentHandoffDetail | null, enabled: boolean): void {
  const told = useRef<string | null>(null);
  const last = handoff?.messages.findLast((m) => m.from === 'visitor')?.clientMessageId ?? null;
  const id = handoff?.id;
  useEffect(() => {
    if (!enabled || !id || last === null) return;
    const tell = (): void => {
      if (document.visibilityState !== 'visible' || told.current === last) return;
      told.current = last;
      api.seen(id).catch(() => {
        told.current = null; // told again on the next change or when the tab is shown
      });
    };
    tell();
    document.addEventListener('visibilitychange', tell);
    return () => document.removeEventListener('visibilitychange', tell);
  }, [id, last, enabled]);
}
