import { describe, expect, it } from 'vitest';
import { composeAwayMail } from './mail';

const handoff = { id: 'h-1', ref: '4821', context: { locale: 'en-GB', timezone: 'Europe/London' } };
const replies = [
  { id: 'm1', agentName: 'Sam', text: 'Your refund <b>left</b> today & "should" arrive soon.', at: '2026-03-01T10:00:00.000Z' },
  { id: 'm2', agentName: 'Sam', text: 'Anything else?\nJust reply in the chat.', at: '2026-03-01T10:00:30.000Z' },
];

describe('composeAwayMail', () => {
  it('carries every reply in text and escaped HTML, the link, the reference, and a thread per handoff', () => {
    const mail = composeAwayMail({ to: 'ann@example.com', handoff, replies, link: 'https://shop.example.com/orders#lifeline-reopen=a.b.c&x', domain: 'shop.example.com' });
    expect(mail.subject).toBe('Reply to your question (reference 4821)');
    expect(mail.text).toContain('Sam answered you after you left the chat:');
    expect(mail.to).toEqual(['ann@example.com']);
    expect(mail.text).toContain('> Your refund <b>left</b> today & "should" arrive soon.');
    expect(mail.text).toContain('> Anything else?\n> Just reply in the chat.');
    expect(mail.text).toContain('Continue the conversation: https://shop.example.com/orders#lifeline-reopen=a.b.c&x');
    expect(mail.text).toContain('for 7 days');
    expect(mail.text).toContain('Your reference: 4821');
    expect(mail.html).toContain('Your refund &lt;b&gt;left&lt;/b&gt; today &amp; &quot;should&quot; arrive soon.');
    expect(mail.html).not.toContain('<b>left</b>');
    expect(mail.html).toContain('<a href="https://shop.example.com/orders#lifeline-reopen=a.b.c&amp;x"');
    expect(mail.html).toContain('>Continue the conversation</a>');
    expect(mail.messageId).toBe('<lifeline.visitor.h-1.reply.m1@shop.example.com>');
    expect(mail.inReplyTo).toBe('<lifeline.visitor.h-1@shop.example.com>');
    expect(mail.references).toEqual(['<lifeline.visitor.h-1@shop.example.com>']);
  });

  it('speaks the visitor’s language and zone, and says how to carry on without a link', () => {
    const mail = composeAwayMail({
      to: 'a@b.fr',
      handoff: { ...handoff, context: { locale: 'fr', timezone: 'Europe/Paris' } },
      replies: [{ ...replies[0]!, agentName: null }],
      link: null,
      domain: 'x.example',
    });
    expect(mail.subject).toBe('Réponse à votre question (référence 4821)');
    expect(mail.text).toContain('Support vous a répondu');
    expect(mail.text).toContain('11:00'); // 10:00 UTC in Paris
    expect(mail.text).toContain('ouvrez l’aide sur notre site');
    expect(mail.text).not.toContain('lifeline-reopen');
  });

  it('names an article an agent sent, after their note or alone, in the visitor’s language', () => {
    const article = { articleId: 'refunds', title: 'Remboursements <rapides>' };
    const mail = composeAwayMail({
      to: 'a@b.fr',
      handoff: { ...handoff, context: { locale: 'fr-FR' } },
      replies: [{ ...replies[0]!, text: 'Voici :', article }, { ...replies[1]!, text: '', article }],
      link: null,
      domain: 'x.example',
    });
    expect(mail.text).toContain('> Voici :\n> \n> Article : « Remboursements <rapides> »');
    expect(mail.text).toMatch(/\n> Article : « Remboursements <rapides> »\n/);
    expect(mail.html).toContain('Article : « Remboursements &lt;rapides&gt; »');
  });

  it('writes Arabic right to left: lang and dir on the HTML, its rules mirrored, names joined as Arabic joins them, the reference isolated', () => {
    const mail = composeAwayMail({
      to: 'a@b.example',
      handoff: { ...handoff, context: { locale: 'ar-EG', timezone: 'Africa/Cairo' } },
      replies: [replies[0]!, { ...replies[1]!, agentName: 'Ana' }],
      link: 'https://shop.example.com/#lifeline-reopen=a.b.c',
      domain: 'x.example',
    });
    expect(mail.subject).toBe('رد على سؤالك (الرقم المرجعي \u20664821\u2069)');
    expect(mail.text).toContain('ردّ عليك \u2068Sam وAna\u2069 بعد مغادرتك المحادثة:');
    expect(mail.text).toContain('لمدة 7 أيام');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('border-right:3px solid #ccc');
    expect(mail.html).not.toContain('border-left');
    // The agent's English words keep their own direction inside the Arabic mail.
    expect(mail.html).toContain('<blockquote dir="auto"');
  });

  it('writes Hebrew right to left too, and English left to right as before', () => {
    const hebrew = composeAwayMail({ to: 'a@b.example', handoff: { ...handoff, context: { locale: 'he-IL' } }, replies, link: null, domain: 'x.example' });
    expect(hebrew.subject).toBe('תשובה לשאלה שלכם (מספר פנייה \u20664821\u2069)');
    expect(hebrew.html).toContain('<html lang="he" dir="rtl">');
    const english = composeAwayMail({ to: 'a@b.example', handoff, replies: [replies[0]!, { ...replies[1]!, agentName: 'Ana' }], link: null, domain: 'x.example' });
    expect(english.text).toContain('Sam and Ana answered you');
    expect(english.html).toContain('<html lang="en" dir="ltr">');
    expect(english.html).toContain('border-left:3px solid #ccc');
  });
});
