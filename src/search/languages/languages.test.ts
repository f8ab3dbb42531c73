/**
 * Each search language on a handful of realistic help articles written in it: a question in
 * natural wording finds its article first, and a question about something else finds nothing
 * unrelated. Plus the normalisation each language relies on.
 */
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../build-index';
import { loadSearchIndex } from '../index';
import { serializeIndex } from '../serialize';
import { languageOf, normalizeWord, type SearchLanguage } from '../language';
import { queryTerms, tokenize } from '../text';
import type { Article } from '../types';
import './all';

type Case = { articles: Array<[id: string, title: string, body: string]>; finds: Array<[query: string, id: string]> };

const CASES: Partial<Record<SearchLanguage, Case>> = {
  it: {
    articles: [
      ['track', 'Dove si trova il mio ordine?', "Segui la spedizione dell'ordine con il link nell'e-mail di conferma."],
      ['refund', 'Come ottenere un rimborso', 'I rimborsi tornano sul metodo di pagamento originale entro 5 giorni.'],
      ['password', 'Reimpostare la password', 'Usa «Password dimenticata» nella pagina di accesso.'],
      ['address', "Cambiare l'indirizzo di consegna", "Puoi modificare l'indirizzo finché l'ordine non è spedito."],
    ],
    finds: [['Dove è il mio ordine', 'track'], ['voglio essere rimborsato', 'refund'], ['ho dimenticato la password', 'password'], ['modificare indirizzo', 'address']],
  },
  pt: {
    articles: [
      ['track', 'Acompanhar o seu pedido', 'Veja onde está a sua encomenda com o link do e-mail de confirmação.'],
      ['refund', 'Como pedir um reembolso', 'Os reembolsos voltam ao método de pagamento original em até 5 dias.'],
      ['password', 'Redefinir a senha', 'Use «Esqueci a senha» na página de entrada.'],
      ['cancel', 'Cancelar uma assinatura', 'As assinaturas podem ser canceladas a qualquer momento na sua conta.'],
    ],
    finds: [['Onde está o meu pedido?', 'track'], ['quero o reembolso', 'refund'], ['esqueci minha senha', 'password'], ['como cancelo a assinatura', 'cancel']],
  },
  nl: {
    articles: [
      ['track', 'Waar is mijn bestelling?', 'Volg je bestelling met de link in de bevestigingsmail.'],
      ['refund', 'Geld terugvragen', 'Terugbetalingen komen binnen 5 dagen terug op de oorspronkelijke betaalmethode.'],
      ['password', 'Wachtwoord opnieuw instellen', 'Kies «Wachtwoord vergeten» op de inlogpagina.'],
      ['delivery', 'Levering en verzendkosten', 'We leveren binnen twee werkdagen; verzending is gratis vanaf 50 euro.'],
    ],
    finds: [['waar blijft mijn bestelling', 'track'], ['ik ben mijn wachtwoord vergeten', 'password'], ['wanneer wordt het geleverd', 'delivery']],
  },
  pl: {
    articles: [
      ['track', 'Gdzie jest moje zamówienie?', 'Śledź zamówienie za pomocą linku w e-mailu z potwierdzeniem.'],
      ['refund', 'Zwrot pieniędzy', 'Zwroty trafiają na pierwotną metodę płatności w ciągu 5 dni.'],
      ['password', 'Resetowanie hasła', 'Użyj opcji «Nie pamiętam hasła» na stronie logowania.'],
      ['fees', 'Opłaty za przesyłkę', 'Przesyłka kosztuje 15 złotych, powyżej 200 złotych jest bezpłatna.'],
    ],
    finds: [['Gdzie jest moje zamowienie', 'track'], ['nie pamiętam hasła', 'password'], ['ile kosztuje przesyłka', 'fees'], ['zwrot pieniedzy', 'refund']],
  },
  ar: {
    articles: [
      ['track', 'تتبع طلبك', 'يمكنك معرفة مكان طلبك من الرابط في رسالة التأكيد.'],
      ['refund', 'كيف أسترد أموالي؟', 'تعود المبالغ المستردة إلى طريقة الدفع الأصلية خلال خمسة أيام.'],
      ['password', 'إعادة تعيين كلمة المرور', 'استخدم «نسيت كلمة المرور» في صفحة تسجيل الدخول.'],
      ['address', 'تغيير عنوان التوصيل', 'يمكنك تغيير العنوان قبل شحن الطلبات.'],
    ],
    finds: [['أين طلبي', 'track'], ['نسيت كلمة المرور', 'password'], ['أريد تغيير العنوان', 'address'], ['أَيْنَ طَلَبِي؟', 'track']],
  },
  he: {
    articles: [
      ['track', 'מעקב אחר ההזמנה', 'אפשר לראות איפה ההזמנה שלך בקישור שבמייל האישור.'],
      ['refund', 'איך מקבלים החזר כספי', 'ההחזרים חוזרים לאמצעי התשלום המקורי תוך חמישה ימים.'],
      ['password', 'איפוס סיסמה', 'לחצו על «שכחתי סיסמה» בדף הכניסה.'],
      ['shipping', 'דמי משלוח וזמני אספקה', 'המשלוח חינם מעל 200 ש״ח ומגיע תוך שלושה ימי עסקים.'],
    ],
    finds: [['איפה ההזמנה שלי', 'track'], ['שכחתי את הסיסמה', 'password'], ['כמה עולה משלוח', 'shipping'], ['אֵיפֹה הַהַזְמָנָה שֶׁלִּי', 'track']],
  },
  ja: {
    articles: [
      ['track', 'ご注文の配送状況を確認する', '確認メールのリンクから、ご注文の配送状況をご確認いただけます。'],
      ['refund', '返品・返金について', '返金は5日以内に元のお支払い方法に戻ります。'],
      ['password', 'パスワードの再設定', 'ログイン画面の「パスワードをお忘れの方」から再設定できます。'],
      ['late', '商品が届かない場合', 'お届け予定日を過ぎても商品が届かない場合は、お問い合わせください。'],
      ['pay', 'お支払い方法の変更', 'マイページからクレジットカードを変更できます。'],
    ],
    finds: [['注文はどこですか', 'track'], ['返金してほしい', 'refund'], ['パスワードを忘れました', 'password'], ['商品が届きません', 'late'], ['支払い方法を変更したい', 'pay']],
  },
  zh: {
    articles: [
      ['track', '查询订单物流', '您可以通过确认邮件中的链接查看订单的配送状态。'],
      ['refund', '如何申请退款', '退款将在5天内退回原支付方式。'],
      ['password', '重置密码', '在登录页面点击“忘记密码”即可重置。'],
      ['address', '修改收货地址', '订单发货前，您可以在账户中修改收货地址。'],
      ['invoice', '开具发票', '订单完成后，可以在订单详情页申请电子发票。'],
    ],
    finds: [['我的订单在哪里', 'track'], ['怎么退款', 'refund'], ['忘记密码了怎么办', 'password'], ['收货地址写错了', 'address'], ['发票怎么开', 'invoice']],
  },
};

