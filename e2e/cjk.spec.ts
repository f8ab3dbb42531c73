/**
 * Japanese and Chinese, as a visitor on such a site meets them: the page's `lang` picks the
 * widget's words, and a question typed in natural Japanese or Chinese finds its article, with
 * words found by Intl.Segmenter in `lifeline index` (Japanese, a prebuilt index) and in the
 * browser (Chinese, a plain array indexed on the page). A page in zh-TW (or a browser in zh-HK)
 * gets Traditional Chinese, a page in zh-CN Simplified.
 */
import { expect, test, type Page } from '@playwright/test';
import { indexFile } from '../src/search/cli-index';
import liveEn from '../src/widget/panel/live/strings/live-en';
import liveJa from '../src/widget/panel/live/strings/live-ja';
import liveHant from '../src/widget/panel/live/strings/live-zh-Hant';
import { DEMO_ATTRS, DESKTOP, ORIGIN, PHONE_VIEWPORT, animationsFinished, axeViolations, followSystemTheme, hostPage } from './fixtures';

const SHOTS = process.env.CJK_SHOTS; // a folder: screenshots to look at, never committed

const JA = [
  { id: 'track', title: 'ご注文の配送状況を確認する', body: '確認メールのリンクから、ご注文の配送状況をご確認いただけます。発送後、追跡番号もお知らせします。' },
  { id: 'refund', title: '返品・返金について', body: '商品到着後30日以内であれば返品できます。返金は5日以内に元のお支払い方法に戻ります。' },
  { id: 'password', title: 'パスワードの再設定', body: 'ログイン画面の「パスワードをお忘れの方」から再設定できます。' },
  { id: 'late', title: '商品が届かない場合', body: 'お届け予定日を過ぎても商品が届かない場合は、お問い合わせください。' },
];
const ZH = [
  { id: 'track', title: '查询订单物流', body: '您可以通过确认邮件中的链接查看订单的配送状态。发货后我们也会发送快递单号。' },
  { id: 'refund', title: '如何申请退款', body: '收到商品后30天内可以申请退货，退款将在5天内退回原支付方式。' },
  { id: 'password', title: '重置密码', body: '在登录页面点击“忘记密码”即可重置。' },
  { id: 'address', title: '修改收货地址', body: '订单发货前，您可以在账户中修改收货地址。' },
];
/** The same help centre as a shop in Taiwan writes it. */
const HANT = [
  { id: 'track', title: '查詢訂單物流', body: '您可以透過確認信中的連結查看訂單的配送狀態。出貨後我們也會寄送物流單號。' },
  { id: 'refund', title: '如何申請退款', body: '收到商品後 30 天內可以申請退貨，退款會在 5 天內退回原付款方式。' },
  { id: 'password', title: '重設密碼', body: '在登入頁面點選「忘記密碼」即可重設。' },
  { id: 'address', title: '修改收件地址', body: '訂單出貨前，您可以在帳戶中修改收件地址。' },
];

async function serve(page: Page, path: string, body: unknown): Promise<void> {
  await page.route(`${ORIGIN}${path}`, (route) =>
    route.fulfill({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) }),
  );
}

function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return scripts;
}

