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
    session = createSession({ client: createClient(ctx.settings.backend!), storage: sessionStorageOrNull() });
    sessions.set(ctx.transcript, session);
    session.resume();
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
