import { describe, expect, it } from 'vitest';
import { articleLink } from './Timeline';

describe('articleLink', () => {
  it('opens the article in the widget on the page the visitor was on', () => {
    expect(articleLink('https://shop.example.com/orders#top', 'refunds', 'https://console.example')).toBe(
      'https://shop.example.com/orders#lifeline-article=refunds',
    );
  });
  it('links an id holding half an emoji instead of throwing (which blanked the handoff page)', () => {
    expect(articleLink('https://shop.example.com/', 'refunds\uD83D', 'https://console.example')).toBe(
      'https://shop.example.com/#lifeline-article=refunds%EF%BF%BD',
    );
  });
  it('gives no link without a page, or for a page that is not http(s)', () => {
    expect(articleLink(null, 'refunds', 'https://console.example')).toBeNull();
    expect(articleLink('javascript:alert(1)', 'refunds', 'https://console.example')).toBeNull();
  });
});
