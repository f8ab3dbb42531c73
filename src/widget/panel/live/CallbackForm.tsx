import { useState } from 'preact/hooks';
import type { CallbackRequest } from '../../../protocol/types';
import type { Conversation } from '../../transport/conversation';
import type { LiveStrings } from '../strings';

/** The windows offered, in the visitor's own time: [from hour, to hour). */
const SLOTS: Array<[number, number]> = [[9, 12], [12, 17], [17, 20]];
const DAYS = 5;

/** The window as ISO times with the visitor's offset, from a day offset and a slot. */
export function windowFor(day: number, slot: number, now = new Date()): { from: string; to: string } {
  const [fromHour, toHour] = SLOTS[slot]!;
  const at = (hour: number): string => {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day, hour);
    return d.toISOString();
  };
  return { from: at(fromHour), to: at(toHour) };
}

export function CallbackForm({ s, phone: initial, onSubmit }: { s: LiveStrings; phone: string; onSubmit(cb: CallbackRequest): void }) {
  const now = new Date();
  // Today's slots that have already ended are not offered.
  const firstDay = SLOTS.some(([, to]) => to > now.getHours()) ? 0 : 1;
  const [phone, setPhone] = useState(initial);
  const [day, setDay] = useState(firstDay);
  const [slot, setSlot] = useState(() => Math.max(0, SLOTS.findIndex(([, to]) => to > now.getHours())));
  const [note, setNote] = useState('');
  const dayName = (offset: number): string =>
    offset === 0 ? s.today : offset === 1 ? s.tomorrow : new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'short' });

  return (
    <form
      class="ll-card ll-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({ phone: phone.trim(), ...windowFor(day, slot), ...(note.trim() && { note: note.trim() }) });
      }}
    >
      <h4 class="ll-card-title">{s.callbackTitle}</h4>
      <label class="ll-field">
        <span>{s.yourPhone}</span>
        <input class="ll-input" type="tel" autocomplete="tel" required minLength={3} maxLength={40} pattern="[0-9+() .\-]{3,40}" value={phone} onInput={(e) => setPhone((e.currentTarget as HTMLInputElement).value)} />
      </label>
      <label class="ll-field">
        <span>{s.day}</span>
        <select class="ll-input" value={day} onChange={(e) => setDay(Number((e.currentTarget as HTMLSelectElement).value))}>
          {Array.from({ length: DAYS }, (_, i) => i + firstDay).map((d) => <option key={d} value={d}>{dayName(d)}</option>)}
        </select>
      </label>
      <label class="ll-field">
        <span>{s.time}</span>
        <select class="ll-input" value={slot} onChange={(e) => setSlot(Number((e.currentTarget as HTMLSelectElement).value))}>
          {s.slots.map((label, i) => (
            <option key={i} value={i} disabled={day === 0 && SLOTS[i]![1] <= now.getHours()}>{label}</option>
          ))}
        </select>
      </label>
      <label class="ll-field">
        <span>{s.note}</span>
        <textarea class="ll-input" rows={2} maxLength={500} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <button type="submit" class="ll-pill ll-accent">{s.requestCall}</button>
    </form>
  );
}

export function CallbackDone({ conversation: c, s, onCancel }: { conversation: Conversation; s: LiveStrings; onCancel(): void }) {
  const cb = c.callback;
  const when = cb
    ? `${new Date(cb.from).toLocaleString(undefined, { weekday: 'long', hour: 'numeric', minute: '2-digit' })}–${new Date(cb.to).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' })}`
    : '';
  return (
    <section class="ll-card" role="status">
      <p>{cb ? s.callbackConfirmed(cb.phone, when) : ''}</p>
      <p class="ll-ref">{c.ref ? s.ref(c.ref) : s.sending}</p>
      <button type="button" class="ll-pill ll-plain" onClick={onCancel}>{s.cancelRequest}</button>
    </section>
  );
}
