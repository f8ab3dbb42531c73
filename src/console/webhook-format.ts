/** Words for the Webhooks page (Webhooks.tsx), pure. */
import type { AgentWebhookDelivery, WebhookDeliveryStatus } from '../server/api/agent-types';

export const STATUS_LABEL: Record<WebhookDeliveryStatus, string> = {
  waiting: 'Waiting',
  sending: 'Sending',
  delivered: 'Delivered',
  retrying: 'Retrying',
  failed: 'Failed',
};

export const triesText = (n: number): string => (n === 1 ? '1 try' : `${n} tries`);

/** "Sat 5 Dec, 06:00:35": deliveries are tried seconds apart at first, so seconds count. */
export const exactTime = (iso: string): string =>
  new Date(iso).toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The line under a delivery: what happened to it and what comes next. */
export function deliveryLine(d: AgentWebhookDelivery, time: (iso: string) => string = exactTime): string {
  switch (d.status) {
    case 'waiting':
      return `Not sent yet; first try ${time(d.nextTryAt ?? d.updatedAt)}`;
    case 'sending':
      return `Being sent now (${triesText(d.attempts)} so far)`;
    case 'delivered':
      return `Delivered ${time(d.updatedAt)} after ${triesText(d.attempts)}`;
    case 'retrying':
      return `${triesText(d.attempts)} failed; next try ${time(d.nextTryAt ?? d.updatedAt)}`;
    case 'failed':
      return `Failed for good ${time(d.updatedAt)} after ${triesText(d.attempts)}`;
  }
}
