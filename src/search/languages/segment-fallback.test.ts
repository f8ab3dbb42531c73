/**
 * A browser without Intl.Segmenter (older than 2021): Japanese and Chinese are read character by
 * character, touching characters joined in pairs, so a question still finds its article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const intl = Intl as unknown as { Segmenter?: unknown };
const saved = intl.Segmenter;

describe('without Intl.Segmenter', () => {
  beforeAll(() => {
    delete intl.Segmenter; // before the first tokenize: segment-cjk.ts looks once per language
  });
  afterAll(() => {
    intl.Segmenter = saved;
  });

  it('reads pairs of characters, and a question still finds its article', async () => {
    await import('./all');
    const { queryTerms } = await import('../text');
    const { createSearchIndex } = await import('../build-index');
    expect(queryTerms('订单', 'zh')).toEqual(['订单']);
    expect(queryTerms('退款政策', 'zh')).toEqual(['退款', '款政', '政策']);
    const index = createSearchIndex(
      [
        { id: 'track', title: '查询订单物流', body: '您可以通过确认邮件中的链接查看订单的配送状态。' },
        { id: 'refund', title: '如何申请退款', body: '退款将在5天内退回原支付方式。' },
      ],
      { lang: 'zh' },
    );
    expect(index.search('我的订单在哪里')[0]?.id).toBe('track');
    expect(index.search('申请退款')[0]?.id).toBe('refund');
  });
});
