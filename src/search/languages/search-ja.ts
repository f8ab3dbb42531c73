/**
 * Japanese for search: its words are found by Intl.Segmenter (segment-cjk.ts, shared with
 * Chinese), which is most of what it needs; its stop words and related words are small.
 */
import type { LanguageTable } from '../language';
import { segmentCjk } from './segment-cjk';

/** A word's trailing hiragana, which goes: 届き, 届かない and 届けます meet at 届. */
const JA_TAIL = /(\p{sc=Han})\p{sc=Hiragana}+$/u;

const table: LanguageTable = {
  code: 'ja',
  // Words of hiragana alone (particles, endings) go by rule; these are the other fillers of a question.
  stop: '何 私 僕 事 物 方 方法 場合 時 様 為 等 教 知 分 いつ ください 御',
  suffixes: [],
  // The segmenter strips the tail of the words it finds; this reads `related` the same way ("払い戻し" is 払い戻).
  stem: (word, suffixes) => suffixes(word.replace(JA_TAIL, '$1')),
  // Everyday words people use for one another, each one word as the segmenter finds it, written
  // as general Japanese, not from any set's questions (docs/search.md).
  related:
    '返金 払い戻し|料金 費用 代金 価格 値段|配送 配達 発送|注文 購入|キャンセル 取り消し 取消 解約|支払い 決済|' +
    '現金 お金|住所 宛先 届け先|変更 修正 編集|破損 不良 故障|問い合わせ 連絡 相談|サポート 窓口|不具合 問題 エラー|' +
    '商品 製品 品物|割引 値引き クーポン|無料 タダ|海外 国際|削除 消去|停止 中止|領収 レシート|確認 チェック',
  segment: segmentCjk({ grammar: /^[\p{sc=Hiragana}ー]+$/u, tail: JA_TAIL }),
};

export default table;
