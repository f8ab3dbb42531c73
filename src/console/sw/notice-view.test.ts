import { describe, expect, it } from 'vitest';
import type { PushNotice } from '../../protocol/push';
import { consoleInFront, pickConsoleWindow, readNotice, viewNotice } from './notice-view';

const chat: PushNotice = { v: 1, kind: 'handoff', handoffId: 'h1', ref: '4821', channel: 'chat', visitorName: 'Ada Lovelace', question: 'refund late', callbackAt: null };

describe('viewNotice', () => {
  it('words a new chat with its reference and the visitor’s question, and links to its page', () => {
    expect(viewNotice(chat)).toEqual({ title: 'New chat · 4821', body: 'Ada Lovelace: “refund late”', tag: 'lifeline-handoff-h1', url: '/console#/handoff/h1', lang: 'en', dir: 'ltr' });
    expect(viewNotice({ ...chat, visitorName: null, question: null }).body).toBe('No question typed yet');
  });
  it('words a callback with its time in the agent’s zone', () => {
    const callback: PushNotice = { ...chat, channel: 'callback', visitorName: null, callbackAt: '2025-03-03T15:00:00.000Z' };
    expect(viewNotice(callback, { locale: 'en-GB', timeZone: 'Europe/Paris' })).toMatchObject({ title: 'New callback · 4821', body: 'For Mon 16:00. “refund late”' });
  });
  it('words a message with who wrote it and what', () => {
    const message: PushNotice = { v: 1, kind: 'message', handoffId: 'h1', ref: '4821', visitorName: null, text: 'Hello?' };
    expect(viewNotice(message)).toEqual({ title: 'Visitor · 4821', body: 'Hello?', tag: 'lifeline-message-h1', url: '/console#/handoff/h1', lang: 'en', dir: 'ltr' });
  });
});

describe('readNotice', () => {
  it('takes our notices and nothing else', () => {
    expect(readNotice(JSON.parse(JSON.stringify(chat)))).toEqual(chat);
    expect(readNotice({ ...chat, v: 2 })).toBeNull();
    expect(readNotice({ v: 1, kind: 'message', handoffId: 'h', ref: '1' })).toBeNull();
    expect(readNotice('hello')).toBeNull();
  });
});

describe('consoleInFront and pickConsoleWindow', () => {
  const w = (url: string, visibilityState: string, focused: boolean) => ({ url, visibilityState, focused });
  it('holds back only for a console window that is visible and focused', () => {
    expect(consoleInFront([w('https://help.example/console#/', 'visible', true)])).toBe(true);
    expect(consoleInFront([w('https://help.example/console#/', 'visible', false)])).toBe(false);
    expect(consoleInFront([w('https://help.example/console', 'hidden', false)])).toBe(false);
    expect(consoleInFront([w('https://help.example/', 'visible', true)])).toBe(false); // the demo shop, not the console
    expect(consoleInFront([])).toBe(false);
  });
  it('brings forward the focused console, else a visible one, else any', () => {
    const hidden = w('https://h.example/console', 'hidden', false);
    const visible = w('https://h.example/console#/reports', 'visible', false);
    expect(pickConsoleWindow([hidden, visible])).toBe(visible);
    expect(pickConsoleWindow([hidden])).toBe(hidden);
    expect(pickConsoleWindow([w('https://h.example/', 'visible', true)])).toBeNull();
  });
});

describe('viewNotice in the agent’s language', () => {
  it('words a new chat and a message in German', async () => {
    const de = (await import('../strings/de')).default;
    const chat = { v: 1, kind: 'handoff', handoffId: 'h1', ref: '4821', channel: 'chat', visitorName: null, question: null, callbackAt: null } as const;
    expect(viewNotice(chat, { strings: de })).toMatchObject({ title: 'Neuer Chat · 4821', body: 'Noch keine Frage eingegeben' });
    expect(viewNotice({ v: 1, kind: 'message', handoffId: 'h1', ref: '4821', visitorName: null, text: 'Hallo?' }, { strings: de }).title).toBe('Besucher · 4821');
  });
});

describe('viewNotice right to left', () => {
  const FSI = '\u2068';
  const PDI = '\u2069';
  it('words a new chat in Arabic, right to left, the visitor’s English keeping its own direction', async () => {
    const ar = (await import('../strings/ar')).default;
    const view = viewNotice(chat, { strings: ar, locale: 'ar-EG' });
    expect(view).toMatchObject({ title: 'محادثة جديدة · \u20664821\u2069', dir: 'rtl', lang: 'ar-EG' });
    expect(view.body).toBe(`${FSI}Ada Lovelace${PDI}: “${FSI}refund late${PDI}”`);
    expect(viewNotice({ ...chat, visitorName: null, question: null }, { strings: ar }).body).toBe('لم يكتب سؤالًا بعد');
  });
  it('words a message and a callback in Hebrew, right to left', async () => {
    const he = (await import('../strings/he')).default;
    const message = viewNotice({ v: 1, kind: 'message', handoffId: 'h1', ref: '4821', visitorName: null, text: 'Hello?' }, { strings: he });
    expect(message).toMatchObject({ title: 'מבקר · 4821', body: `${FSI}Hello?${PDI}`, dir: 'rtl', lang: 'he' });
    const callback = viewNotice({ ...chat, channel: 'callback', visitorName: null, callbackAt: '2025-03-03T15:00:00.000Z' }, { strings: he, locale: 'he', timeZone: 'Asia/Jerusalem' });
    expect(callback.title).toBe('שיחה חוזרת חדשה · \u20664821\u2069');
    expect(callback.body).toMatch(/^ל־.*17:00\. “/);
  });
});
