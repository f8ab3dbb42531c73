/** The events of `Lifeline('on', event, fn)` (EMBED.md). */
export type LifelineEvent = 'ready' | 'open' | 'close' | 'search' | 'article' | 'handoff' | 'message';
export const EVENTS: readonly LifelineEvent[] = ['ready', 'open', 'close', 'search', 'article', 'handoff', 'message'];

export type Listener = (payload?: unknown) => void;

/** A small event emitter; `on` returns its own unsubscribe, as every subscription here does. */
export function createEmitter() {
  const listeners = new Map<LifelineEvent, Set<Listener>>();
  return {
    on(event: LifelineEvent, fn: Listener): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit(event: LifelineEvent, payload?: unknown): void {
      for (const fn of [...(listeners.get(event) ?? [])]) {
        // A site owner's listener that throws must not break the widget or the other listeners.
        try {
          fn(payload);
        } catch (error) {
          console.error(`[Lifeline] a listener for "${event}" threw:`, error);
        }
      }
    },
    clear(): void {
      listeners.clear();
    },
  };
}
export type Emitter = ReturnType<typeof createEmitter>;
