/**
 * The visitor's personal data, from their handoff's page (issue 16): Export as JSON downloads
 * everything kept about them (this handoff and every other with their e-mail or id); Delete
 * asks in a dialog, then erases all of it and goes back to the queue. The server refuses while
 * one of their handoffs is open, and says which.
 */
import { useRef, useState } from 'preact/hooks';
import type { AgentHandoffDetail } from '../server/api/agent-types';
import { api } from './api';
import { goToQueue } from './router';
import { useStrings } from './strings';

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Offers `json` as a file download named `name` (a link clicked, then let go). */
function download(name: string, json: unknown): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(json, null, 2)}\n`], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function PersonalData({ handoff }: { handoff: AgentHandoffDetail }) {
  const t = useStrings().personal;
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');
  const [exportError, setExportError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const open = handoff.status === 'queued' || handoff.status === 'active';
  const who = handoff.visitor?.email ?? handoff.visitor?.name ?? t.someone;

  const exportJson = async (): Promise<void> => {
    setBusy(true);
    setExportError(null);
    try {
      const exported = await api.visitorExport(handoff.id);
      download(`lifeline-visitor-${handoff.ref}.json`, exported);
      setSaid(t.exported(exported.handoffs.length));
    } catch (e) {
      setExportError(t.exportFailed(errorText(e)));
    } finally {
      setBusy(false);
    }
  };

  const ask = async (): Promise<void> => {
    setError(null);
    setFound(null);
    dialog.current?.showModal();
    try {
      setFound((await api.visitorExport(handoff.id)).handoffs.length);
    } catch {
      setFound(null); // the dialog still asks; the count is a help, not a condition
    }
  };

  const erase = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await api.visitorDelete(handoff.id);
      dialog.current?.close();
      goToQueue();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="personal-heading">
      <h2 id="personal-heading">{t.heading}</h2>
      <p class="hint muted">{t.intro(who)}</p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void exportJson()}>
          {t.export}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void ask()}>
          {t.delete}
        </button>
      </div>
      <p role="status" class="hint">
        {said}
      </p>
      <div role="alert" class="error">
        {exportError}
      </div>
      {open && <p class="hint muted">{t.openNote}</p>}
      <dialog ref={dialog} aria-labelledby="erase-heading" aria-describedby="erase-text" class="confirm" onClose={() => setBusy(false)}>
        <h2 id="erase-heading">{t.confirmHeading(who)}</h2>
        <p id="erase-text">{t.confirmText(found)}</p>
        <div role="alert" class="error">
          {error}
        </div>
        <div class="actions">
          <button type="button" class="danger" disabled={busy} onClick={() => void erase()}>
            {t.confirm}
          </button>
          <button type="button" autofocus onClick={() => dialog.current?.close()}>
            {t.cancel}
          </button>
        </div>
      </dialog>
    </section>
  );
}
