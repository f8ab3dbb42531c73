/**
 * Sentences put together from a pack's pieces, as the script writes them: Japanese and Chinese
 * end a sentence with "。" and put no space after it; the others end with "." and a space.
 */
const CJK_END = /[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff5e]$/;

/** `first` then `next`, with a space only where the script puts one. */
export const joinSentences = (first: string, next: string): string => (CJK_END.test(first) ? first + next : `${first} ${next}`);

/** A phrase ended as a sentence: "We'll answer by e-mail." / "メールでお返事します。" */
export const asSentence = (phrase: string): string => phrase + (CJK_END.test(phrase) ? '。' : '.');

/** A day and a time: "Today, 15:00–15:30"; Japanese and Chinese put a space, not a comma: "今日 15:00". */
export const dayAndTime = (day: string, time: string): string => `${day}${CJK_END.test(day) ? ' ' : ', '}${time}`;
