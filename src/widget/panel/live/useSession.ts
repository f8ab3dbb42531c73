import { useEffect, useReducer } from 'preact/hooks';
import { createClient } from '../../transport/client';
import { createSession, type HumanSession } from '../../transport/session';
import { sessionStorageOrNull } from '../../storage';
import type { PanelCtx } from '../context';

/** One session per panel, kept while the panel lives so the chat goes on when views change. */
const sessions = new WeakMap<PanelCtx['transcript'], HumanSession>();

export function sessionFor(ctx: PanelCtx): HumanSession {
  let session = sessions.get(ctx.transcript);
  if (!session) {
    const created = createSession({ client: createClient(ctx.settings.backend!), storage: sessionStorageOrNull() });
    sessions.set(ctx.transcript, created);
    // Lifeline('on', 'message', fn): each agent message once per page, whichever view is open.
    // What an earlier page already had counts as told.
    const told = new Set(created.conversation()?.messages.map((m) => m.key));
    created.subscribe(() => {
      for (const m of created.conversation()?.messages ?? []) {
        if (m.from !== 'agent' || told.has(m.key)) continue;
        told.add(m.key);
        ctx.emitter.emit('message', { from: m.from, author: m.author, text: m.text, article: m.article, at: m.at });
      }
    });
    // Destroy ends the chat's connection, its retries and its page listeners, not only the views.
    ctx.onDestroy(() => created.dispose());
    created.resume();
    session = created;
  }
  return session;
}

/** The session, re-rendering on every change of its conversation or link. */
export function useSession(ctx: PanelCtx): HumanSession {
  const session = sessionFor(ctx);
  const [, rerender] = useReducer((n: number, _: undefined) => n + 1, 0);
  useEffect(() => session.subscribe(() => rerender(undefined)), [session]);
  return session;
}
