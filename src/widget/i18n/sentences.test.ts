import { describe, expect, it } from 'vitest';
import { asSentence, dayAndTime, joinSentences } from './sentences';

describe('sentences', () => {
  it('joins with a space, except after Japanese or Chinese', () => {
    expect(joinSentences('Nobody is on chat.', 'We call back.')).toBe('Nobody is on chat. We call back.');
    expect(joinSentences('担当者がいません。', 'お電話します。')).toBe('担当者がいません。お電話します。');
    expect(joinSentences('目前没有客服人员在线。', '我们也可以给您回电：')).toBe('目前没有客服人员在线。我们也可以给您回电：');
  });

  it('ends a phrase with the script\u2019s full stop', () => {
    expect(asSentence('We’ll answer by e-mail')).toBe('We’ll answer by e-mail.');
    expect(asSentence('メールでお返事します')).toBe('メールでお返事します。');
    expect(asSentence('我们将通过电子邮件答复您')).toBe('我们将通过电子邮件答复您。');
  });

  it('puts a day before a time with a comma, or a space in Japanese and Chinese', () => {
    expect(dayAndTime('Today', '15:00–15:30')).toBe('Today, 15:00–15:30');
    expect(dayAndTime('今日', '15時00分～15時30分')).toBe('今日 15時00分～15時30分');
  });
});
