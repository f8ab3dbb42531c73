import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptEntry } from '../protocol/transcript';
import { createTranscriptStore, type NewTranscriptEntry, type TranscriptStorage } from './transcript-store';
import { logPending, PENDING_KEY } from './pending-log';

const KEY = 'lifeline:transcript';

/** A sessionStorage stand-in; `failing` makes the named methods throw as browsers do. */
function fakeStorage(failing: Partial<Record<keyof TranscriptStorage, Error>> = {}) {
  const map = new Map<string, string>();
  const storage: TranscriptStorage = {
    getItem(key) {
      if (failing.getItem) throw failing.getItem;
      return map.get(key) ?? null;
    },
    setItem(key, value) {
      if (failing.setItem) throw failing.setItem;
      map.set(key, String(value));
    },
    removeItem(key) {
      if (failing.removeItem) throw failing.removeItem;
      map.delete(key);
    },
  };
  return { storage, map, failing };
}

const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** A clock that moves on a minute per call, so no two searches fold into one. */
function clock(start = Date.parse('2025-03-01T10:00:00.000Z')) {
  let time = start;
  return () => {
    const date = new Date(time);
    time += 60_000;
    return date;
  };
}

const visit = (url: string): NewTranscriptEntry => ({ type: 'page', url, title: url });
const urls = (list: TranscriptEntry[]) => list.map((entry) => (entry.type === 'page' ? entry.url : entry.type));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('createTranscriptStore with working storage', () => {
  it('stores entries as JSON under its key, with the time from the clock', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, () => new Date('2025-03-01T10:00:00.000Z'));
    const list = store.append(visit('/a'));
    expect(list).toEqual([{ type: 'page', at: '2025-03-01T10:00:00.000Z', url: '/a', title: '/a' }]);
    expect(JSON.parse(map.get(KEY)!)).toEqual(list);
    expect(store.read()).toEqual(list);
  });

  it('keeps a time given with the entry', () => {
    const store = createTranscriptStore(fakeStorage().storage, KEY, clock());
    const [entry] = store.append({ type: 'handoff', channel: 'phone', at: '2025-01-01T00:00:00.000Z' });
    expect(entry?.at).toBe('2025-01-01T00:00:00.000Z');
  });

  it('applies the transcript rules: masking, folding, bounds', () => {
    const store = createTranscriptStore(fakeStorage().storage, KEY, () => new Date('2025-03-01T10:00:00.000Z'));
    store.append({ type: 'search', query: 'card 4111', resultCount: 0, topIds: [] });
    const list = store.append({ type: 'search', query: 'card 4111 1111 1111 1111', resultCount: 0, topIds: [] });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ query: 'card •••• •••• •••• 1111' });
  });

  it('is seen by a new store on the same storage, as after a reload', () => {
    const { storage } = fakeStorage();
    createTranscriptStore(storage, KEY, clock()).append(visit('/a'));
    const reloaded = createTranscriptStore(storage, KEY, clock(Date.parse('2025-03-01T11:00:00.000Z')));
    expect(urls(reloaded.read())).toEqual(['/a']);
    expect(urls(reloaded.append(visit('/b')))).toEqual(['/a', '/b']);
  });

  it('re-reads storage on every read', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append(visit('/a'));
    map.set(KEY, JSON.stringify([{ type: 'page', at: '2025-03-01T09:00:00.000Z', url: '/elsewhere', title: '' }]));
    expect(urls(store.read())).toEqual(['/elsewhere']);
  });

  it('keeps only the well-formed entries of what is stored, and reads garbage as empty', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    map.set(KEY, JSON.stringify([{ type: 'page', at: '2025-03-01T09:00:00.000Z', url: '/a', title: 'A' }, { type: 'x' }, 7]));
    expect(urls(store.read())).toEqual(['/a']);
    map.set(KEY, '{not json');
    expect(store.read()).toEqual([]);
    expect(urls(store.append(visit('/b')))).toEqual(['/b']);
  });

  it('uses the key it is given', () => {
    const { storage, map } = fakeStorage();
    createTranscriptStore(storage, 'site:other', clock()).append(visit('/a'));
    expect([...map.keys()]).toEqual(['site:other']);
  });

  it('clears storage and memory', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append(visit('/a'));
    store.clear();
    expect(map.has(KEY)).toBe(false);
    expect(store.read()).toEqual([]);
  });

  it('hands out copies, so a caller cannot change the stored list', () => {
    const store = createTranscriptStore(fakeStorage().storage, KEY, clock());
    store.append(visit('/a')).push({ type: 'handoff', at: '2025-03-01T10:00:00.000Z', channel: 'chat' });
    store.read().pop();
    expect(urls(store.read())).toEqual(['/a']);
  });
});