/** Light and dark (the widget follows the system: followSystemTheme before the page loads). */
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await animationsFinished(page.getByRole('dialog'));
    await page.screenshot({ path: `${SHOTS}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const viewport of [DESKTOP, PHONE_VIEWPORT]) {
  test(`a Japanese page: the panel speaks Japanese and 「注文はどこですか」 finds its article (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await followSystemTheme(page);
    // As `lifeline index --lang ja` writes it: the index prebuilt, words found by Node's Intl.Segmenter.
    await serve(page, '/e2e/articles-ja.json', indexFile(JA.map((a) => ({ ...a })), { lang: 'ja', withIndex: true }));
    const scripts = scriptsOf(page);
    const host = await hostPage(page, {
      lang: 'ja',
      title: 'ノースウィンド・サイクル',
      body: '<main><h1>ノースウィンド・サイクル</h1><p>電動自転車の専門店です。</p></main>',
      script: { ...DEMO_ATTRS, 'data-articles': '/e2e/articles-ja.json' },
    });
    await page.goto(host.url);
    await page.locator('lifeline-widget').getByRole('button', { name: 'ヘルプ', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'ヘルプ' });
    const box = panel.getByRole('searchbox', { name: 'ヘルプを検索' });
    await expect(box).toBeEnabled();
    await expect(panel.getByRole('button', { name: '担当者と話す' })).toBeVisible();

    await box.fill('注文はどこですか');
    const results = panel.getByRole('list').getByRole('link');
    await expect(results.first()).toHaveAccessibleName('ご注文の配送状況を確認する');
    await expect(panel.getByText(/^\d+件の記事が見つかりました$/)).toBeAttached();
    await shoot(page, `ja-${viewport.width}-results`);
    expect(await axeViolations(page)).toEqual([]);

    // A verb in another form meets its article; something the articles do not cover finds nothing.
    await box.fill('商品が届きません');
    await expect(results.first()).toHaveAccessibleName('商品が届かない場合');
    await box.fill('店舗の営業時間');
    await expect(panel.getByText('「店舗の営業時間」に合う回答が見つかりませんでした。')).toBeVisible();
    await shoot(page, `ja-${viewport.width}-none`);

    await box.fill('返金');
    await results.first().click();
    await expect(panel.getByRole('heading', { name: '返品・返金について' })).toBeVisible();
    await expect(panel.getByText('この記事は役に立ちましたか？')).toBeVisible();
    await shoot(page, `ja-${viewport.width}-article`);

    // The prebuilt index was used (no builder), and one search table: the Japanese one, with the segmenter it shares with Chinese.
    expect(scripts.some((s) => s.includes('lifeline-build-index'))).toBe(false);
    expect(scripts.filter((s) => /\/lifeline-search-/.test(s)).map((s) => s.match(/search-(\w+)/)![1])).toEqual(['ja']);
    expect(scripts.some((s) => /\/lifeline-segment-cjk\./.test(s))).toBe(true);
    expect(scripts.some((s) => /\/lifeline-lang-ja\./.test(s))).toBe(true);
  });

  test(`a Chinese page: a plain array indexed in the browser, and 「我的订单在哪里」 finds its article (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await followSystemTheme(page);
    await serve(page, '/e2e/articles-zh.json', ZH);
    const scripts = scriptsOf(page);
    const host = await hostPage(page, {
      lang: 'zh-CN',
      title: '北风自行车',
      body: '<main><h1>北风自行车</h1><p>电动自行车专卖店。</p></main>',
      script: { ...DEMO_ATTRS, 'data-articles': '/e2e/articles-zh.json' },
    });
    await page.goto(host.url);
    await page.locator('lifeline-widget').getByRole('button', { name: '帮助', exact: true }).click();
    const panel = page.getByRole('dialog', { name: '帮助' });
    const box = panel.getByRole('searchbox', { name: '搜索帮助' });
    await expect(box).toBeEnabled();
    await box.fill('我的订单在哪里');
    const results = panel.getByRole('list').getByRole('link');
    await expect(results.first()).toHaveAccessibleName('查询订单物流');
    await shoot(page, `zh-${viewport.width}-results`);
    await box.fill('收货地址写错了');
    await expect(results.first()).toHaveAccessibleName('修改收货地址');
    await box.fill('门店营业时间');
    await expect(panel.getByText('没有找到与“门店营业时间”相符的答案。')).toBeVisible();

    await panel.getByRole('button', { name: '联系人工客服' }).click();
    await expect(panel.getByRole('link', { name: /^TEL|拨打|致电/ }).first()).toBeVisible();
    await shoot(page, `zh-${viewport.width}-human`);
    // Simplified, not Traditional: its own words chunk, and none of the Traditional words.
    expect(scripts.some((s) => /\/lifeline-lang-zh\./.test(s))).toBe(true);
    expect(scripts.some((s) => /zh-Hant/.test(s))).toBe(false);
    await expect(page.locator('lifeline-widget').getByRole('button', { name: '說明', exact: true })).toHaveCount(0);
  });

  test(`a page in Taiwan: the panel speaks Traditional Chinese and 「我的訂單在哪裡」 finds its article (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await followSystemTheme(page);
    await serve(page, '/e2e/articles-hant.json', HANT);
    const scripts = scriptsOf(page);
    const host = await hostPage(page, {
      lang: 'zh-TW',
      title: '北風自行車',
      body: '<main><h1>北風自行車</h1><p>電動自行車專賣店。</p></main>',
      script: { ...DEMO_ATTRS, 'data-articles': '/e2e/articles-hant.json', 'data-hours': 'Mo-Fr 09:00-18:00', 'data-timezone': 'Asia/Taipei' },
    });
    await page.goto(host.url);
    await page.locator('lifeline-widget').getByRole('button', { name: '說明', exact: true }).click();
    const panel = page.getByRole('dialog', { name: '說明' });
    const box = panel.getByRole('searchbox', { name: '搜尋說明' });
    await expect(box).toBeEnabled();
    await expect(panel.getByRole('button', { name: '聯絡真人客服' })).toBeVisible();
    await expect(panel.getByRole('heading', { name: '熱門文章' })).toBeVisible();
    await shoot(page, `hant-${viewport.width}-start`);

    await box.fill('我的訂單在哪裡');
    const results = panel.getByRole('list').getByRole('link');
    await expect(results.first()).toHaveAccessibleName('查詢訂單物流');
    await expect(panel.getByText(/^找到 \d+ 篇文章$/)).toBeAttached();
    await shoot(page, `hant-${viewport.width}-results`);
    expect(await axeViolations(page)).toEqual([]);
    await box.fill('收件地址寫錯了');
    await expect(results.first()).toHaveAccessibleName('修改收件地址');
    await box.fill('門市營業時間');
    await expect(panel.getByText('找不到與「門市營業時間」相符的答案。')).toBeVisible();
    await shoot(page, `hant-${viewport.width}-none`);

    await box.fill('退款');
    await results.first().click();
    await expect(panel.getByRole('heading', { name: '如何申請退款' })).toBeVisible();
    await expect(panel.getByText('這篇文章對您有幫助嗎？')).toBeVisible();
    await shoot(page, `hant-${viewport.width}-article`);

    await panel.getByRole('button', { name: '聯絡真人客服' }).click();
    await expect(panel.getByText('電話聯絡', { exact: true })).toBeVisible();
    await expect(panel.getByText(/服務中|恢復服務/).first()).toBeVisible();
    // The week's hours with full-width marks: 服務時間：週一至週五 …（Asia/Taipei）, not "服務時間: …".
    await expect(panel.getByText(/^服務時間：/).first()).toBeVisible();
    await expect(panel.getByText('服務時間: ')).toHaveCount(0);
    await shoot(page, `hant-${viewport.width}-human`);

    // Traditional words, the Chinese search table (one for both scripts), and no Simplified pack.
    expect(scripts.some((s) => /\/lifeline-lang-zh-Hant\./.test(s))).toBe(true);
    expect(scripts.some((s) => /\/lifeline-lang-zh\./.test(s))).toBe(false);
    expect(scripts.filter((s) => /\/lifeline-search-/.test(s)).map((s) => s.match(/search-(\w+)/)![1])).toEqual(['zh']);
  });
}

