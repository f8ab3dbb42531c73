import { describe, expect, it } from 'vitest';
import { toChildArray, type VNode } from 'preact';
import { EmailCard } from './HumanView';
import type { PanelCtx } from './context';
import type { PanelStrings } from './strings';

describe('EmailCard', () => {
  it('builds its mailto: link even from a line with half an emoji, instead of throwing and blanking the view', () => {
    const ctx = { settings: { email: 'help@shop.example' } } as unknown as PanelCtx;
    const strings = { triedTitle: 'What you tried', emailSubject: 'Help with my order' } as PanelStrings;
    const card = EmailCard({ ctx, strings, lines: ['Page: Deals \uD83D'] }) as VNode<{ children: unknown }>;
    const link = toChildArray(card.props.children as never).find((child) => (child as VNode).type === 'a') as VNode<{ href: string }>;
    expect(link.props.href).toBe(
      `mailto:help@shop.example?subject=Help%20with%20my%20order&body=${encodeURIComponent('\n\nWhat you tried:\n- Page: Deals \uFFFD\n')}`,
    );
  });
});
