/**
 * Webhooks: where events are posted (LIFELINE_WEBHOOK_URL), the deliveries that need attention
 * (retrying, with the next try, and failed for good), and the latest deliveries, each with its
 * event type, time, status, tries and last error. Refreshed every 10 seconds while shown.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentWebhookDelivery, AgentWebhooks } from '../server/api/agent-types';
import { api, ApiError } from './api';
import { deliveryLine, exactTime, STATUS_LABEL } from './webhook-format';
import { useViewHeading } from './useViewHeading';

const REFRESH_MS = 10_000;

export function Webhooks({ onSignedOut }: { onSignedOut: () => void }) {
  const [data, setData] = useState<AgentWebhooks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useViewHeading();

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
          Webhooks
        </h1>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <div role="alert" class="error">
        {error}
      </div>
      {data === null ? (
        !error && <p class="muted">Loading the deliveries…</p>
      ) : (
        <>
          {data.endpoint === null ? (
            <p class="lead">
              Webhooks are off. Set <code>LIFELINE_WEBHOOK_URL</code> and <code>LIFELINE_WEBHOOK_SECRET</code> on the server to
              have every handoff event posted to your own service, signed in the Standard Webhooks format.
            </p>
          ) : (
            <p class="lead">
              Every handoff event is posted to <code class="endpoint">{data.endpoint}</code>, signed. A delivery that is not answered
              with a 2xx status within 10 seconds is tried again, with the same <code>webhook-id</code>, for 24 hours.
            </p>
          )}
          <DeliveryList id="webhooks-failing" title="Needs attention" list={data.failing} empty="Nothing is retrying or failed." />
          <DeliveryList id="webhooks-recent" title="Recent deliveries" list={data.recent} empty="No events have been sent yet." />
        </>
      )}
    </>
  );
}

function DeliveryList({ id, title, list, empty }: { id: string; title: string; list: AgentWebhookDelivery[]; empty: string }) {
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
                <span class={`chip delivery-${d.status}`}>{STATUS_LABEL[d.status]}</span>
                {d.handoff && <a href={`#/handoff/${d.handoff.id}`}>Ref {d.handoff.ref}</a>}
              </div>
              <p class="muted delivery-line">
                Happened <time dateTime={d.eventAt}>{exactTime(d.eventAt)}</time> · {deliveryLine(d)}
              </p>
              {d.lastError &&
                (d.status === 'delivered' ? (
                  <p class="muted delivery-line">An earlier try failed: {d.lastError}</p>
                ) : (
                  <p class="delivery-error">Last error: {d.lastError}</p>
                ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
