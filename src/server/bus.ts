/**
 * In-process publish/subscribe: how a stored event reaches the open SSE streams of this process.
 * Every subscription returns its cleanup. `close()` tells every stream to end (graceful
 * shutdown). Several server processes would need a shared bus (PostgreSQL LISTEN/NOTIFY, say);
 * the SSE replay from Last-Event-ID already covers what a process did not hear.
 */
export interface Bus<T> {
  /** Calls `listener` with every message published on `topic`; returns the unsubscribe. */
  subscribe(topic: string, listener: (message: T) => void): () => void;
  publish(topic: string, message: T): void;
  /**
   * To this process's subscribers only. The same as publish on one process; with several
   * instances, for what each instance works out for its own streams (queue positions: api/queue.ts).
   */
  publishLocal(topic: string, message: T): void;
  /**
   * Calls `listener` once when the bus closes (at once if it has closed already: a stream that
   * opens during shutdown, on a connection kept alive, must end too, not hang until it is cut);
   * returns the cleanup.
   */
  onClose(listener: () => void): () => void;
  close(): void;
  /** Live subscriptions, for tests and diagnostics. */
  readonly size: number;
}

export function createBus<T>(): Bus<T> {
  const topics = new Map<string, Set<(message: T) => void>>();
  const closers = new Set<() => void>();
  let size = 0;
  let closed = false;

  const publishLocal = (topic: string, message: T): void => {
    const listeners = topics.get(topic);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      try {
        listener(message);
      } catch (error) {
        // One broken stream must not keep the message from the others.
        console.error('Lifeline: a subscriber failed', error);
      }
    }
  };

  return {
    subscribe(topic, listener) {
      // Each call gets its own wrapper, so subscribing the same function twice needs two cleanups.
      const entry = (message: T) => listener(message);
      let listeners = topics.get(topic);
      if (!listeners) topics.set(topic, (listeners = new Set()));
      listeners.add(entry);
      size++;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        size--;
        listeners.delete(entry);
        if (listeners.size === 0 && topics.get(topic) === listeners) topics.delete(topic);
      };
    },
    publish: publishLocal,
    publishLocal,
    onClose(listener) {
      if (closed) {
        listener();
        return () => undefined;
      }
      const entry = () => listener();
      closers.add(entry);
      return () => void closers.delete(entry);
    },
    close() {
      closed = true;
      const all = [...closers];
      closers.clear();
      for (const listener of all) listener();
    },
    get size() {
      return size;
    },
  };
}