test.describe('a browser in Hong Kong', () => {
  test.use({ locale: 'zh-HK' });

  test('on a page that names no language, the widget is in Traditional Chinese down to the chat', async ({ page }) => {
    await page.setViewportSize(PHONE_VIEWPORT);
    await followSystemTheme(page);
    // lang="" names no language: the browser's (navigator.languages, zh-HK) decides.
    const host = await hostPage(page, { lang: '', script: { ...DEMO_ATTRS, 'data-backend': '/' } });
    await page.goto(host.url);
    expect(await page.evaluate(() => navigator.languages[0])).toBe('zh-HK');
    await page.locator('lifeline-widget').getByRole('button', { name: '說明', exact: true }).click();
    const panel = page.getByRole('dialog', { name: '說明' });
    await panel.getByRole('button', { name: '聯絡真人客服' }).click();
    await expect(panel.getByRole('heading', { name: liveHant.choose })).toBeVisible();
    await panel.getByRole('button', { name: new RegExp(`^${liveHant.chat}`) }).click();
    await expect(panel.getByRole('textbox', { name: liveHant.message, exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: liveHant.send, exact: true })).toBeVisible();
    await shoot(page, 'hant-320-chat');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test('a Japanese visitor asking for a person: the ways, their hours and the chat in Japanese, no English', async ({ page }) => {
  await page.setViewportSize(PHONE_VIEWPORT);
  await followSystemTheme(page);
  const host = await hostPage(page, {
    lang: 'ja',
    script: { ...DEMO_ATTRS, 'data-backend': '/', 'data-hours': 'Mo-Fr 09:00-17:00', 'data-timezone': 'Asia/Tokyo' },
  });
  await page.goto(host.url);
  await page.locator('lifeline-widget').getByRole('button', { name: 'ヘルプ', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'ヘルプ' });
  await panel.getByRole('button', { name: '担当者と話す' }).click();
  await expect(panel.getByRole('heading', { name: liveJa.choose })).toBeVisible();
  await expect(panel.getByRole('button', { name: new RegExp(`^${liveJa.chat}`) })).toBeVisible();
  // Every sentence of the English chat pack is absent; the hours are said in Japanese ("受付中" or "…に再開").
  const text = await panel.innerText();
  for (const english of [liveEn.choose, liveEn.chat, liveEn.callback, liveEn.callbackNote, liveEn.phoneNote, liveEn.closed, 'Open now', 'your time']) {
    expect(text).not.toContain(english);
  }
  expect(text).toMatch(/受付中|に再開|受付時間外/);
  // Full-width marks in the week's hours: 受付時間：…（Asia/Tokyo）.
  expect(text).toMatch(/受付時間：[^\n]+（Asia\/Tokyo）/);
  await shoot(page, 'ja-320-ways');
  expect(await axeViolations(page)).toEqual([]);
  await panel.getByRole('button', { name: new RegExp(`^${liveJa.chat}`) }).click();
  await expect(panel.getByRole('textbox', { name: liveJa.message, exact: true })).toBeVisible();
  await shoot(page, 'ja-320-chat');
});
