import { describe, expect, it } from 'vitest';
import { composeTranscriptMail } from './transcript-mail';
import { visitorMessageIds } from './mail';

const handoff = { id: 'h1', ref: '4821', context: { locale: 'en-US', timezone: 'America/New_York' } };
const lines = [
  { from: 'visitor' as const, agentName: null, text: 'Where is <my> order?', at: '2026-12-05T14:00:00Z' },
  { from: 'agent' as const, agentName: 'Sam', text: 'It ships today & arrives Friday.', at: '2026-12-05T14:02:00Z' },
  { from: 'agent' as const, agentName: null, text: 'Anything else?', at: '2026-12-05T14:03:00Z' },
];

describe('composeTranscriptMail', () => {
  it('quotes every message in order with who and when, in the visitor’s zone, threaded with their other mails', () => {
    const mail = composeTranscriptMail({ to: 'ann@example.com', handoff, lines, domain: 'shop.example' });
    expect(mail.to).toEqual(['ann@example.com']);
    expect(mail.subject).toBe('Your conversation with us (reference 4821)');
    const ids = visitorMessageIds('h1', 'shop.example');
    expect(mail.messageId).toBe(ids.part('transcript'));
    expect(mail.inReplyTo).toBe(ids.root);
    expect(mail.text).toContain('You (Dec 5, 09:00 AM EST):\n> Where is <my> order?');
    expect(mail.text).toContain('Sam (Dec 5, 09:02 AM EST):\n> It ships today & arrives Friday.');
    expect(mail.text).toContain('Support (Dec 5, 09:03 AM EST):\n> Anything else?');
    expect(mail.text.indexOf('Where is')).toBeLessThan(mail.text.indexOf('It ships'));
    expect(mail.text).toContain('Your reference: 4821');
    expect(mail.html).toContain('Where is &lt;my&gt; order?');
    expect(mail.html).not.toContain('<my>');
  });

  it('speaks the visitor’s language, English when it is not one of the four', () => {
    expect(composeTranscriptMail({ to: 'a@b.example', handoff: { ...handoff, context: { locale: 'de-AT' } }, lines, domain: 'd.example' }).subject).toBe('Ihre Unterhaltung mit uns (Referenz 4821)');
    expect(composeTranscriptMail({ to: 'a@b.example', handoff: { ...handoff, context: { locale: 'es' } }, lines, domain: 'd.example' }).text).toContain('Usted (');
    expect(composeTranscriptMail({ to: 'a@b.example', handoff: { ...handoff, context: null }, lines, domain: 'd.example' }).subject).toBe('Your conversation with us (reference 4821)');
  });

  it('quotes an article the agent sent by its title and a file by its name, not as an empty line', () => {
    const more = [
      { from: 'agent' as const, agentName: 'Sam', text: '', article: { articleId: 'refunds', title: 'Refunds' }, at: '2026-12-05T14:04:00Z' },
      { from: 'visitor' as const, agentName: null, text: '', attachments: [{ name: 'receipt.pdf' }], at: '2026-12-05T14:05:00Z' },
    ];
    const mail = composeTranscriptMail({ to: 'ann@example.com', handoff, lines: more, domain: 'shop.example' });
    expect(mail.text).toContain('Sam (Dec 5, 09:04 AM EST):\n> Article: “Refunds”');
    expect(mail.text).toContain('You (Dec 5, 09:05 AM EST):\n> [receipt.pdf]');
  });
});
