import { describe, expect, it } from 'vitest';
import { LIMITS, messageWithArticle, validateAgentMessage, validateArticleRead, validatePostMessage } from './validate';

const ID = 'msg-0001-abcd';

describe('validateAgentMessage', () => {
  it('takes a plain reply as a visitor message is taken', () => {
    expect(validateAgentMessage({ clientMessageId: ID, text: '  Hello  ' })).toEqual({ ok: true, value: { clientMessageId: ID, text: 'Hello' } });
    expect(validateAgentMessage({ clientMessageId: ID, text: '   ' })).toEqual({ ok: false, path: 'text', error: 'text must not be empty' });
  });

  it('takes an article with or without a note, and with or without its title', () => {
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: 'refunds', title: ' Refunds ' } })).toEqual({
      ok: true,
      value: { clientMessageId: ID, text: '', article: { articleId: 'refunds', title: 'Refunds' } },
    });
    expect(validateAgentMessage({ clientMessageId: ID, text: ' This one ', article: { articleId: 'refunds' } })).toEqual({
      ok: true,
      value: { clientMessageId: ID, text: 'This one', article: { articleId: 'refunds' } },
    });
    // A title of white space is no title: the server names the article, or refuses it.
    expect(validateAgentMessage({ clientMessageId: ID, text: '', article: { articleId: 'refunds', title: '  ' } })).toEqual({
      ok: true,
      value: { clientMessageId: ID, text: '', article: { articleId: 'refunds' } },
    });
  });

  it('names the bad field of an article', () => {
    expect(validateAgentMessage({ clientMessageId: ID, article: 'refunds' })).toMatchObject({ ok: false, path: 'article', error: 'article must be a JSON object' });
    expect(validateAgentMessage({ clientMessageId: ID, article: {} })).toMatchObject({ ok: false, path: 'article.articleId', error: 'article.articleId must be a string' });
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: '' } })).toMatchObject({ ok: false, path: 'article.articleId' });
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: 'x'.repeat(LIMITS.articleId + 1) } })).toMatchObject({ path: 'article.articleId' });
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: 'a\uD800' } })).toMatchObject({ path: 'article.articleId' });
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: 'a', title: 3 } })).toMatchObject({ path: 'article.title' });
    expect(validateAgentMessage({ clientMessageId: ID, article: { articleId: 'a', title: 'x'.repeat(LIMITS.title + 1) } })).toMatchObject({ path: 'article.title' });
    expect(validateAgentMessage({ clientMessageId: ID, text: 4, article: { articleId: 'a' } })).toMatchObject({ path: 'text', error: 'text must be a string' });
    expect(validateAgentMessage({ clientMessageId: ID, text: 'x'.repeat(LIMITS.messageMax + 1), article: { articleId: 'a' } })).toMatchObject({ path: 'text' });
  });

  it('takes null as no article', () => {
    expect(validateAgentMessage({ clientMessageId: ID, text: 'Hi', article: null })).toEqual({ ok: true, value: { clientMessageId: ID, text: 'Hi' } });
  });

  it('leaves the visitor without articles: theirs is text only', () => {
    expect(validatePostMessage({ clientMessageId: ID, text: 'Hi', article: { articleId: 'refunds' } })).toEqual({ ok: true, value: { clientMessageId: ID, text: 'Hi' } });
    expect(validatePostMessage({ clientMessageId: ID, article: { articleId: 'refunds' } })).toMatchObject({ ok: false, path: 'text' });
  });
});

describe('validateArticleRead', () => {
  it('takes an article id and names a bad one', () => {
    expect(validateArticleRead({ articleId: 'refunds', extra: 1 })).toEqual({ ok: true, value: { articleId: 'refunds' } });
    expect(validateArticleRead({})).toEqual({ ok: false, path: 'articleId', error: 'articleId must be a string' });
    expect(validateArticleRead([])).toMatchObject({ ok: false, path: '' });
  });
});

describe('messageWithArticle', () => {
  const label = (title: string): string => `Article: ${title}`;
  it('says the article after the note, or alone, or leaves plain text as it is', () => {
    expect(messageWithArticle({ text: 'See this', article: { articleId: 'r', title: 'Refunds' } }, label)).toBe('See this\n\nArticle: Refunds');
    expect(messageWithArticle({ text: '', article: { articleId: 'r', title: 'Refunds' } }, label)).toBe('Article: Refunds');
    expect(messageWithArticle({ text: 'Hi', article: null }, label)).toBe('Hi');
  });
});
