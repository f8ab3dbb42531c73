/**
 * Japanese and Chinese for search, one chunk: both find their words with Intl.Segmenter
 * (segment-cjk.ts), which is most of what they need; their stop words are small.
 */
import type { LanguageTable } from '../language';
import { segmentCjk } from './segment-cjk';

export const ja: LanguageTable = {
  code: 'ja',
  // Words of hiragana alone (particles, endings) go by rule; these are the other fillers of a question.
  stop: '何 私 僕 事 物 方 方法 場合 時 様 為 等 教 知 分 いつ ください 御',
  suffixes: [],
  segment: segmentCjk({ grammar: /^[\p{sc=Hiragana}ー]+$/u, tail: /(\p{sc=Han})\p{sc=Hiragana}+$/u }),
};

export const zh: LanguageTable = {
  code: 'zh',
  stop:
    '的 了 是 在 我 我的 你 你的 您 您的 他 她 它 我们 你们 他们 吗 呢 吧 啊 呀 哪 哪里 哪儿 什么 怎么 怎样 怎么样 ' +
    '如何 为什么 为何 和 与 或 或者 及 有 没有 没 这 那 这个 那个 这些 那些 个 请 请问 能 能否 可以 可能 要 想 需要 ' +
    '会 把 被 也 都 就 还 又 对 从 到 给 让 不 很 几 一个 一下 如果 时候 怎么办 办 谢谢 你好 您好 么 之 其 中 上 下 里 得 地 着 过',
  suffixes: [],
  segment: segmentCjk({}),
};
