/**
 * Keeps the transcript across page loads of one tab (sessionStorage). Storage is injected and may
 * be missing or fail on every call (private mode, a sandboxed iframe, a full quota): the store
 * then keeps the transcript in memory for this page and never throws.
 */
import type { TranscriptEntry } from '../protocol/transcript';
import { appendEntry, parseTranscript } from './transcript';
import { PENDING_KEY } from './pending-log';

export type TranscriptStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Distributes over the union so each kind keeps its own fields: `{type: 'page', query}` fails. */
type WithoutTime<E> = E extends TranscriptEntry ? Omit<E, 'at'> & { at?: string } : never;

/** An entry to append; `at` defaults to now. */
export type NewTranscriptEntry = WithoutTime<TranscriptEntry>;

export type TranscriptListener = (list: TranscriptEntry[]) => void;

export interface TranscriptStore {
  /** The current transcript, read again from storage so a reload sees what was stored. */
  read(): TranscriptEntry[];
  /** Adds an entry (see `appendEntry` for what is folded or dropped); returns the new list. */
  append(entry: NewTranscriptEntry): TranscriptEntry[];
  clear(): void;
  /** Removes the entry at `index` of read()'s list (the visitor took it out of "What you tried"). */
  remove(index: number): void;
  /** Reads storage again and tells the subscribers if something else (the loader) changed it. */
  sync(): void;
  /** Called after every change with the new list; returns its unsubscribe. */
  subscribe(listener: TranscriptListener): () => void;
}

export function createTranscriptStore(
  /** The storage, or a function asked at each use (data-consent: none until allowed, then the tab's). */
  storageOf: TranscriptStorage | null | (() => TranscriptStorage | null),
  key = 'lifeline:transcript',
  now: () => Date = () => new Date(),
  pendingKey = PENDING_KEY,
): TranscriptStore {
  let memory: TranscriptEntry[] = [];
  // False after a failed write: storage then holds an older list than memory, so trust memory.
  let inSync = true;
  const storageNow = typeof storageOf === 'function' ? storageOf : () => storageOf;
  let storage = storageNow();
  /** Storage came (consent given): what memory holds goes in after what storage has. */
  let joining = false;
  const current = (): TranscriptStorage | null => {
    const now = storageNow();
    if (now && !storage) joining = true;
    return (storage = now);
  };
  let warned = false;
  const listeners = new Set<TranscriptListener>();

  // Storage failures are expected (see above) and have a fallback, so they are reported once,
  // not thrown: the visitor's way to a person must not depend on sessionStorage.
  function storageFailed(error: unknown): void {
    if (warned) return;
    warned = true;
    console.warn('[Lifeline] sessionStorage is not usable; the transcript is kept for this page only.', error);
  }

  function load(): TranscriptEntry[] {
    const storage = current();
    if (storage === null || !inSync) return memory;
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch (error) {
      storageFailed(error);
      return memory;
    }
    const kept = joining ? memory : [];
    joining = false;
    memory = parseTranscript(parseJson(raw));
    foldPending();
    if (kept.length) save(kept.reduce<TranscriptEntry[]>((list, entry) => appendEntry(list, entry), memory));
    return memory;
  }

  /**
   * Entries the loader logged (pending-log.ts) are newer than everything in the transcript: each
   * fold happens before any append. They go in through appendEntry, so every rule applies.
   */
  function foldPending(): void {
    let raw: string | null;
    try {
      raw = storage?.getItem(pendingKey) ?? null;
    } catch (error) {
      storageFailed(error);
      return;
    }
    const pending = parseTranscript(parseJson(raw));
    if (raw === null) return;
    const folded = [...pending]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .reduce<TranscriptEntry[]>((list, entry) => appendEntry(list, entry), memory);
    save(folded);
    try {
      if (inSync) storage?.removeItem(pendingKey);
    } catch (error) {
      storageFailed(error);
    }
  }

  function save(list: TranscriptEntry[]): void {
    memory = list;
    const storage = current();
    if (storage === null) return;
    try {
      if (list.length === 0) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(list));
      inSync = true;
    } catch (error) {
      inSync = false;
      storageFailed(error);
    }
  }

  function notify(): void {
    for (const listener of [...listeners]) {
      // One broken listener must not stop the others, nor the append that triggered it.
      try {
        listener([...memory]);
      } catch (error) {
        console.error('[Lifeline] a transcript listener threw', error);
      }
    }
  }

  return {
    read: () => [...load()],

    append(entry) {
      const before = load();
      const full: TranscriptEntry = { ...entry, at: entry.at ?? now().toISOString() };
      const after = appendEntry(before, full);
      if (!sameEntries(before, after)) {
        save(after);
        notify();
      }
      return [...memory];
    },

    sync() {
      // load() parses anew, so compare contents, not identities.
      const before = JSON.stringify(memory);
      if (JSON.stringify(load()) !== before) notify();
    },

    remove(index) {
      const list = load();
      if (!list[index]) return;
      save(list.filter((_, i) => i !== index));
      notify();
    },

    clear() {
      const hadEntries = load().length > 0;
      save([]);
      if (hadEntries) notify();
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/** Whatever another script or version left under our key: unparsable text counts as nothing. */
function parseJson(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw);
  } catch {
    return null; // parseTranscript reads null as an empty transcript
  }
}

/** appendEntry always copies; unchanged entries keep their identity, so compare those. */
function sameEntries(a: readonly TranscriptEntry[], b: readonly TranscriptEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => entry === b[i]);
}
