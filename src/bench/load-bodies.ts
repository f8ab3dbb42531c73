/**
 * Request bodies for the load generator, shaped like the widget's: a handoff after a visitor
 * looked around (8 transcript entries, about 1.5 KB of JSON), and chat lines of a usual length.
 * Varied by index so that no two requests are byte-for-byte the same.
 */
import type { CreateHandoffRequest, TranscriptEntry } from '../protocol/types';

const PRODUCTS = ['order', 'refund', 'invoice', 'delivery', 'password', 'subscription', 'warranty', 'return label'];

export function handoffBody(i: number, now = Date.now()): CreateHandoffRequest {
  const topic = PRODUCTS[i % PRODUCTS.length]!;
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  const transcript: TranscriptEntry[] = [
    { type: 'page', at: at(300), url: `https://shop.example.com/account/orders?page=${i % 7}`, title: 'Your orders | Example Shop' },
    { type: 'search', at: at(260), query: `${topic} late`, resultCount: 0, topIds: [] },
    { type: 'search', at: at(230), query: `where is my ${topic}`, resultCount: 3, topIds: [`kb-${topic}-1`, `kb-${topic}-2`, 'kb-contact'] },
    { type: 'article', at: at(200), articleId: `kb-${topic}-1`, title: `What to do when your ${topic} is late` },
    { type: 'feedback', at: at(120), articleId: `kb-${topic}-1`, helpful: false },
    { type: 'page', at: at(90), url: 'https://shop.example.com/help/contact', title: 'Contact us | Example Shop' },
    { type: 'search', at: at(40), query: `talk to someone about ${topic} ${1000 + (i % 9000)}`, resultCount: 1, topIds: ['kb-contact'] },
    { type: 'handoff', at: at(1), channel: 'chat' },
  ];
  return {
    clientId: crypto.randomUUID(),
    channel: 'chat', // only chats carry messages, which parts 3 and 4 send
    visitor: { name: `Visitor ${i}`, email: `visitor${i}@example.com`, id: `cust-${100000 + i}`, attributes: { plan: i % 3 ? 'free' : 'pro', orders: i % 40 } },
    transcript,
    context: {
      pageUrl: 'https://shop.example.com/help/contact',
      locale: 'en',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
      timezone: 'Europe/Paris',
    },
  };
}

export const replyText = (i: number): string =>
  `Hello, thanks for waiting. I can see you looked at the ${PRODUCTS[i % PRODUCTS.length]} article; let me check that for you (${i}).`;

export const visitorText = (i: number): string => `It still has not arrived, and the tracking page has not changed since Monday (${i}).`;