describe('search in each language', () => {
  for (const [lang, { articles, finds }] of Object.entries(CASES) as Array<[SearchLanguage, Case]>) {
    const list: Article[] = articles.map(([id, title, body]) => ({ id, title, body }));
    const index = createSearchIndex(list, { lang });
    for (const [query, id] of finds) {
      it(`${lang}: "${query}" finds ${id}`, () => {
        expect(index.search(query)[0]?.id).toBe(id);
      });
    }
    it(`${lang}: a question about something else is not answered`, () => {
      const unrelated = { it: 'orari del negozio', pt: 'horário da loja', nl: 'openingstijden winkel', pl: 'godziny otwarcia sklepu', ar: 'ساعات عمل المتجر', he: 'שעות פתיחה של החנות', ja: '店舗の営業時間', zh: '门店营业时间' }[lang as 'it'];
      expect(index.search(unrelated)).toEqual([]);
    });
    it(`${lang}: the prebuilt index records its language and answers the same`, () => {
      const data = JSON.parse(JSON.stringify(serializeIndex(index)));
      expect(data.lang).toBe(lang);
      const loaded = loadSearchIndex(data, list, lang)!;
      expect(loaded.lang).toBe(lang);
      expect(loaded.search(finds[0]![0])[0]?.id).toBe(finds[0]![1]);
    });
  }
});

