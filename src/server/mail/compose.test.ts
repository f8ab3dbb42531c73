import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml, handoffMessageIds, oneLine, renderHtml, renderText, type MailBlock } from './compose';

const blocks: MailBlock[] = [
  { type: 'heading', text: 'New chat #4821' },
  { type: 'paragraph', text: 'Nobody has answered yet.\nPlease look.' },
  { type: 'fields', rows: [['Channel', 'Chat'], ['Reference', '4821']] },
  { type: 'list', items: ['Searched "refund <late>"', 'Read "Returns & refunds"'] },
  { type: 'quote', by: 'Visitor', at: '10:02', text: '<script>alert(1)</script>\nstill there?' },
  { type: 'link', label: 'Open in the console', href: 'https://help.example.com/console/handoffs/h1?x=1&y=2' },
  { type: 'link', label: 'Not linked', href: 'javascript:alert(1)' },
];

describe('the mail composer', () => {
  it('writes the plain-text part as a person would read it', () => {
    expect(renderText(blocks)).toBe(
      [
        'New chat #4821\n--------------',
        'Nobody has answered yet.\nPlease look.',
        'Channel: Chat\nReference: 4821',
        '- Searched "refund <late>"\n- Read "Returns & refunds"',
        'Visitor (10:02):\n> <script>alert(1)</script>\n> still there?',
        'Open in the console: https://help.example.com/console/handoffs/h1?x=1&y=2',
        'Not linked: javascript:alert(1)',
      ].join('\n\n') + '\n',
    );
  });

  it('escapes every text in the HTML part, and links only web addresses', () => {
    const html = renderHtml(blocks, 'A <b> title');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;<br>still there?');
    expect(html).toContain('Searched &quot;refund &lt;late&gt;&quot;');
    expect(html).toContain('Returns &amp; refunds');
    expect(html).toContain('<title>A &lt;b&gt; title</title>');
    expect(html).toContain('<a href="https://help.example.com/console/handoffs/h1?x=1&amp;y=2"');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('Not linked: javascript:alert(1)');
    expect(html).toContain('Nobody has answered yet.<br>Please look.');
    expect(escapeHtml(`"'&<>`)).toBe('&quot;&#39;&amp;&lt;&gt;');
  });

  it('puts a subject on one line, and threads a follow-up under its root', () => {
    const ids = handoffMessageIds('h-1/2', 'helpdesk', 'example.com');
    expect(ids.root).toBe('<lifeline.helpdesk.h-1-2@example.com>');
    expect(ids.part('message.m1')).toBe('<lifeline.helpdesk.h-1-2.message.m1@example.com>');
    const mail = composeMail({
      to: ['desk@example.com'],
      subject: 'Re: [#4821]\r\nBcc: evil@example.com',
      blocks,
      messageId: ids.part('message.m1'),
      replyTo: 'ada@example.com',
      thread: { inReplyTo: ids.root, references: [ids.root] },
    });
    expect(mail).toMatchObject({
      to: ['desk@example.com'],
      subject: 'Re: [#4821] Bcc: evil@example.com',
      replyTo: 'ada@example.com',
      messageId: ids.part('message.m1'),
      inReplyTo: ids.root,
      references: [ids.root],
      text: renderText(blocks),
    });
    expect(oneLine('a'.repeat(200), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});