describe('createTranscriptStore without usable storage', () => {
  it('works in memory with null storage, without warning', () => {
    const store = createTranscriptStore(null, KEY, clock());
    store.append(visit('/a'));
    expect(urls(store.append(visit('/b')))).toEqual(['/a', '/b']);
    expect(urls(store.read())).toEqual(['/a', '/b']);
    store.clear();
    expect(store.read()).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });

  it('works in memory when every storage call throws, and warns once', () => {
    const error = securityError();
    const { storage } = fakeStorage({ getItem: error, setItem: error, removeItem: error });
    const store = createTranscriptStore(storage, KEY, clock());
    expect(() => store.read()).not.toThrow();
    store.append(visit('/a'));
    expect(urls(store.append(visit('/b')))).toEqual(['/a', '/b']);
    expect(urls(store.read())).toEqual(['/a', '/b']);
    expect(() => store.clear()).not.toThrow();
    expect(store.read()).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/^\[Lifeline\]/);
  });

  it('keeps the newer list in memory when setItem hits the quota, and stores it once it can', () => {
    const { storage, map, failing } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append(visit('/a'));

    failing.setItem = quotaError();
    expect(urls(store.append(visit('/b')))).toEqual(['/a', '/b']);
    expect(urls(store.read())).toEqual(['/a', '/b']); // not the older list still in storage
    expect(urls(JSON.parse(map.get(KEY)!))).toEqual(['/a']);

    delete failing.setItem;
    store.append(visit('/c'));
    expect(urls(JSON.parse(map.get(KEY)!))).toEqual(['/a', '/b', '/c']);
    expect(urls(store.read())).toEqual(['/a', '/b', '/c']);
  });

  it('clears memory even when storage cannot remove the key', () => {
    const { storage, failing } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append(visit('/a'));
    failing.removeItem = securityError();
    store.clear();
    expect(store.read()).toEqual([]);
  });
});

describe('subscribe', () => {
  it('tells listeners about each change and stops after unsubscribe', () => {
    const store = createTranscriptStore(fakeStorage().storage, KEY, clock());
    const seen: string[][] = [];
    const unsubscribe = store.subscribe((list) => seen.push(urls(list)));
    store.append(visit('/a'));
    store.append(visit('/b'));
    store.clear();
    unsubscribe();
    store.append(visit('/c'));
    expect(seen).toEqual([['/a'], ['/a', '/b'], []]);
  });

  it('stays quiet when nothing changed', () => {
    const store = createTranscriptStore(null, KEY, clock());
    store.append(visit('/a'));
    const listener = vi.fn();
    store.subscribe(listener);
    store.append(visit('/a')); // a reload of the same page
    store.append({ type: 'search', query: '   ', resultCount: 0, topIds: [] });
    store.clear();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(1); // the first clear only
  });

  it('keeps calling other listeners and appending when one listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = createTranscriptStore(null, KEY, clock());
    const after = vi.fn();
    store.subscribe(() => {
      throw new Error('broken listener');
    });
    store.subscribe(after);
    expect(urls(store.append(visit('/a')))).toEqual(['/a']);
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
  });

  it('lets a listener unsubscribe itself while being called', () => {
    const store = createTranscriptStore(null, KEY, clock());
    const second = vi.fn();
    const unsubscribe = store.subscribe(() => unsubscribe());
    store.subscribe(second);
    store.append(visit('/a'));
    store.append(visit('/b'));
    expect(second).toHaveBeenCalledTimes(2);
  });
});

