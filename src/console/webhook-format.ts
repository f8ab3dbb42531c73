/** Words for the Webhooks page (Webhooks.tsx), pure. */
import type { AgentWebhookDelivery } from '../server/api/agent-types';
import type { ConsoleStrings } from './strings/types';
import en from './strings/en';

/** "Sat 5 Dec, 06:00:35": deliveries are tried seconds apart at first, so seconds count. */
export const exactTime = (iso: string, locale?: string): string =>
  new Date(iso).toLocaleString(locale ?? [], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The line under a delivery: what happened to it and what comes next. */
export function deliveryLine(d: AgentWebhookDelivery, time: (iso: string) => string = exactTime, s: ConsoleStrings = en): string {
  const t = s.webhooks.line;
  switch (d.status) {
    case 'waiting':
      return t.waiting(time(d.nextTryAt ?? d.updatedAt));
    case 'sending':
      return t.sending(d.attempts);
    case 'delivered':
      return t.delivered(time(d.updatedAt), d.attempts);
    case 'retrying':
      return t.retrying(d.attempts, time(d.nextTryAt ?? d.updatedAt));
    case 'failed':
      return t.failed(time(d.updatedAt), d.attempts);
  }
}
