/**
 * A Traditional-Chinese site: the widget's language, zh-Hant, picks the Chinese search table (its
 * words found by Intl.Segmenter, which reads both scripts), the way useArticles.ts loads it, and a
 * visitor's question in Traditional characters finds the Traditional article.
 */
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../search/build-index';
import { loadSearchLanguage } from '../../search/language-load';
import { readArticlesFile } from '../../search/articles-file';
import { pickLanguage } from './locale';

const ARTICLES = [
  { id: 'track', title: '查詢訂單物流', body: '您可以透過確認信中的連結查看訂單的配送狀態。出貨後我們也會寄送物流單號。' },
  { id: 'refund', title: '如何申請退款', body: '收到商品後 30 天內可以申請退貨，退款會在 5 天內退回原付款方式。' },
  { id: 'password', title: '重設密碼', body: '在登入頁面點選「忘記密碼」即可重設。' },
  { id: 'address', title: '修改收件地址', body: '訂單出貨前，您可以在帳戶中修改收件地址。' },
];

describe('Traditional Chinese articles, searched as Chinese', () => {
  it('a page in zh-TW searches with the Chinese table', async () => {
    const language = pickLanguage(['zh-TW']);
    expect(language).toBe('zh-Hant');
    expect(await loadSearchLanguage(language)).toBe('zh');
    // An articles file that says it is written in zh-Hant is read as Chinese too.
    expect(readArticlesFile({ lang: 'zh-Hant', articles: ARTICLES }, { lang: 'en' }).lang).toBe('zh');
  });

  it('finds the article a Traditional question is about, and nothing for what no article covers', async () => {
    const index = createSearchIndex(ARTICLES, { lang: await loadSearchLanguage('zh-Hant') });
    const top = (query: string): string | undefined => index.search(query)[0]?.article.id;
    expect(top('我的訂單在哪裡')).toBe('track');
    expect(top('我想退款')).toBe('refund');
    expect(top('忘記密碼怎麼辦')).toBe('password');
    expect(top('收件地址寫錯了')).toBe('address');
    expect(index.search('門市營業時間')).toEqual([]);
  });
});
