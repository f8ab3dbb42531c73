/**
 * Chinese for search: its words are found by Intl.Segmenter (segment-cjk.ts, shared with
 * Japanese), which is most of what it needs; its stop words and related words are small.
 */
import type { LanguageTable } from '../language';
import { segmentCjk } from './segment-cjk';

const table: LanguageTable = {
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

export default table;