describe('normalisation', () => {
  const norm = (lang: SearchLanguage, word: string) => normalizeWord(word, languageOf(lang));

  it('Arabic: tashkeel, tatweel, alef forms, taa marbuta, alef maqsura, digits', () => {
    expect(norm('ar', 'طَلَبِي')).toBe('طلبي');
    expect(norm('ar', 'مـــرحبا')).toBe('مرحبا');
    expect(['أ', 'إ', 'آ', 'ٱ'].map((a) => norm('ar', `${a}ب`))).toEqual(['اب', 'اب', 'اب', 'اب']);
    expect(norm('ar', 'مدرسة')).toBe('مدرسه');
    expect(norm('ar', 'على')).toBe('علي');
    expect(norm('ar', '٢٠٢٦')).toBe('2026');
  });

  it('Arabic: the article, "and" and the light10 suffixes go', () => {
    expect(queryTerms('الطلب طلبي طلبك الطلبات وطلباتكم', 'ar')).toEqual(['طلب']);
    expect(queryTerms('بالبطاقة', 'ar')).toEqual(queryTerms('البطاقة', 'ar'));
  });

  it('Hebrew: niqqud and cantillation go, final letters are read as their plain form', () => {
    expect(norm('he', 'שָׁלוֹם')).toBe('שלומ');
    expect(norm('he', 'בְּרֵאשִׁ֖ית')).toBe('בראשית');
    expect(['ך', 'ם', 'ן', 'ף', 'ץ'].map((f) => norm('he', f))).toEqual(['כ', 'מ', 'נ', 'פ', 'צ']);
  });

  it('Hebrew: prefixes go, stacked, while three letters are left', () => {
    expect(queryTerms('ההזמנה הזמנה והזמנות בהזמנה', 'he')).toEqual(['זמנ']);
    expect(queryTerms('בית', 'he')).toEqual(['בית']);
    // The plural goes before the prefixes, so a plural keeps the letters its singular keeps.
    expect(queryTerms('מוצרים מוצר המוצרים', 'he')).toEqual(['וצר']);
  });

  it('Polish: ł and the other Polish letters fold, so a query typed without them finds them', () => {
    expect(queryTerms('złotych', 'pl')).toEqual(queryTerms('zlotych', 'pl'));
    expect(queryTerms('zamówienie zamówienia zamówień', 'pl')).toEqual(['zamow']);
  });

  it('Italian, Portuguese, Dutch: plurals and verbs meet their stems, elision goes', () => {
    expect(queryTerms("l'ordine gli ordini dell'ordine", 'it')).toEqual(['ordin']);
    expect(queryTerms('pedido pedidos', 'pt')).toEqual(['ped']);
    expect(queryTerms('bestelling bestellingen bestellen', 'nl')).toEqual(['bestel']);
  });

  it('full-width Latin letters and digits, as CJK keyboards type them, read as ASCII', () => {
    expect(queryTerms('ＩＤ１２３', 'ja')).toEqual(['id123']);
  });
});

describe('Japanese and Chinese words', () => {
  const terms = (lang: SearchLanguage, text: string) => tokenize(text, lang).map((t) => t.term);

  it('finds words with Intl.Segmenter and drops particles and endings', () => {
    expect(terms('ja', '注文はどこですか')).toEqual(['注文']);
    expect(terms('zh', '我的订单在哪里')).toEqual(['订单']);
  });

  it('a verb meets its other forms at its ideographs', () => {
    expect(terms('ja', '届きません')).toEqual(terms('ja', '届かない'));
  });

  it('joins touching single characters, so a word the segmenter splits still meets itself', () => {
    // The segmenter reads 退货 as 退 / 货 here, as 退货 elsewhere.
    expect(terms('zh', '退货退款政策')).toContain('退货');
    expect(terms('zh', '修改收货地址')).toContain('收货');
  });

  it('keeps positions on the original text, for highlighting', () => {
    const text = 'ご注文の配送状況';
    for (const t of tokenize(text, 'ja')) expect(text.slice(t.start, t.end + 1)).toMatch(new RegExp(`^${t.term[0]}`));
  });

  it('a CJK word is never taken as a typo of another, so a query does not match everything', () => {
    const index = createSearchIndex(
      [
        { id: 'a', title: '配送状況', body: '配送状況の確認' },
        { id: 'b', title: '配送方法', body: '配送方法の変更' },
        { id: 'c', title: 'パスワード', body: 'パスワードの再設定' },
      ],
      { lang: 'ja' },
    );
    expect(index.search('状況').map((r) => r.id)).toEqual(['a']);
    expect(index.search('パスワト')).toEqual([]);
  });
});
