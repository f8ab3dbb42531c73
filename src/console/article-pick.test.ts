import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../protocol/types';
import { articleChoices, pickArticle, readAt } from './article-pick';

const read: TranscriptEntry = { type: 'article', at: '2025-03-01T10:00:00Z', articleId: 'old-refunds', title: 'Refunds before 2024' };
const site = new Map([
  ['refunds', 'How do I get a refund?'],
  ['old-refunds', 'Refunds before 2024'],
]);

describe('picking the article to send', () => {
  it('offers what the visitor read first, then the site’s articles, once each', () => {
    expect([...articleChoices([read], site)]).toEqual([
      ['old-refunds', 'Refunds before 2024'],
      ['refunds', 'How do I get a refund?'],
    ]);
    expect([...articleChoices([read], null)]).toEqual([['old-refunds', 'Refunds before 2024']]);
  });

  it('finds an article by its title, whatever the case and spacing, or by its id', () => {
    const choices = articleChoices([], site);
    expect(pickArticle('  how do I get a  REFUND? ', choices)).toEqual({ articleId: 'refunds', title: 'How do I get a refund?' });
    expect(pickArticle('old-refunds', choices)).toEqual({ articleId: 'old-refunds', title: 'Refunds before 2024' });
    expect(pickArticle('refund', choices)).toBeNull();
    expect(pickArticle('  ', choices)).toBeNull();
  });

  it('says when the visitor read an article after it was sent', () => {
    const article = { articleId: 'old-refunds', title: 'Refunds before 2024' };
    expect(readAt([read], article, '2025-03-01T09:59:00Z')).toBe('2025-03-01T10:00:00Z');
    expect(readAt([read], article, '2025-03-01T10:01:00Z')).toBeNull(); // read before it was sent: not this card
  });
});