describe('NewTranscriptEntry', () => {
  it('checks the fields of each entry kind', () => {
    const store = createTranscriptStore(null, KEY, clock());
    // @ts-expect-error a page has no query
    store.append({ type: 'page', url: '/a', title: 'A', query: 'x' });
    // @ts-expect-error a search needs resultCount and topIds
    store.append({ type: 'search', query: 'x' });
    // @ts-expect-error channel must be one of the protocol's
    store.append({ type: 'handoff', channel: 'email' });
    expect(urls(store.read())).toEqual(['/a']); // at run time, malformed entries are dropped
  });
});

describe('entries the loader logged (pending-log.ts)', () => {
  it('are folded into the transcript in time order on the next read, once', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append({ type: 'search', query: 'refund', resultCount: 1, topIds: ['refunds'] });
    logPending(storage, { type: 'page', at: '2025-03-01T11:00:01.000Z', url: '/b', title: 'B' });
    logPending(storage, { type: 'page', at: '2025-03-01T11:00:00.000Z', url: '/a', title: 'A' });
    expect(urls(store.read())).toEqual(['search', '/a', '/b']);
    expect(map.has(PENDING_KEY)).toBe(false);
    expect(urls(store.read())).toEqual(['search', '/a', '/b']);
  });

  it('sync() tells subscribers about entries logged behind the store’s back', () => {
    const { storage } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append(visit('/a'));
    const seen: string[][] = [];
    const off = store.subscribe((list) => seen.push(urls(list)));
    store.sync();
    expect(seen).toEqual([]); // nothing new
    logPending(storage, { type: 'page', at: '2030-01-01T00:00:00.000Z', url: '/route-2', title: 'Route 2' });
    store.sync();
    expect(seen).toEqual([['/a', '/route-2']]);
    off();
  });
});

describe('storage given later (data-consent="required")', () => {
  it('keeps the transcript in memory until storage is allowed, then stores it with what the loader logged', () => {
    const { storage, map } = fakeStorage();
    let allowed = false;
    const store = createTranscriptStore(() => (allowed ? storage : null), KEY, clock());
    store.append({ type: 'search', query: 'refund', resultCount: 1, topIds: ['refunds'] });
    store.append({ type: 'article', articleId: 'refunds', title: 'Refunds' });
    expect(map.size).toBe(0);
    expect(store.read().map((e) => e.type)).toEqual(['search', 'article']);

    allowed = true; // the visitor opened the panel: the loader logs the page it kept
    logPending(storage, { type: 'page', at: '2025-03-01T09:59:00.000Z', url: 'https://shop.example.com/', title: 'Shop' });
    store.sync();
    expect(store.read().map((e) => e.type)).toEqual(['page', 'search', 'article']);
    expect(JSON.parse(map.get(KEY)!)).toHaveLength(3);
    expect(map.has(PENDING_KEY)).toBe(false);

    allowed = false; // withdrawn: memory only again, nothing more is written
    map.clear();
    store.append({ type: 'search', query: 'delivery', resultCount: 0, topIds: [] });
    expect(map.size).toBe(0);
    expect(store.read().at(-1)).toMatchObject({ query: 'delivery' });
  });
});

describe('remove', () => {
  it('takes one entry out of the list and of storage, tells the subscribers, and ignores an index out of range', () => {
    const { storage, map } = fakeStorage();
    const store = createTranscriptStore(storage, KEY, clock());
    store.append({ type: 'search', query: 'refund policy', resultCount: 1, topIds: ['refunds'] });
    store.append({ type: 'search', query: 'order 55123 late', resultCount: 0, topIds: [] });
    store.append({ type: 'article', articleId: 'refunds', title: 'Refunds' });
    const told: number[] = [];
    store.subscribe((list) => told.push(list.length));
    store.remove(1);
    expect(store.read().map((e) => (e.type === 'search' ? e.query : e.type))).toEqual(['refund policy', 'article']);
    expect(map.get(KEY)).not.toContain('55123');
    expect(told).toEqual([2]);
    store.remove(7);
    store.remove(-1);
    expect(store.read()).toHaveLength(2);
    expect(told).toEqual([2]);
  });
});
