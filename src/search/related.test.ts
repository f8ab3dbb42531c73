/**
 * Everyday related words in the languages other than English (each table's `related`): every
 * group reads as its stemmer reads it, and a small help centre in each language answers a
 * question put in other everyday words ("argent" for "espèces") with the right article, and
 * only thanks to the table, while questions about something else are still not answered.
 */
import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './build-index';
import { languageOf, normalizeWord, registerLanguage, stem, type LanguageTable, type SearchLanguage } from './language';
import ar from './languages/search-ar';
import en from './languages/search-en';
import de from './languages/search-de';
import es from './languages/search-es';
import fr from './languages/search-fr';
import he from './languages/search-he';
import it_ from './languages/search-it';
import ja from './languages/search-ja';
import nl from './languages/search-nl';
import pl from './languages/search-pl';
import pt from './languages/search-pt';
import zh from './languages/search-zh';
import { fold, queryTerms } from './text';
import type { Article } from './types';
import './languages/all';

const TABLES: Partial<Record<SearchLanguage, LanguageTable>> = { en, fr, de, es, it: it_, pt, nl, pl, ar, he, ja, zh };

describe('related words: every group reads as its language stems it', () => {
  for (const [code, table] of Object.entries(TABLES) as Array<[SearchLanguage, LanguageTable]>) {
    const language = languageOf(code);
    const groups = table.related!.split('|').map((group) => group.split(' '));

    it(`${code}: has a table of everyday groups, of two words or more`, () => {
      // Japanese and Chinese: only the words their segmenter reads as one word.
      expect(groups.length).toBeGreaterThanOrEqual(code === 'ja' || code === 'zh' ? 20 : 40);
      for (const group of groups) expect(group.length, group.join(' ')).toBeGreaterThanOrEqual(2);
    });

    it(`${code}: every word is written as search reads it (folded, no apostrophe or space) and is no stop word`, () => {
      for (const word of groups.flat()) {
        expect(word, word).toMatch(/^[\p{L}\p{N}]+$/u);
        expect(fold(word), word).toBe(word);
        expect(language.stopWords.has(normalizeWord(word, language)), `${word} is a stop word`).toBe(false);
        // Typed alone, it is one word of a question, and the very stem the table holds for it.
        expect(queryTerms(word, code), word).toEqual([stem(normalizeWord(word, language), language)]);
      }
    });

    it(`${code}: no two words of a group collapse into one stem, and no stem is a stop word`, () => {
      for (const group of groups) {
        const stems = group.map((word) => stem(normalizeWord(word, language), language));
        expect(new Set(stems).size, `${group.join(' ')} -> ${stems.join(' ')}`).toBe(stems.length);
        for (const s of stems) expect(language.stopWords.has(s), `${group.join(' ')}: stem ${s} is a stop word`).toBe(false);
      }
    });
  }
});

type HelpCentre = {
  articles: Array<[id: string, title: string, body: string]>;
  /** Questions in other everyday words than the article's own, and the article that answers them. */
  finds: Array<[query: string, id: string]>;
  /** Everyday questions this help centre has nothing about. */
  offTopic: string[];
};

