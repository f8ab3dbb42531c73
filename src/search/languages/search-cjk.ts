/**
 * Japanese and Chinese for search, one chunk: both find their words with Intl.Segmenter
 * (segment-cjk.ts), which is most of what they need; their stop words are small.
 */
import type { LanguageTable } from '../language';
import { segmentCjk } from './segment-cjk';

/** A word's trailing hiragana, which goes: 届き, 届かない and 届けます meet at 届. */
const JA_TAIL = /(\p{sc=Han})\p{sc=Hiragana}+$/u;

export const ja: LanguageTable = {
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

export const zh: LanguageTable = {
  code: 'zh',
  stop:
    '的 了 是 在 我 我的 你 你的 您 您的 他 她 它 我们 你们 他们 吗 呢 吧 啊 呀 哪 哪里 哪儿 什么 怎么 怎样 怎么样 ' +
    '如何 为什么 为何 和 与 或 或者 及 有 没有 没 这 那 这个 那个 这些 那些 个 请 请问 能 能否 可以 可能 要 想 需要 ' +
    '会 把 被 也 都 就 还 又 对 从 到 给 让 不 不了 很 几 一个 一下 如果 时候 怎么办 办 谢谢 你好 您好 么 之 其 中 上 下 里 得 地 着 过',
  suffixes: [],
  // Everyday words people use for one another, each one word as the segmenter finds it, with the
  // common variants (登陆 for 登录, 帐号 for 账号), written as general Chinese, not from any set's
  // questions (docs/search.md).
  related:
    '退款 退钱|费用 价格 价钱|快递 物流 配送 发货|取消 撤销|付款 支付 付钱|密码 口令|登录 登陆|修改 更改 变更|' +
    '损坏 破损|客服 人工|邮件 邮箱|电话 手机|发票 收据|商品 产品 货物|优惠 折扣|免费 包邮|海外 国外 国际|诈骗 骗子|' +
    '账号 账户 帐号 帐户|保修 质保|问题 故障|延迟 推迟',
  segment: segmentCjk({}),
};
