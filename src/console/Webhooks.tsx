/**
 * Webhooks: where events are posted (LIFELINE_WEBHOOK_URL), the deliveries that need attention
 * (retrying, with the next try, and failed for good), and the latest deliveries, each with its
 * event type, time, status, tries and last error. Refreshed every 10 seconds while shown.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentWebhookDelivery, AgentWebhooks } from '../server/api/agent-types';
import { api, ApiError } from './api';
import { deliveryLine, exactTime } from './webhook-format';
import { useStrings } from './strings';
import { useViewHeading } from './useViewHeading';

const REFRESH_MS = 10_000;

export function Webhooks({ onSignedOut }: { onSignedOut: () => void }) {
  const [data, setData] = useState<AgentWebhooks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useViewHeading();
  const t = useStrings().webhooks;

  const load = useCallback(async () => {
    try {
      setData(await api.webhooks());
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onSignedOut();
      else setError(e instanceof Error ? e.message : String(e));
    }
  }, [onSignedOut]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <>
      <div class="reports-head">
        <h1 ref={heading} tabIndex={-1}>
          {t.heading}
        </h1>
        <button type="button" onClick={() => void load()}>
          {t.refresh}
        </button>
      </div>
      <div role="alert" class="error">
        {error}
      </div>
      {data === null ? (
        !error && <p class="muted">{t.loading}</p>
      ) : (
        <>
          {data.endpoint === null ? (
            <p class="lead">
              {t.off[0]}
              <code>LIFELINE_WEBHOOK_URL</code>
              {t.off[1]}
              <code>LIFELINE_WEBHOOK_SECRET</code>
              {t.off[2]}
            </p>
          ) : (
            <p class="lead">
              {t.on[0]}
              <code class="endpoint" dir="ltr">{data.endpoint}</code>
              {t.on[1]}
              <code>webhook-id</code>
              {t.on[2]}
            </p>
          )}
          <DeliveryList id="webhooks-failing" title={t.failing} list={data.failing} empty={t.failingEmpty} />
          <DeliveryList id="webhooks-recent" title={t.recent} list={data.recent} empty={t.recentEmpty} />
        </>
      )}
    </>
  );
}

function DeliveryList({ id, title, list, empty }: { id: string; title: string; list: AgentWebhookDelivery[]; empty: string }) {
  const strings = useStrings();
  const t = strings.webhooks;
  const time = (iso: string): string => exactTime(iso, strings.locale);
  return (
    <section class="deliveries-section" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span class="count">· {list.length}</span>
      </h2>
      {list.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="deliveries" aria-labelledby={id}>
          {list.map((d) => (
            <li key={d.id} class={`delivery ${d.status}`}>
              <div class="delivery-head">
                <code class="event-type">{d.type}</code>
                <span class={`chip delivery-${d.status}`}>{t.status[d.status]}</span>
                {d.handoff && <a href={`#/handoff/${d.handoff.id}`}>{t.ref(d.handoff.ref)}</a>}
              </div>
              <p class="muted delivery-line">
                {t.happened} <time dateTime={d.eventAt}>{time(d.eventAt)}</time> · {deliveryLine(d, time, strings)}
              </p>
              {d.lastError &&
                (d.status === 'delivered' ? (
                  <p class="muted delivery-line">{t.earlierFailed(d.lastError)}</p>
                ) : (
                  <p class="delivery-error">{t.lastError(d.lastError)}</p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