const CENTRES: Partial<Record<SearchLanguage, HelpCentre>> = {
  fr: {
    articles: [
      ['track', 'Où est ma commande ?', 'Suivez votre commande avec le lien reçu dans l’e-mail de confirmation.'],
      ['refund', 'Obtenir un remboursement', 'Le remboursement arrive sur le moyen de paiement d’origine sous 5 jours.'],
      ['password', 'Réinitialiser votre mot de passe', 'Cliquez sur « Mot de passe oublié » sur la page de connexion.'],
      ['shipping', 'Frais et délais de livraison', 'La livraison standard coûte 4,90 € et prend 2 à 4 jours ouvrés.'],
      ['cancel', 'Annuler une commande', 'Une commande peut être annulée tant qu’elle n’est pas expédiée.'],
      ['address', 'Changer l’adresse de livraison', 'Vous pouvez changer l’adresse tant que le colis n’est pas parti.'],
      ['damaged', 'Article reçu endommagé', 'Envoyez-nous une photo de l’article endommagé : nous le remplaçons.'],
      ['contact', 'Contacter le service client', 'Écrivez-nous par le formulaire, du lundi au vendredi.'],
      ['cash', 'Payer en espèces', 'Le paiement en espèces est possible au retrait en magasin.'],
    ],
    finds: [
      ['puis-je régler avec de l’argent', 'cash'],
      ['quel est le tarif de l’acheminement', 'shipping'],
      ['je veux résilier mon achat', 'cancel'],
      ['modifier mon domicile', 'address'],
      ['produit abîmé', 'damaged'],
      ['être dédommagé', 'refund'],
      ['comment vous joindre', 'contact'],
    ],
    offTopic: ['recette de la tarte aux pommes', 'quel temps fera-t-il demain', 'résultat du match de football', 'comment apprendre la guitare'],
  },
  de: {
    articles: [
      ['track', 'Wo ist meine Bestellung?', 'Verfolgen Sie Ihre Bestellung über den Link in der Bestätigungsmail.'],
      ['refund', 'Rückerstattung beantragen', 'Die Rückerstattung geht innerhalb von 5 Tagen auf das ursprüngliche Zahlungsmittel.'],
      ['password', 'Passwort zurücksetzen', 'Klicken Sie auf der Anmeldeseite auf «Passwort vergessen».'],
      ['shipping', 'Versand und Lieferzeiten', 'Der Versand dauert 2 bis 4 Werktage. Die Gebühr für den Standardversand beträgt 4,90 €.'],
      ['cancel', 'Bestellung stornieren', 'Eine Bestellung kann storniert werden, solange sie nicht versandt wurde.'],
      ['address', 'Lieferadresse ändern', 'Sie können die Adresse ändern, solange das Paket nicht unterwegs ist.'],
      ['damaged', 'Artikel beschädigt angekommen', 'Schicken Sie uns ein Foto des beschädigten Artikels, wir ersetzen ihn.'],
      ['contact', 'Kundenservice kontaktieren', 'Schreiben Sie uns über das Formular, Montag bis Freitag.'],
      ['cash', 'Mit Bargeld bezahlen', 'Bei Abholung im Laden können Sie bar bezahlen.'],
    ],
    finds: [
      ['kann ich mit Geld zahlen', 'cash'],
      ['Preis der Zustellung', 'shipping'],
      ['Auftrag annullieren', 'cancel'],
      ['Anschrift bearbeiten', 'address'],
      ['Produkt defekt', 'damaged'],
      ['Rückzahlung', 'refund'],
      ['wie kann ich Sie erreichen', 'contact'],
      ['Kennwort', 'password'],
    ],
    offTopic: ['Rezept für Apfelkuchen', 'wie wird das Wetter morgen', 'Ergebnis des Fußballspiels', 'wie lerne ich Gitarre spielen'],
  },
  es: {
    articles: [
      ['track', '¿Dónde está mi pedido?', 'Sigue tu pedido con el enlace del correo de confirmación.'],
      ['refund', 'Cómo obtener un reembolso', 'El reembolso vuelve al método de pago original en 5 días.'],
      ['password', 'Restablecer la contraseña', 'Usa «¿Olvidaste tu contraseña?» en la página de inicio de sesión.'],
      ['shipping', 'Costes y plazos de envío', 'El envío estándar cuesta 4,90 € y tarda de 2 a 4 días hábiles.'],
      ['cancel', 'Cancelar un pedido', 'Puedes cancelar un pedido mientras no haya salido del almacén.'],
      ['address', 'Cambiar la dirección de entrega', 'Puedes cambiar la dirección hasta que el paquete salga del almacén.'],
      ['damaged', 'El artículo llegó dañado', 'Envíanos una foto del artículo dañado y lo reemplazamos.'],
      ['contact', 'Contactar con atención al cliente', 'Escríbenos desde el formulario de lunes a viernes.'],
      ['cash', 'Pagar en efectivo', 'Puedes pagar en efectivo al recoger en tienda.'],
    ],
    finds: [
      ['abonar con dinero', 'cash'],
      ['precio de la entrega', 'shipping'],
      ['anular la compra', 'cancel'],
      ['modificar mi domicilio', 'address'],
      ['producto roto', 'damaged'],
      ['quiero un reintegro', 'refund'],
    ],
    offTopic: ['receta de paella', 'qué tiempo hará mañana', 'resultado del partido de fútbol', 'cómo aprender a tocar la guitarra'],
  },
  it: {
    articles: [
      ['track', 'Dove si trova il mio ordine?', 'Segui il pacco con il link nell’e-mail di conferma.'],
      ['refund', 'Come ottenere un rimborso', 'Il rimborso torna sul metodo di pagamento originale entro 5 giorni.'],
      ['password', 'Reimpostare la password', 'Usa «Password dimenticata» nella pagina di accesso.'],
      ['shipping', 'Costi e tempi di consegna', 'La consegna standard costa 4,90 € e richiede da 2 a 4 giorni lavorativi.'],
      ['cancel', 'Annullare un ordine', 'Puoi annullare un ordine finché non è partito dal magazzino.'],
      ['address', "Cambiare l'indirizzo di consegna", "Puoi cambiare l'indirizzo finché il pacco non è partito."],
      ['damaged', 'Articolo arrivato danneggiato', "Inviaci una foto dell'articolo danneggiato e lo sostituiamo."],
      ['contact', "Contattare l'assistenza clienti", 'Scrivici dal modulo dal lunedì al venerdì.'],
      ['cash', 'Pagare in contanti', 'Puoi pagare in contanti al ritiro in negozio.'],
    ],
    finds: [
      ['saldare con denaro', 'cash'],
      ['prezzo del recapito', 'shipping'],
      ["disdire l'acquisto", 'cancel'],
      ['modificare il domicilio', 'address'],
      ['prodotto rotto', 'damaged'],
      ['voglio un risarcimento', 'refund'],
      ['chiamare il supporto', 'contact'],
    ],
    offTopic: ['ricetta della pasta alla carbonara', 'previsioni meteo per domani', 'risultato della partita di calcio', 'come imparare a suonare la chitarra'],
  },
  pt: {
    articles: [
      ['track', 'Onde está o meu pedido?', 'Acompanhe o pedido pelo link do e-mail de confirmação.'],
      ['refund', 'Como obter um reembolso', 'O reembolso volta ao meio de pagamento original em até 5 dias.'],
      ['password', 'Redefinir a senha', 'Use «Esqueci a senha» na página de entrada.'],
      ['shipping', 'Custos e prazos de entrega', 'A entrega padrão custa 4,90 € e leva de 2 a 4 dias úteis.'],
      ['cancel', 'Cancelar um pedido', 'Um pedido pode ser cancelado enquanto não sair do armazém.'],
      ['address', 'Alterar o endereço de entrega', 'Pode alterar o endereço até o pacote sair do armazém.'],
      ['damaged', 'Artigo chegou danificado', 'Envie-nos uma foto do artigo danificado e nós o substituímos.'],
      ['contact', 'Contatar o suporte', 'Escreva-nos pelo formulário de segunda a sexta.'],
      ['fraud', 'Denunciar uma fraude', 'Se recebeu uma mensagem suspeita em nosso nome, avise-nos.'],
    ],
    finds: [
      ['preço do envio', 'shipping'],
      ['anular a encomenda', 'cancel'],
      ['mudar a morada', 'address'],
      ['produto quebrado', 'damaged'],
      ['tem estorno', 'refund'],
      ['contactar a assistência', 'contact'],
      ['é um golpe?', 'fraud'],
    ],
    offTopic: ['receita de bolo de cenoura', 'como vai estar o tempo amanhã', 'resultado do jogo de futebol', 'como aprender a tocar violão'],
  },
  nl: {
    articles: [
      ['track', 'Waar is mijn bestelling?', 'Volg je bestelling met de link in de bevestigingsmail.'],
      ['refund', 'Terugbetaling aanvragen', 'De terugbetaling komt binnen 5 dagen op je oorspronkelijke betaalmethode.'],
      ['password', 'Wachtwoord opnieuw instellen', 'Kies «Wachtwoord vergeten» op de inlogpagina.'],
      ['shipping', 'Levering en levertijd', 'Standaard levering kost 4,95 euro en duurt 2 tot 4 werkdagen.'],
      ['cancel', 'Bestelling annuleren', 'Je kunt een bestelling annuleren zolang ze het magazijn niet verlaten heeft.'],
      ['address', 'Bezorgadres wijzigen', 'Je kunt het adres wijzigen zolang het pakket het magazijn niet verlaten heeft.'],
      ['damaged', 'Artikel beschadigd ontvangen', 'Stuur ons een foto van het beschadigde artikel, dan vervangen we het.'],
      ['contact', 'Contact met de klantenservice', 'Schrijf ons via het formulier, maandag tot vrijdag.'],
      ['cash', 'Contant betalen', 'In de winkel kun je contant betalen bij het afhalen.'],
    ],
    finds: [
      ['met geld afrekenen', 'cash'],
      ['prijs van de bezorging', 'shipping'],
      ['aankoop opzeggen', 'cancel'],
      ['woonadres veranderen', 'address'],
      ['product kapot', 'damaged'],
      ['restitutie', 'refund'],
      ['paswoord', 'password'],
      ['hoe kan ik bellen', 'contact'],
    ],
    offTopic: ['recept voor appeltaart', 'wat voor weer wordt het morgen', 'uitslag van de voetbalwedstrijd', 'hoe leer ik gitaar spelen'],
  },
  pl: {
    articles: [
      ['track', 'Gdzie jest moje zamówienie?', 'Śledź zamówienie za pomocą linku w e-mailu z potwierdzeniem.'],
      ['refund', 'Zwrot pieniędzy', 'Zwrot trafia na pierwotną metodę płatności w ciągu 5 dni.'],
      ['password', 'Resetowanie hasła', 'Użyj opcji «Nie pamiętam hasła» na stronie logowania.'],
      ['shipping', 'Koszty i czas dostawy', 'Dostawa kosztuje 15 złotych i trwa od 2 do 4 dni roboczych.'],
      ['cancel', 'Anulowanie zamówienia', 'Zamówienie można anulować, dopóki nie opuściło magazynu.'],
      ['address', 'Zmiana adresu dostawy', 'Adres możesz zmienić, dopóki paczka nie opuściła magazynu.'],
      ['damaged', 'Towar dotarł uszkodzony', 'Wyślij nam zdjęcie uszkodzonego towaru, a wymienimy go.'],
      ['contact', 'Kontakt z obsługą klienta', 'Napisz do nas przez formularz od poniedziałku do piątku.'],
      ['invoice', 'Faktura', 'Fakturę do zamówienia pobierzesz w zakładce Moje konto.'],
      ['fraud', 'Zgłoś oszustwo', 'Jeśli dostałeś podejrzaną wiadomość w naszym imieniu, daj nam znać.'],
    ],
    finds: [
      ['cena wysyłki', 'shipping'],
      ['rezygnacja z zakupu', 'cancel'],
      ['zepsuty artykuł', 'damaged'],
      ['refundacja', 'refund'],
      ['rachunek do zakupu', 'invoice'],
      ['wyłudzenie', 'fraud'],
    ],
    offTopic: ['przepis na szarlotkę', 'jaka będzie jutro pogoda', 'wynik meczu piłki nożnej', 'jak nauczyć się grać na gitarze'],
  },
  ar: {
    articles: [
      ['track', 'تتبع طلبك', 'يمكنك معرفة مكان طلبك من الرابط في رسالة التأكيد.'],
      ['refund', 'استرداد المبلغ', 'يعود المبلغ المسترد إلى طريقة الدفع الأصلية خلال خمسة أيام.'],
      ['password', 'إعادة تعيين كلمة المرور', 'استخدم «نسيت كلمة المرور» في صفحة تسجيل الدخول.'],
      ['shipping', 'رسوم التوصيل ومدته', 'يستغرق التوصيل من يومين إلى أربعة أيام، والرسوم عشرون ريالا.'],
      ['cancel', 'إلغاء الطلب', 'يمكنك إلغاء الطلب قبل خروجه من المستودع.'],
      ['damaged', 'منتج تالف', 'أرسل لنا صورة للمنتج التالف وسنستبدله.'],
      ['contact', 'التواصل مع خدمة العملاء', 'راسلنا عبر النموذج من الأحد إلى الخميس.'],
      ['fraud', 'الإبلاغ عن احتيال', 'إذا وصلتك رسالة مريبة باسمنا فأخبرنا.'],
    ],
    finds: [
      ['كم سعر الشحن', 'shipping'],
      ['أريد إبطال الأوردر', 'cancel'],
      ['سلعة معطوبة', 'damaged'],
      ['تعويض', 'refund'],
      ['الباسورد', 'password'],
      ['اتصال', 'contact'],
      ['نصب', 'fraud'],
    ],
    offTopic: ['وصفة الكبسة', 'حالة الطقس غدا', 'نتيجة مباراة كرة القدم', 'كيف أتعلم العزف على الجيتار'],
  },
  he: {
    articles: [
      ['track', 'מעקב אחר ההזמנה', 'אפשר לראות איפה ההזמנה שלך בקישור שבמייל האישור.'],
      ['refund', 'איך מקבלים החזר כספי', 'ההחזרים חוזרים לאמצעי התשלום המקורי תוך חמישה ימים.'],
      ['password', 'איפוס סיסמה', 'לחצו על «שכחתי סיסמה» בדף הכניסה.'],
      ['shipping', 'דמי משלוח וזמני אספקה', 'המשלוח עולה 30 ש״ח ומגיע תוך שלושה ימי עסקים.'],
      ['damaged', 'מוצר פגום', 'שלחו לנו תמונה של המוצר הפגום ונחליף אותו.'],
      ['fraud', 'דיווח על הונאה', 'אם קיבלתם הודעה חשודה בשמנו, ספרו לנו.'],
      ['cash', 'תשלום במזומן', 'אפשר לשלם במזומן באיסוף מהחנות.'],
    ],
    finds: [
      ['התחברות', 'password'],
      ['עוקץ', 'fraud'],
      ['פריט שבור', 'damaged'],
      ['כסף', 'cash'],
      ['זיכוי', 'refund'],
    ],
    offTopic: ['מתכון לעוגת שוקולד', 'מה מזג האוויר מחר', 'תוצאות משחק הכדורגל', 'איך ללמוד לנגן בגיטרה'],
  },
  ja: {
    articles: [
      ['track', 'ご注文の配送状況を確認する', '確認メールのリンクから、ご注文の配送状況をご確認いただけます。'],
      ['refund', '返金について', '返金は5日以内に元のお支払い方法に戻ります。'],
      ['password', 'パスワードの再設定', 'ログイン画面の「パスワードをお忘れの方」から再設定できます。'],
      ['shipping', '配送料金と日数', '送料は全国一律500円で、発送から2〜4日でお届けします。'],
      ['cancel', '注文のキャンセル', '発送前であれば、マイページから注文をキャンセルできます。'],
      ['address', 'お届け先住所の変更', '発送前であれば、マイページから住所を変更できます。'],
      ['damaged', '商品が破損していた場合', '破損した商品の写真をお送りください。交換いたします。'],
      ['contact', 'サポートへのお問い合わせ', 'フォームから平日10時〜18時に受け付けています。'],
    ],
    finds: [
      ['払い戻しはできますか', 'refund'],
      ['配達の費用', 'shipping'],
      ['解約したい', 'cancel'],
      ['宛先を修正したい', 'address'],
      ['製品の故障', 'damaged'],
      ['相談したい', 'contact'],
    ],
    offTopic: ['明日の天気', 'カレーの作り方', 'サッカーの試合結果', 'ギターの弾き方'],
  },
  zh: {
    articles: [
      ['track', '查询订单物流', '您可以通过确认邮件中的链接查看订单的配送状态。'],
      ['refund', '如何申请退款', '退款将在5天内退回原支付方式。'],
      ['password', '重置密码', '在登录页面点击“忘记密码”即可重置。'],
      ['address', '修改收货地址', '订单发货前，您可以在账户中修改收货地址。'],
      ['invoice', '开具发票', '订单完成后，可以在订单详情页申请电子发票。'],
      ['damaged', '商品破损怎么办', '请拍照上传破损商品的照片，我们将为您换货。'],
      ['contact', '联系客服', '您可以在工作日9点到18点通过在线表单留言。'],
      ['fraud', '谨防诈骗', '如果有人冒充我们索要验证码，请不要提供。'],
    ],
    finds: [
      ['我想退钱', 'refund'],
      ['登陆不了', 'password'],
      ['产品损坏', 'damaged'],
      ['遇到骗子', 'fraud'],
      ['找人工', 'contact'],
      ['收据', 'invoice'],
    ],
    offTopic: ['明天天气怎么样', '红烧肉的做法', '足球比赛结果', '怎么学吉他'],
  },
};

describe('related words: a help centre in each language', () => {
  for (const [code, { articles, finds, offTopic }] of Object.entries(CENTRES) as Array<[SearchLanguage, HelpCentre]>) {
    const list: Article[] = articles.map(([id, title, body]) => ({ id, title, body }));
    const index = createSearchIndex(list, { lang: code });
    // The same articles searched without the table: each question below must need it.
    const table = TABLES[code]!;
    registerLanguage({ ...table, related: undefined });
    const without = createSearchIndex(list, { lang: code });
    registerLanguage(table);

    for (const [query, id] of finds) {
      it(`${code}: "${query}" finds ${id} first, through its related words`, () => {
        expect(index.search(query)[0]?.id).toBe(id);
        expect(without.search(query)[0]?.id).not.toBe(id);
      });
    }

    it(`${code}: everyday questions about something else are not answered`, () => {
      for (const query of offTopic) expect(index.search(query), query).toEqual([]);
    });
  }
});
